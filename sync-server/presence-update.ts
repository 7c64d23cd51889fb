import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's entry in a y-protocols awareness update. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as the client sent it: UTF-8 JSON, `null` when the client is leaving. */
  json: Uint8Array;
  removal: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads an awareness update (varuint count, then per client: varuint id,
 * varuint clock, varstring JSON state) without applying it, so the server can
 * decide entry by entry what it passes on. Throws on anything unreadable,
 * including a state that is not JSON, so a bad update is refused whole rather
 * than half-applied.
 */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarUint8Array(decoder);
    const state: unknown = JSON.parse(utf8.decode(json));
    entries.push({ clientId, clock, json, removal: state === null });
  }
  return entries;
}

/** The entries as an awareness update again (a varstring is a varuint length and the UTF-8 bytes, as written here). */
export function writePresenceUpdate(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarUint8Array(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
