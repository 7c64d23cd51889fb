import * as encoding from 'lib0/encoding';

interface Id {
  client: number;
  clock: number;
}

/**
 * A hand-made Yjs (v1) update with one item holding the string 'x': what a
 * buggy or hostile client could send, which the Yjs API never produces.
 * Without origins the item goes into the root map 'items'.
 */
export function itemUpdate({ client, clock, origin, rightOrigin }: Id & { origin: Id | null; rightOrigin: Id | null }): Uint8Array {
  const CONTENT_ANY = 8;
  const HAS_ORIGIN = 0x80;
  const HAS_RIGHT_ORIGIN = 0x40;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, CONTENT_ANY | (origin ? HAS_ORIGIN : 0) | (rightOrigin ? HAS_RIGHT_ORIGIN : 0));
  for (const id of [origin, rightOrigin]) {
    if (!id) continue;
    encoding.writeVarUint(encoder, id.client);
    encoding.writeVarUint(encoder, id.clock);
  }
  if (!origin && !rightOrigin) {
    encoding.writeVarUint(encoder, 1); // the parent is a root type, by name
    encoding.writeVarString(encoder, 'items');
  }
  encoding.writeVarUint(encoder, 1); // one value
  encoding.writeAny(encoder, 'x');
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}
