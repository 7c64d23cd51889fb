import * as encoding from 'lib0/encoding';

/** A Yjs delete set as Yjs hands it out (`Y.decodeUpdate(update).ds`). */
export interface DeleteSetLike {
  clients: Map<number, Array<{ clock: number; len: number }>>;
}

/**
 * Which ids a room's document has deleted, kept without the document: per
 * client, sorted disjoint ranges as a flat [clock, len, clock, len, …] list.
 *
 * The server needs it to tell whether an update that brings no new content
 * deletes anything new (a client re-sending its deletions on every reconnect
 * must not be stored and relayed again and again), and to send a client that
 * already has every struct of the stored document just the deletions.
 */
export class DeleteRanges {
  private readonly clients = new Map<number, number[]>();

  static from(ds: DeleteSetLike): DeleteRanges {
    const ranges = new DeleteRanges();
    ranges.addAll(ds);
    return ranges;
  }

  get isEmpty(): boolean {
    return this.clients.size === 0;
  }

  addAll(ds: DeleteSetLike): void {
    for (const [client, items] of ds.clients) for (const { clock, len } of items) this.add(client, clock, len);
  }

  add(client: number, clock: number, len: number): void {
    if (len <= 0) return;
    let list = this.clients.get(client);
    if (!list) this.clients.set(client, (list = []));
    let start = clock;
    let end = clock + len;
    // The first range that ends at or after `start` (touching ranges merge).
    const i = this.firstEndingAtOrAfter(list, start);
    // Already deleted (the common case: a reconnecting client re-sends every deletion it knows).
    if (i < list.length && list[i] <= start && list[i] + list[i + 1] >= end) return;
    let remove = 0;
    while (i + remove * 2 < list.length && list[i + remove * 2] <= end) {
      const s = list[i + remove * 2];
      const e = s + list[i + remove * 2 + 1];
      start = Math.min(start, s);
      end = Math.max(end, e);
      remove++;
    }
    list.splice(i, remove * 2, start, end - start);
  }

  /** True when every id `ds` deletes is already deleted here. */
  covers(ds: DeleteSetLike): boolean {
    for (const [client, items] of ds.clients) {
      const list = this.clients.get(client);
      for (const { clock, len } of items) {
        if (len <= 0) continue;
        if (!list) return false;
        const i = this.firstEndingAtOrAfter(list, clock + 1);
        if (i >= list.length || list[i] > clock || list[i] + list[i + 1] < clock + len) return false;
      }
    }
    return true;
  }

  /** A Yjs (v1) update that carries these deletions and no content. */
  toUpdate(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, this.clients.size);
    // Yjs writes clients in descending order; readers do not depend on it, but keep the bytes familiar.
    for (const client of [...this.clients.keys()].sort((a, b) => b - a)) {
      const list = this.clients.get(client)!;
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, list.length / 2);
      for (let i = 0; i < list.length; i++) encoding.writeVarUint(encoder, list[i]);
    }
    return encoding.toUint8Array(encoder);
  }

  /** Index (even) of the first range whose end (exclusive) is >= `at`. */
  private firstEndingAtOrAfter(list: number[], at: number): number {
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid * 2] + list[mid * 2 + 1] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo * 2;
  }
}
