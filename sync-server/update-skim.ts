import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { skipDeletes, skipStruct } from '../src/shared/sync/update-format';

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
        skipStruct(d);
      }
    }
    return clients;
  } catch {
    return null;
  }
}

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
      skipStruct(d);
    }
  }
  skipDeletes(d);
  return true;
}
