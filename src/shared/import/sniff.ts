import { utf16WithoutBom } from './decode';

/**
 * Tells a file that is no spreadsheet at all by its bytes, whatever its
 * name says: a PNG renamed ".csv" decodes as Windows-1252 text without an
 * error and would be read as rows of symbols with binary column names.
 */
const SIGNATURES: [number[], string, number?][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x57, 0x45, 0x42, 0x50], 'a WebP image', 8],
  [[0x66, 0x74, 0x79, 0x70], 'a video or photo (MP4, MOV or HEIC)', 4],
  [[0x1f, 0x8b], 'a compressed (gzip) file'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0x49, 0x44, 0x33], 'an MP3 audio file'],
];

const SAMPLE = 4096;

/** What the bytes are when they are certainly not text ("a PNG image", or "a binary file"); null when they may be a CSV. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [signature, kind, offset = 0] of SIGNATURES) {
    if (bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)) return kind;
  }
  // UTF-16 text has zero bytes in every other place, so it is told apart before counting control bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutBom(bytes)) return null;
  const end = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return 'a binary file';
    // Tab, line feed, form feed, carriage return and Ctrl-Z (an old end-of-file mark) occur in text; the rest does not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++;
  }
  return control > Math.max(2, end * 0.01) ? 'a binary file' : null;
}
