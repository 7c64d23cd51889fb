import * as buffer from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { keyEncoding } from 'y-leveldb';

/**
 * y-leveldb's layout, written directly (its own storeUpdate re-reads the
 * newest stored update on every write, which for a big workspace is the whole
 * first upload). The keys go through y-leveldb's own key encoding, so its
 * LeveldbPersistence and the reference server read this folder as their own:
 *
 *   ['v1', room, 'update', clock]  one Yjs update; the document is all of them
 *   ['v1_sv', room]                varuint clock + the state vector of the
 *                                  document as of the update at that clock
 *   ['v1', room, 'meta', name]     lib0 encodeAny(value), y-leveldb's meta
 */
const MAX_CLOCK = 0xffffffff;

export const updateKey = (room: string, clock: number): Buffer => keyEncoding.encode(['v1', room, 'update', clock]);
export const stateVectorKey = (room: string): Buffer => keyEncoding.encode(['v1_sv', room]);
export const metaKey = (room: string, name: string): Buffer => keyEncoding.encode(['v1', room, 'meta', name]);

export const updateRange = (room: string): { gte: Buffer; lt: Buffer } => ({ gte: updateKey(room, 0), lt: updateKey(room, MAX_CLOCK) });

export function clockOfUpdateKey(key: Uint8Array): number {
  const clock = keyEncoding.decode(key)[3];
  if (typeof clock !== 'number') throw new Error('not an update key');
  return clock;
}

export function encodeStateVectorValue(clock: number, stateVector: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint8Array(encoder, stateVector);
  return Buffer.from(encoding.toUint8Array(encoder));
}

export function decodeStateVectorValue(value: Uint8Array): { clock: number; stateVector: Uint8Array } {
  const decoder = decoding.createDecoder(value);
  const clock = decoding.readVarUint(decoder);
  return { clock, stateVector: decoding.readVarUint8Array(decoder) };
}

export const encodeMeta = (value: unknown): Buffer => Buffer.from(buffer.encodeAny(value));
export const decodeMeta = (value: Uint8Array): unknown => buffer.decodeAny(value);
