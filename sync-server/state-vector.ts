import * as encoding from 'lib0/encoding';

/** Per client, the clock up to which (exclusive) a document has every struct: Yjs' state vector. */
export type StateVector = Map<number, number>;

/** True when `have` has at least everything `need` has. */
export function includes(have: StateVector, need: StateVector): boolean {
  for (const [client, clock] of need) if (clock > 0 && (have.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * A (v1) update that claims every struct of the state vector, as collected
 * garbage (GC structs). Applied to a throwaway Y.Doc first, it stands in for
 * the stored document: an incoming update then integrates against it exactly
 * as far as the real document would let it (its references to stored structs
 * resolve, its gaps stay pending), without holding the real content in memory.
 */
export function skeletonUpdate(sv: StateVector): Uint8Array {
  const clients = [...sv].filter(([, clock]) => clock > 0);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clients.length);
  for (const [client, clock] of clients) {
    encoding.writeVarUint(encoder, 1); // one struct
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, 0); // starting at clock 0
    encoding.writeUint8(encoder, 0); // a GC struct…
    encoding.writeVarUint(encoder, clock); // …of this length
  }
  encoding.writeVarUint(encoder, 0); // no deletions
  return encoding.toUint8Array(encoder);
}
