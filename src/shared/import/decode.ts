import type { Encoding } from './types';

/**
 * Turns a CSV file's bytes into text. Spreadsheet apps write CSVs in several
 * encodings: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text"
 * from Excel) and, on older Windows setups, Windows-1252. A wrong guess makes
 * "Zoë" into "ZoÃ«" without any error, so the order matters: a BOM is
 * certain; UTF-16 without a BOM shows as zero bytes in every other position;
 * strict UTF-8 fails loudly on Windows-1252 bytes, which is what tells them
 * apart. TextDecoder is the same in browsers, workers and Node.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sixteen = utf16WithoutBom(bytes);
  if (sixteen) return { text: new TextDecoder(sixteen).decode(bytes), encoding: sixteen };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's 0x80–0x9F: €, curly quotes, dashes, Ž… (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Browsers decode these 32 bytes by the Windows table, but Node 20's
 * TextDecoder reads them as Latin-1 control characters, so they are mapped
 * here: the same file must read the same in the app and in its tests.
 */
function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** ASCII-heavy text in UTF-16 has a zero in every second byte; text in any 8-bit encoding has almost none. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

