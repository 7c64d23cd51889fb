import type { PresenceEntry } from './presence-update';

export interface PresenceLimits {
  /** Presence client ids one connection may hold in a room (a window has one). */
  maxIdsPerConnection: number;
  /** Largest presence state, in bytes of its JSON. */
  maxStateBytes: number;
}

export const PRESENCE_DEFAULTS: PresenceLimits = {
  // One per window; the rest is room for a reload whose old id the client has not removed yet.
  maxIdsPerConnection: 4,
  // The app's own presence (name, colour, what is open) is well under 1 KB.
  maxStateBytes: 16 * 1024,
};

/** What was dropped from one connection's presence, and a few of the ids concerned (for the log). */
export interface PresenceDrops {
  /** Entries for an id another invite's connection owns (posing as someone else, or removing them). */
  spoofed: number;
  /** New ids beyond the connection's limit. */
  overLimit: number;
  /** States over the size limit. */
  tooLarge: number;
  clientIds: number[];
}

const SAMPLE_IDS = 5;

interface Owner {
  readonly tokenHash: string;
}

/**
 * Who may speak for which presence client id in one room. A connection owns
 * an id from the first time it announces it, as long as no connection with
 * another invite owns it, until it removes it or leaves.
 *
 * A connection with the same invite may take an id over: that is the app
 * reconnecting (its client id survives the reconnect) while the server has
 * not noticed yet that the old socket is dead, which can take up to a minute
 * of missed pings; it takes over with its next newer state (the app renews its
 * presence every 15 s). Refusing it would freeze that person's presence and log
 * them as an impostor; an invite is one teammate, so letting it move its own
 * ids between its connections lies about no one else.
 */
export class PresenceOwners<P extends Owner> {
  private readonly owners = new Map<number, P>();
  private readonly owned = new Map<P, Set<number>>();

  constructor(private readonly limits: PresenceLimits) {}

  /**
   * The entries `peer` may send, claiming new ids for it as it goes; `released`
   * are the ids it gave up (removed), `drops` what was refused and worth a log
   * line (null: nothing). `knownClock` is the room's last clock for an id.
   *
   * An entry for someone else's id that is not newer than what the room has is
   * dropped without a word: the stock client sends back every presence it
   * receives (and removes peers it has not heard from), which would change
   * nothing, or only remove a teammate still there.
   */
  filter(peer: P, entries: PresenceEntry[], knownClock: (id: number) => number): { kept: PresenceEntry[]; released: number[]; drops: PresenceDrops | null } {
    const kept: PresenceEntry[] = [];
    const released: number[] = [];
    const drops: PresenceDrops = { spoofed: 0, overLimit: 0, tooLarge: 0, clientIds: [] };
    const drop = (kind: 'spoofed' | 'overLimit' | 'tooLarge', id: number): void => {
      drops[kind]++;
      if (drops.clientIds.length < SAMPLE_IDS && !drops.clientIds.includes(id)) drops.clientIds.push(id);
    };
    const mine = this.idsOf(peer);
    for (const entry of entries) {
      const id = entry.clientId;
      const owner = this.owners.get(id);
      if (owner !== peer) {
        if (entry.clock <= knownClock(id)) continue;
        if (owner !== undefined && owner.tokenHash !== peer.tokenHash) {
          drop('spoofed', id);
          continue;
        }
      }
      if (entry.removal) {
        // A removal of an id nobody owns removes nothing the room shows.
        if (owner === undefined) continue;
        this.forget(owner, id);
        released.push(id);
        kept.push(entry);
        continue;
      }
      if (entry.json.length > this.limits.maxStateBytes) {
        drop('tooLarge', id);
        continue;
      }
      if (owner !== peer) {
        if (mine.size >= this.limits.maxIdsPerConnection) {
          drop('overLimit', id);
          continue;
        }
        if (owner !== undefined) this.forget(owner, id);
        this.owners.set(id, peer);
        mine.add(id);
      }
      kept.push(entry);
    }
    const dropped = drops.spoofed + drops.overLimit + drops.tooLarge > 0;
    return { kept, released, drops: dropped ? drops : null };
  }

  isOwned(id: number): boolean {
    return this.owners.has(id);
  }

  /** Forgets `peer` (it left); returns the ids it owned, whose presence must go. */
  release(peer: P): number[] {
    const ids = [...(this.owned.get(peer) ?? [])];
    for (const id of ids) this.owners.delete(id);
    this.owned.delete(peer);
    return ids;
  }

  private idsOf(peer: P): Set<number> {
    let ids = this.owned.get(peer);
    if (!ids) {
      ids = new Set();
      this.owned.set(peer, ids);
    }
    return ids;
  }

  private forget(owner: P, id: number): void {
    this.owners.delete(id);
    this.owned.get(owner)?.delete(id);
  }
}
