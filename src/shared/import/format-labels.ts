import type { Encoding } from './types';

/** How a file was read, in the words the column step shows ("values separated by semicolons · Windows-1252"). */
export const encodingLabels: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with byte-order mark)',
  'utf-16le': 'UTF-16 (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (older Excel on Windows)',
};

export const delimiterLabels: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };
