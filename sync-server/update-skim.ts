import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/**
 * Whether a stored update can be read as a Yjs (v1) update, every byte of it.
 *
 * Checking a data folder reads every room, and a 50k-creator workspace is a
 * 60 MB update: Y.decodeUpdate takes seconds and a GB of memory for it, and
 * Y.parseUpdateMeta seconds while not even reading the deletions at the end.
 * This walks the encoding without building anything (strings and buffers are
 * skipped by their length), and insists on ending exactly at the last byte,
 * so a truncated or garbled value is caught wherever it was cut. Only when the
 * walk fails does Yjs itself decide, so a gap in this walk can cost time but
 * never call a readable update damaged.
 */
export function isReadableUpdate(update: Uint8Array): boolean {
  try {
    if (skimUpdate(update)) return true;
  } catch {
    // fall through to Yjs
  }
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/**
 * The clients of an update's struct sections, in the order they are written
 * (null when the walk cannot read it). Yjs writes them highest first, and
 * Y.mergeUpdates, with which the server merges what it stores, relies on it:
 * given another order, it drops structs.
 */
export function sectionClients(update: Uint8Array): number[] | null {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const clients: number[] = [];
    for (let c = 0; c < count; c++) {
      if (d.pos >= update.length) return null;
      const structs = decoding.readVarUint(d);
      clients.push(decoding.readVarUint(d));
      decoding.readVarUint(d); // clock
      for (let s = 0; s < structs; s++) {
        if (d.pos >= update.length) return null;
        skimStruct(d);
      }
    }
    return clients;
  } catch {
    return null;
  }
}

const BITS5 = 0b11111;
const BIT6 = 0b100000;
const BIT7 = 0b1000000;
const BIT8 = 0b10000000;
const XML_ELEMENT = 3;
const XML_HOOK = 5;

function skimUpdate(update: Uint8Array): boolean {
  const d = decoding.createDecoder(update);
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    if (d.pos >= update.length) return false;
    const structs = decoding.readVarUint(d);
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // clock
    for (let s = 0; s < structs; s++) {
      // Garbage can claim billions of structs: stop as soon as the bytes run out.
      if (d.pos >= update.length) return false;
      skimStruct(d);
    }
  }
  const deleteClients = decoding.readVarUint(d);
  for (let c = 0; c < deleteClients; c++) {
    if (d.pos >= update.length) return false;
    decoding.readVarUint(d); // client
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      if (d.pos >= update.length) return false;
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
  }
  return d.pos === update.length;
}

function skimStruct(d: decoding.Decoder): void {
  const info = decoding.readUint8(d);
  const kind = info & BITS5;
  if (kind === 0 || kind === 10) {
    decoding.readVarUint(d); // GC or Skip: a length
    return;
  }
  if (info & BIT8) skipId(d);
  if (info & BIT7) skipId(d);
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(d) === 1) skipString(d);
    else skipId(d);
    if (info & BIT6) skipString(d);
  }
  switch (kind) {
    case 1: // deleted
      decoding.readVarUint(d);
      return;
    case 2: { // JSON
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipString(d);
      return;
    }
    case 3: // binary
      skipString(d);
      return;
    case 4: // string
      skipString(d);
      return;
    case 5: // embed
      skipString(d);
      return;
    case 6: // format: key and JSON value
      skipString(d);
      skipString(d);
      return;
    case 7: { // a type
      const ref = decoding.readVarUint(d);
      if (ref > 6) throw new Error('unknown type');
      if (ref === XML_ELEMENT || ref === XML_HOOK) skipString(d);
      return;
    }
    case 8: { // any
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return;
    }
    case 9: // subdocument
      skipString(d);
      decoding.readAny(d);
      return;
    default:
      throw new Error('unknown content');
  }
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}

/** A length-prefixed string or buffer, skipped without decoding it. */
function skipString(d: decoding.Decoder): void {
  const length = decoding.readVarUint(d);
  if (d.pos + length > d.arr.length) throw new Error('past the end');
  d.pos += length;
}
