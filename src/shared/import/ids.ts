/**
 * Ids in newId()'s format (time, then random), for tens of thousands of
 * records at once: the random bytes are fetched in blocks, because one
 * getRandomValues call per id costs more than the rest of an import row.
 */
export function idFactory(): () => string {
  const BLOCK = 65_536;
  let bytes = new Uint8Array(0);
  let at = 0;
  return () => {
    if (at + 8 > bytes.length) {
      bytes = new Uint8Array(BLOCK);
      globalThis.crypto.getRandomValues(bytes);
      at = 0;
    }
    const time = Date.now().toString(36).padStart(9, '0');
    let random = '';
    for (let i = 0; i < 8; i++) random += bytes[at + i].toString(36).padStart(2, '0');
    at += 8;
    return time + random.slice(0, 12);
  };
}
