import * as decoding from 'lib0/decoding';

/**
 * Walking a Yjs (v1) update's bytes without building anything: the one reader
 * of the format, used by the splitter (split-update.ts) and by the server's
 * checks (sync-server/update-skim.ts). A 100,000-creator workspace is 120 MB
 * as one update; Y.decodeUpdate costs seconds and a GB for it, while this
 * skips strings and buffers by their length.
 *
 * Layout (Yjs encoding.js, writeClientsStructs / writeDeleteSet): a count of
 * clients; per client a struct count, the client, its first clock, then its
 * structs; then the delete set (per client, ranges of clock and length).
 */

const BITS5 = 0b11111;
const BIT6 = 0b100000;
const BIT7 = 0b1000000;
const BIT8 = 0b10000000;
export const GC = 0;
export const SKIP = 10;
const XML_ELEMENT = 3;
const XML_HOOK = 5;

/** The struct's info byte says it is a GC or a Skip (a length, nothing else). */
export function isGcOrSkip(info: number): boolean {
  const kind = info & BITS5;
  return kind === GC || kind === SKIP;
}

/**
 * Reads the struct's references at `d` (just past its info byte): its left
 * origin, right origin, and (when it has neither) its parent given by id.
 * `visit` gets each (client, clock) pair; a parent given by name is skipped.
 */
export function readReferences(d: decoding.Decoder, info: number, visit: (client: number, clock: number) => void): void {
  if (info & BIT8) visit(decoding.readVarUint(d), decoding.readVarUint(d));
  if (info & BIT7) visit(decoding.readVarUint(d), decoding.readVarUint(d));
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(d) === 1) skipBytes(d);
    else visit(decoding.readVarUint(d), decoding.readVarUint(d));
    if (info & BIT6) skipBytes(d); // the key in its parent map
  }
}

const ignore = (): void => undefined;

/** Skips one struct; returns how many clock ticks it covers. Throws on bytes that are not a struct. */
export function skipStruct(d: decoding.Decoder): number {
  const info = decoding.readUint8(d);
  const kind = info & BITS5;
  if (kind === GC || kind === SKIP) return decoding.readVarUint(d);
  readReferences(d, info, ignore);
  switch (kind) {
    case 1: // deleted: a length
      return decoding.readVarUint(d);
    case 2: { // JSON values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipBytes(d);
      return n;
    }
    case 3: // binary
    case 5: // embed
      skipBytes(d);
      return 1;
    case 4: // string: as long as the JS string is (UTF-16 units)
      return skipString(d);
    case 6: // format: key and value
      skipBytes(d);
      skipBytes(d);
      return 1;
    case 7: { // a type
      const ref = decoding.readVarUint(d);
      if (ref > 6) throw new Error('an unknown type in the update');
      if (ref === XML_ELEMENT || ref === XML_HOOK) skipBytes(d);
      return 1;
    }
    case 8: { // any values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return n;
    }
    case 9: // subdocument: guid and options
      skipBytes(d);
      skipAny(d);
      return 1;
    default:
      throw new Error('an unknown kind of content in the update');
  }
}

/**
 * Skips the delete set and insists it ends exactly at the last byte, so a
 * truncated or garbled update is caught wherever it was cut.
 */
export function skipDeletes(d: decoding.Decoder): void {
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    if (d.pos >= d.arr.length) throw new Error('the update ends inside its deletions');
    decoding.readVarUint(d); // client
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      // Garbage can claim billions of ranges: stop as soon as the bytes run out.
      if (d.pos >= d.arr.length) throw new Error('the update ends inside its deletions');
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
  }
  if (d.pos !== d.arr.length) throw new Error('the update has bytes after its deletions');
}

function skipBytes(d: decoding.Decoder): void {
  const length = decoding.readVarUint(d);
  if (d.pos + length > d.arr.length) throw new Error('the update ends inside a value');
  d.pos += length;
}

/** Skips a UTF-8 string and returns its length in UTF-16 units, as Yjs counts a string's clock ticks. */
function skipString(d: decoding.Decoder): number {
  const length = decoding.readVarUint(d);
  const end = d.pos + length;
  if (end > d.arr.length) throw new Error('the update ends inside a value');
  const bytes = d.arr;
  let units = 0;
  for (let i = d.pos; i < end; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1; // a 4-byte character is a surrogate pair
  }
  d.pos = end;
  return units;
}

/** Skips one lib0 "any" value (lib0/decoding readAny) without building it. */
function skipAny(d: decoding.Decoder): void {
  const type = decoding.readUint8(d);
  switch (type) {
    case 127: case 126: case 121: case 120: return; // undefined, null, false, true
    case 125: decoding.readVarInt(d); return;
    case 124: skipFixed(d, 4); return;
    case 123: case 122: skipFixed(d, 8); return;
    case 119: case 116: skipBytes(d); return; // string, bytes
    case 118: { // object
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        skipBytes(d);
        skipAny(d);
      }
      return;
    }
    case 117: { // array
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d);
      return;
    }
    default:
      throw new Error('an unknown value in the update');
  }
}

function skipFixed(d: decoding.Decoder, n: number): void {
  if (d.pos + n > d.arr.length) throw new Error('the update ends inside a value');
  d.pos += n;
}
