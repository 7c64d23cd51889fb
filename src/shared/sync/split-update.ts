import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isGcOrSkip, readReferences, skipDeletes, skipStruct } from './update-format';

/**
 * Cuts one Yjs (v1) update into pieces that each stay under `maxBytes`, such
 * that applying them all, in order, gives exactly the document the whole
 * update gives. A 100,000-creator workspace is about 120 MB as one update,
 * over what a team server accepts as one message (64 MB by default).
 *
 * It works on the bytes, never building Yjs structs (a Y.Doc of that update
 * costs over a GB): a v1 struct is encoded without reference to its
 * neighbours, so a client's run of structs can be cut anywhere between two
 * structs and given a header of its own (struct count, client, first clock).
 *
 * Pieces follow the order Yjs itself integrates in: a struct that points at
 * another client's struct (its left or right neighbour when it was inserted,
 * or the type it lives in) goes after it. So a receiver (the server, or a
 * teammate the server relays to) can integrate each piece as it arrives
 * instead of holding it as pending until the rest comes. The deletions go
 * last, after every struct they may name.
 *
 * A single struct bigger than `maxBytes` (one value of many MB) cannot be cut
 * and goes alone in a piece of its own. Throws on bytes that are not an
 * update; callers then send the update whole.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  return [...updatePieces(update, maxBytes)];
}

/**
 * The same pieces, one at a time, so a caller can send each before the next
 * is cut (and let its event loop run in between). The bytes are all read
 * before the first piece comes out: it throws then or never.
 */
export function* updatePieces(update: Uint8Array, maxBytes: number): Generator<Uint8Array, void, undefined> {
  if (update.length <= maxBytes) {
    yield update;
    return;
  }
  const { sections, deletesAt } = readSections(update);
  const pieces = new PieceWriter(update, maxBytes);
  yield* schedule(update, sections, pieces);
  pieces.addDeletes(deletesAt);
  yield* pieces.finish();
}

/** One client's structs in the update, and how far they have been put into pieces. */
interface Section {
  client: number;
  /** Clock just past the client's last struct in the update. */
  endClock: number;
  /** Next struct not yet placed: where its bytes start, its clock, how many are left. */
  pos: number;
  clock: number;
  left: number;
  onStack: boolean;
}

/** First pass: where each client's structs start, and the clock they end at. */
function readSections(update: Uint8Array): { sections: Section[]; deletesAt: number } {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const sections: Section[] = [];
  const seen = new Set<number>();
  for (let c = 0; c < count; c++) {
    const structs = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    if (seen.has(client)) throw new Error('a client appears twice in the update');
    seen.add(client);
    const section: Section = { client, endClock: clock, pos: d.pos, clock, left: structs, onStack: false };
    for (let s = 0; s < structs; s++) {
      if (d.pos >= update.length) throw new Error('the update ends inside a struct');
      section.endClock += skipStruct(d);
    }
    sections.push(section);
  }
  const deletesAt = d.pos;
  skipDeletes(d);
  return { sections, deletesAt };
}

/**
 * Second pass: structs into pieces in an order where each struct's references
 * to other clients come first (the way Yjs integrates: follow a missing
 * reference onto a stack, come back when it is there).
 */
function* schedule(update: Uint8Array, sections: Section[], pieces: PieceWriter): Generator<Uint8Array, void, undefined> {
  const byClient = new Map<number, Section>();
  for (const section of sections) byClient.set(section.client, section);
  const d = decoding.createDecoder(update);
  const stack: Section[] = [];
  for (const start of sections) {
    stack.push(start);
    start.onStack = true;
    while (stack.length > 0) {
      const section = stack[stack.length - 1];
      if (section.left === 0) {
        stack.pop();
        section.onStack = false;
        continue;
      }
      d.pos = section.pos;
      const blocker = firstMissingReference(d, section, byClient);
      // A blocker already on the stack would be a cycle, impossible in an update Yjs wrote: place the struct anyway.
      if (blocker && !blocker.onStack) {
        stack.push(blocker);
        blocker.onStack = true;
        continue;
      }
      d.pos = section.pos;
      const length = skipStruct(d);
      pieces.addStruct(section.client, section.clock, section.pos, d.pos);
      if (pieces.ready) yield* pieces.take();
      section.pos = d.pos;
      section.clock += length;
      section.left--;
      // It was only needed by the one below it on the stack: go back there (as Yjs does).
      if (stack.length > 1) {
        stack.pop();
        section.onStack = false;
      }
    }
  }
}

/** The section holding a struct that the struct at `d` points at and that is not placed yet, if any. */
function firstMissingReference(d: decoding.Decoder, own: Section, byClient: Map<number, Section>): Section | null {
  const info = decoding.readUint8(d);
  if (isGcOrSkip(info)) return null;
  let missing: Section | null = null;
  readReferences(d, info, (client, clock) => {
    if (missing || client === own.client) return;
    const other = byClient.get(client);
    if (other && clock >= other.clock && clock < other.endClock) missing = other;
  });
  return missing;
}

/** One client's contiguous run of structs within a piece. */
interface Run {
  client: number;
  clock: number;
  structs: number;
  from: number;
  to: number;
}

/** Room for a run's header (three varints) when sizing a piece. */
const RUN_HEADER = 3 * 8;
/** Room for the piece's own counts (clients, deletions). */
const PIECE_HEADER = 2 * 8;
/** Room for one deleted range (two varints). */
const RANGE = 2 * 8;

class PieceWriter {
  private readonly done: Uint8Array[] = [];
  private runs = new Map<number, Run>();
  private bytes = PIECE_HEADER;

  constructor(private readonly update: Uint8Array, private readonly maxBytes: number) {}

  addStruct(client: number, clock: number, from: number, to: number): void {
    let run = this.runs.get(client);
    if (this.runs.size > 0 && this.bytes + (to - from) + (run ? 0 : RUN_HEADER) > this.maxBytes) {
      this.flush();
      run = undefined;
    }
    // Placed structs of one client follow each other, so a run only ever grows at its end.
    if (run) {
      run.structs++;
      run.to = to;
      this.bytes += to - from;
    } else {
      this.runs.set(client, { client, clock, structs: 1, from, to });
      this.bytes += to - from + RUN_HEADER;
    }
  }

  /** The delete set (everything from `at` to the end) into the last piece, or pieces of its own when it does not fit. */
  addDeletes(at: number): void {
    const d = decoding.createDecoder(this.update);
    d.pos = at;
    const clients = decoding.readVarUint(d);
    let pending: Array<[number, number[]]> = [];
    let size = 0;
    const flushDeletes = () => {
      if (pending.length === 0) return;
      if (this.runs.size > 0 && this.bytes + size > this.maxBytes) this.flush();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, pending.length);
      for (const [client, ranges] of pending) {
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, ranges.length / 2);
        for (const n of ranges) encoding.writeVarUint(encoder, n);
      }
      this.flush(encoding.toUint8Array(encoder));
      pending = [];
      size = 0;
    };
    for (let c = 0; c < clients; c++) {
      const client = decoding.readVarUint(d);
      const count = decoding.readVarUint(d);
      let ranges: number[] | null = null;
      for (let r = 0; r < count; r++) {
        if (d.pos >= this.update.length) throw new Error('the update ends inside its deletions');
        const clock = decoding.readVarUint(d);
        const len = decoding.readVarUint(d);
        if (size > 0 && PIECE_HEADER + size + RANGE + (ranges ? 0 : RUN_HEADER) > this.maxBytes) {
          flushDeletes();
          ranges = null;
        }
        if (!ranges) {
          ranges = [];
          pending.push([client, ranges]);
          size += RUN_HEADER;
        }
        ranges.push(clock, len);
        size += RANGE;
      }
    }
    if (d.pos !== this.update.length) throw new Error('the update has bytes after its deletions');
    flushDeletes();
  }

  get ready(): boolean {
    return this.done.length > 0;
  }

  /** The pieces completed so far, each handed out once. */
  take(): Uint8Array[] {
    return this.done.length === 0 ? this.done : this.done.splice(0);
  }

  finish(): Uint8Array[] {
    if (this.runs.size > 0) this.flush();
    return this.take();
  }

  /** Writes the current runs (and `deletes`, or none) as one piece, copying each byte once. */
  private flush(deletes: Uint8Array = NO_DELETES): void {
    const parts: Uint8Array[] = [varUints([this.runs.size])];
    // Highest client first, as Yjs writes them: Y.mergeUpdates (the server merges what it stores) relies on that order.
    const runs = [...this.runs.values()].sort((a, b) => b.client - a.client);
    for (const run of runs) parts.push(varUints([run.structs, run.client, run.clock]), this.update.subarray(run.from, run.to));
    parts.push(deletes);
    const piece = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      piece.set(part, at);
      at += part.length;
    }
    this.done.push(piece);
    this.runs = new Map();
    this.bytes = PIECE_HEADER;
  }
}

/** No deletions: a delete set of zero clients. */
const NO_DELETES = new Uint8Array([0]);

function varUints(numbers: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of numbers) encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}
