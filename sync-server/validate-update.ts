import * as Y from 'yjs';
import type { DeleteSetLike } from './delete-ranges';
import { skeletonUpdate, type StateVector } from './state-vector';
import { sectionClients } from './update-skim';

/** What the server needs to know about an update it is about to accept. */
export interface UpdateFacts {
  /** The clients whose clock this update moves on, and where to (the rest of the state vector stays). */
  advanced: StateVector;
  /** What the room had of the clients this update involves: enough to cut off what it already has. */
  before: StateVector;
  /** Some structs wait for others the document does not have yet (a gap): the state vector does not count them. */
  pending: boolean;
  deletes: DeleteSetLike;
}

/**
 * Reads a client's update against the stored document's state, or refuses it
 * (null) before it goes anywhere near the disk or another client.
 *
 * The server keeps no Y.Doc (a big workspace would cost it over a GB), so the
 * update is applied to a throwaway document that holds, in place of the real
 * content, one collected (GC) struct for each client the update involves (its
 * own, and those its structs point at), covering what the room has of it.
 * Yjs then reads every struct and deletion, and integrates each struct against
 * that stand-in exactly as far as the real document would: references into the
 * stored state resolve, a reference to a client's own future throws, gaps stay
 * pending. A struct left pending is not integrated yet, so its references are
 * checked here the way integration would check them later on every client.
 * The cost follows the update's size, not the document's or its history's.
 */
export function readUpdate(update: Uint8Array, known: StateVector): UpdateFacts | null {
  if (update.length === 0) return null;
  const scratch = new Y.Doc({ gc: false });
  try {
    // Into an empty room (a first upload, maybe 60 MB) there is nothing to stand in for: skip the extra decoding.
    const decoded = known.size > 0 ? Y.decodeUpdate(update) : null;
    if (!inYjsOrder(sectionClients(update) ?? clientsOf((decoded ?? Y.decodeUpdate(update)).structs))) return null;
    const before = decoded ? knownOf(involvedClients(decoded.structs), known) : new Map<number, number>();
    if (before.size > 0) Y.applyUpdate(scratch, skeletonUpdate(before));
    Y.applyUpdate(scratch, update);
    const pendingStructs = scratch.store.pendingStructs;
    if (pendingStructs && !referencesArePossible(Y.decodeUpdateV2(pendingStructs.update).structs)) return null;
    const advanced: StateVector = new Map();
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(scratch))) {
      if (clock > (known.get(client) ?? 0)) advanced.set(client, clock);
    }
    return { advanced, before, pending: pendingStructs !== null, deletes: decoded ? decoded.ds : deletesOf(scratch) };
  } catch {
    return null;
  } finally {
    scratch.destroy();
  }
}

/**
 * Into an empty document every deletion lands on a struct of the update itself
 * or stays pending, so the throwaway document already knows them all; reading
 * them from there spares a second decoding of what may be a 60 MB upload.
 */
function deletesOf(scratch: Y.Doc): DeleteSetLike {
  const ds: DeleteSetLike = Y.createDeleteSetFromStructStore(scratch.store);
  const pending = scratch.store.pendingDs;
  if (pending) {
    for (const [client, items] of Y.decodeUpdateV2(pending).ds.clients) ds.clients.set(client, [...(ds.clients.get(client) ?? []), ...items]);
  }
  return ds;
}

/**
 * Each client once, highest first, as every Yjs encoder writes them. The
 * server merges stored updates with Y.mergeUpdates, which silently drops
 * structs of an update in any other order, so such an update (only a crafted
 * or broken client sends one) is refused rather than stored and lost later.
 */
function inYjsOrder(clients: number[]): boolean {
  for (let i = 1; i < clients.length; i++) if (clients[i] >= clients[i - 1]) return false;
  return true;
}

function clientsOf(structs: Array<Y.Item | Y.GC | Y.Skip>): number[] {
  const clients: number[] = [];
  for (const struct of structs) if (struct.id.client !== clients[clients.length - 1]) clients.push(struct.id.client);
  return clients;
}

/** The clients whose structs integrating these would look at: their own, and those they point at. */
function involvedClients(structs: Array<Y.Item | Y.GC | Y.Skip>): Set<number> {
  const clients = new Set<number>();
  for (const struct of structs) {
    clients.add(struct.id.client);
    if (!(struct instanceof Y.Item)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) if (ref instanceof Y.ID) clients.add(ref.client);
  }
  return clients;
}

function knownOf(clients: Set<number>, known: StateVector): StateVector {
  const part: StateVector = new Map();
  for (const client of clients) {
    const clock = known.get(client);
    if (clock) part.set(client, clock);
  }
  return part;
}

/**
 * A struct can only point at structs that existed when it was made: for its
 * own client that means a lower clock. Yjs relies on it (it integrates a
 * client's structs in clock order) and throws on an item that breaks it.
 */
function referencesArePossible(structs: Array<Y.Item | Y.GC | Y.Skip>): boolean {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && ref.client === client && ref.clock >= clock) return false;
    }
  }
  return true;
}
