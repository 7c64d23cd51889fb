import * as Y from 'yjs';
import { DeleteRanges } from './delete-ranges';
import type { BaseDescription, DocPersistence, StoredRoom, StoredUpdate } from './doc-persistence';
import { includes, type StateVector } from './state-vector';
import { readUpdate, type UpdateFacts } from './validate-update';
import { compactionFor } from './compaction-policy';
import { splitUpdate } from '../src/shared/sync/split-update';

/**
 * The most the server sends in one message when answering a client: a big
 * stored workspace (120 MB for 100,000 creators) goes as pieces of this size,
 * which a client applies one by one, staying responsive (and heard from)
 * in between, instead of one message it spends many seconds on.
 */
export const OUTGOING_PIECE_BYTES = 8 * 1024 * 1024;

/** An update with nothing in it: what an empty document sends. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** An update checked against the document and found to add something; ready to be saved. */
export interface NewUpdate {
  /** What is new in it (the parts the document already had are cut off): what is saved and relayed. */
  update: Uint8Array;
  facts: UpdateFacts;
}

/**
 * One room's document as the server keeps it: not a Y.Doc (a 50k-creator
 * workspace is ~60 MB as an update but over 1.5 GB as a Y.Doc, and loading
 * one takes seconds), but the stored updates themselves, exactly as on disk:
 *
 * - the base: the first stored update, usually everything merged, with its
 *   state vector and deletions saved next to it;
 * - the tail: every update accepted since, one per change.
 *
 * A new client is sent the stored bytes as they are; a client that has all
 * of the base gets only the base's deletions and what it lacks of the tail.
 * Only a client with part of the base costs a pass over it (Y.diffUpdate). The state vector and the delete set of the whole
 * document are kept up to date as updates arrive, so answering never needs to
 * read the document. Now and then the tail is merged (see compaction-policy).
 */
export class DocState {
  private base: Uint8Array | null = null;
  /** The base cut into pieces for sending, once a client has needed all of it. */
  private basePieces: Uint8Array[] | null = null;
  private baseClock = -1;
  private baseStateVector: StateVector = new Map();
  private baseDeletes: Uint8Array = EMPTY_UPDATE;
  /** The base holds structs beyond its state vector, so it must be diffed, never assumed. */
  private baseGaps = false;
  private tail: StoredUpdate[] = [];
  private tailBytes = 0;
  private tailMerged: Uint8Array | null = null;
  private stateVector: StateVector = new Map();
  private encodedStateVector: Uint8Array | null = null;
  private deletes = new DeleteRanges();
  /** Some stored structs wait for a gap to be filled: the state vector may understate what is stored. */
  private gaps = false;
  private nextClock = 0;

  private constructor(
    readonly room: string,
    private readonly persistence: DocPersistence,
  ) {}

  static async load(room: string, persistence: DocPersistence): Promise<DocState> {
    const state = new DocState(room, persistence);
    await state.restore(await persistence.read(room));
    return state;
  }

  /** The state vector, as sync step 1 carries it. */
  encodedState(): Uint8Array {
    this.encodedStateVector ??= Y.encodeStateVector(this.stateVector);
    return this.encodedStateVector;
  }

  /**
   * What a client with `encodedStateVector` lacks, as updates to send in this
   * order (the last one as sync step 2, so that when the client calls itself
   * synced it has applied everything).
   */
  missingFor(encodedStateVector: Uint8Array): Uint8Array[] {
    const theirs = Y.decodeStateVector(encodedStateVector);
    const parts: Uint8Array[] = [];
    if (this.base) {
      // Cut once per base: every new teammate gets the same pieces.
      if (lacksAll(theirs, this.baseStateVector)) parts.push(...(this.basePieces ??= inPieces(this.base)));
      else if (!this.baseGaps && includes(theirs, this.baseStateVector)) parts.push(this.baseDeletes);
      else parts.push(...inPieces(Y.diffUpdate(this.base, encodedStateVector)));
    }
    if (this.tail.length > 0) {
      const tail = this.mergedTail();
      parts.push(...inPieces(theirs.size === 0 ? tail : Y.diffUpdate(tail, encodedStateVector)));
    }
    return parts.length > 0 ? parts : [EMPTY_UPDATE];
  }

  /**
   * Checks a client's update against the document. 'invalid': Yjs cannot read
   * it, or it could not be applied (it must never reach the disk); 'known':
   * the document already has all of it.
   */
  check(update: Uint8Array): NewUpdate | 'invalid' | 'known' {
    const facts = readUpdate(update, this.stateVector);
    if (!facts) return 'invalid';
    const addsStructs = facts.pending || facts.advanced.size > 0;
    if (!addsStructs && this.deletes.covers(facts.deletes)) return 'known';
    const fresh = facts.before.size === 0 ? update : Y.diffUpdate(update, Y.encodeStateVector(facts.before));
    return { update: fresh, facts };
  }

  /** Saves a checked update; only once it is on disk does the document in memory include it. */
  async add({ update, facts }: NewUpdate): Promise<void> {
    const clock = this.nextClock++;
    if (!this.base) {
      const stateVector = new Map([...this.stateVector, ...facts.advanced]);
      const deletes = DeleteRanges.from(facts.deletes).toUpdate();
      const description = { clock, stateVector: Y.encodeStateVector(stateVector), deletes, gaps: facts.pending };
      await this.persistence.writeBase(this.room, description, update);
      this.setBase(update, description, stateVector);
    } else {
      await this.persistence.append(this.room, clock, update);
      this.tail.push({ clock, update });
      this.tailBytes += update.length;
      this.tailMerged = null;
    }
    this.advance(facts);
  }

  /** Merges stored updates when the policy says it is time; a no-op otherwise. */
  async compactIfDue(): Promise<void> {
    const due = compactionFor({ baseBytes: this.base?.length ?? 0, tailUpdates: this.tail.length, tailBytes: this.tailBytes });
    if (due === 'all') await this.mergeAll();
    else if (due === 'tail') await this.mergeTail();
  }

  private mergedTail(): Uint8Array {
    this.tailMerged ??= this.tail.length === 1 ? this.tail[0].update : Y.mergeUpdates(this.tail.map((u) => u.update));
    return this.tailMerged;
  }

  /** One update for the whole document, replacing all others on disk in one atomic write. */
  private async mergeAll(): Promise<void> {
    const merged = Y.mergeUpdates([this.base!, ...this.tail.map((u) => u.update)]);
    let stateVector = this.stateVector;
    let gaps = this.gaps;
    if (gaps) {
      // Updates that filled a gap were counted without what waited behind it; count again.
      stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged));
      gaps = hasStructsBeyond(merged, stateVector);
    }
    const clock = this.nextClock++;
    const description = { clock, stateVector: Y.encodeStateVector(stateVector), deletes: this.deletes.toUpdate(), gaps };
    await this.persistence.writeBase(this.room, description, merged, [this.baseClock, ...this.tail.map((u) => u.clock)]);
    this.setBase(merged, description, stateVector);
    this.tail = [];
    this.tailBytes = 0;
    this.tailMerged = null;
    this.stateVector = new Map(stateVector);
    this.encodedStateVector = null;
    this.gaps = gaps;
  }

  /** The tail as one update (cheap: only the tail is read), so it stays a handful of rows. */
  private async mergeTail(): Promise<void> {
    const merged = this.mergedTail();
    const clock = this.nextClock++;
    await this.persistence.replace(this.room, this.tail.map((u) => u.clock), clock, merged);
    this.tail = [{ clock, update: merged }];
    this.tailBytes = merged.length;
  }

  private advance(facts: UpdateFacts): void {
    for (const [client, clock] of facts.advanced) this.stateVector.set(client, clock);
    this.encodedStateVector = null;
    this.deletes.addAll(facts.deletes);
    this.gaps ||= facts.pending;
  }

  /** `stateVector` becomes the base's own: the room's state vector must be another Map. */
  private setBase(update: Uint8Array, description: BaseDescription, stateVector: StateVector): void {
    this.base = update;
    this.basePieces = null;
    this.baseClock = description.clock;
    this.baseStateVector = stateVector;
    this.baseDeletes = description.deletes;
    this.baseGaps = description.gaps;
  }

  private async restore({ updates, base }: StoredRoom): Promise<void> {
    if (updates.length === 0) return;
    const [first, ...rest] = updates;
    this.nextClock = updates[updates.length - 1].clock + 1;
    const description = base ?? describeBase(first);
    if (!base) await this.persistence.writeBase(this.room, description); // so the next start need not read it again
    const stateVector = Y.decodeStateVector(description.stateVector);
    this.setBase(first.update, description, stateVector);
    this.stateVector = new Map(stateVector);
    this.deletes = DeleteRanges.from(Y.decodeUpdate(description.deletes).ds);
    this.gaps = description.gaps;
    for (const stored of rest) {
      const facts = readUpdate(stored.update, this.stateVector);
      if (!facts) throw new Error(`the stored update ${stored.clock} cannot be read`);
      this.advance(facts);
      this.tail.push(stored);
      this.tailBytes += stored.update.length;
    }
    await this.compactIfDue();
  }
}

/**
 * Reads what the server needs to know about a stored update it has no
 * description of (one written by y-leveldb or an older server): two passes
 * over its bytes, once per room.
 */
function describeBase({ clock, update }: StoredUpdate): BaseDescription {
  const stateVector = Y.encodeStateVectorFromUpdate(update);
  // What is left once everything up to the state vector is cut off: the deletions, and structs behind a gap.
  const rest = Y.decodeUpdate(Y.diffUpdate(update, stateVector));
  return {
    clock,
    stateVector,
    deletes: DeleteRanges.from(rest.ds).toUpdate(),
    gaps: rest.structs.some((s) => !(s instanceof Y.Skip)),
  };
}

/** An update as pieces the size of one outgoing message (as it is, should the cut fail: it was stored, so Yjs reads it). */
function inPieces(update: Uint8Array): Uint8Array[] {
  if (update.length <= OUTGOING_PIECE_BYTES) return [update];
  try {
    return splitUpdate(update, OUTGOING_PIECE_BYTES);
  } catch {
    return [update];
  }
}

/** True when `theirs` has none of the structs `stored` counts (a new client, or one with only its own changes). */
function lacksAll(theirs: StateVector, stored: StateVector): boolean {
  for (const [client, clock] of stored) if (clock > 0 && (theirs.get(client) ?? 0) > 0) return false;
  return true;
}

function hasStructsBeyond(update: Uint8Array, stateVector: StateVector): boolean {
  return Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(stateVector))).structs.some((s) => !(s instanceof Y.Skip));
}
