import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/shared/import/decode';

const utf16le = (text: string) => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};
const swap = (bytes: Uint8Array) => bytes.map((_, i) => bytes[i % 2 === 0 ? i + 1 : i - 1]);

describe('decoding CSV bytes', () => {
  it('reads plain UTF-8, and strips a byte-order mark', () => {
    expect(decodeText(new TextEncoder().encode('Name\nZoë'))).toEqual({ text: 'Name\nZoë', encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Name\nZoë')]);
    expect(decodeText(bom)).toEqual({ text: 'Name\nZoë', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 in either byte order, with or without a byte-order mark', () => {
    const text = 'Full name\tHandle\r\nŁucja Wiśniewska\t@lucja';
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le(text)]))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...swap(utf16le(text))]))).toEqual({ text, encoding: 'utf-16be' });
    expect(decodeText(utf16le(text))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(swap(utf16le(text)))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8, instead of showing “ZoÃ«”', () => {
    // "Zoë Müller;5€" as older Excel on Windows writes it.
    const bytes = new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x35, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Zoë Müller;5€', encoding: 'windows-1252' });
  });
});
