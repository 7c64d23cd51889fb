import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Level } from 'level';
import { keyEncoding } from 'y-leveldb';
import { decodeMeta, decodeStateVectorValue } from './leveldb-layout';
import { copyLevelFilesForRepair, hasLevelData, LevelFolderProblem, snapshotLevelFolder } from './level-snapshot';
import { isReadableUpdate } from './update-skim';

/** Something wrong in the data folder: which file, and what (a sentence without its full stop). */
export interface Problem {
  file: string;
  what: string;
}

export interface RoomFindings {
  room: string;
  /** Readable stored updates, and their bytes. */
  updates: number;
  bytes: number;
  /** Numbers (LevelDB clocks) of stored updates that cannot be read as Yjs updates. */
  unreadable: number[];
}

export interface DocsFindings {
  /** The folder holds a database at all (false: a new server, nothing to check). */
  exists: boolean;
  rooms: Map<string, RoomFindings>;
  problems: Problem[];
}

type Db = Level<Buffer, Uint8Array>;

/** Called with every entry that reads well, in key order (backups and repairs write them elsewhere). */
export type KeepEntry = (key: Buffer, value: Uint8Array) => Promise<void> | void;

export const docsFolder = (dataDir: string): string => join(dataDir, 'docs');

/**
 * Reads every entry of the data folder's documents, from a private copy (see
 * level-snapshot: the original is never opened, so never changed, and a
 * running server does not get in the way). With `repair`, LevelDB's repair
 * runs on the copy first and rebuilds what it can.
 */
export async function scanDocs(dataDir: string, options: { repair?: boolean; keep?: KeepEntry } = {}): Promise<DocsFindings> {
  const docs = docsFolder(dataDir);
  const findings: DocsFindings = { exists: hasLevelData(docs), rooms: new Map(), problems: [] };
  if (!findings.exists) return findings;
  const copy = mkdtempSync(join(tmpdir(), 'fanfare-sync-scan-'));
  const toOriginal = (text: string): string => text.split(copy).join(docs);
  try {
    try {
      if (options.repair) {
        copyLevelFilesForRepair(docs, copy);
        await (Level as unknown as { repair(location: string): Promise<void> }).repair(copy);
      } else {
        snapshotLevelFolder(docs, copy);
      }
    } catch (error) {
      if (error instanceof LevelFolderProblem) {
        findings.problems.push({ file: error.file, what: error.message.replace(`${error.file} `, '') });
        return findings;
      }
      throw error;
    }
    const db: Db = new Level<Buffer, Uint8Array>(copy, { keyEncoding: 'buffer', valueEncoding: 'view', createIfMissing: false });
    try {
      await db.open();
    } catch (error) {
      findings.problems.push(openProblem(error, docs, toOriginal));
      return findings;
    }
    try {
      findings.problems.push(...droppedLogParts(copy, toOriginal));
      await readEntries(db, findings, options.keep, toOriginal, docs);
    } finally {
      await db.close();
    }
    return findings;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function readEntries(db: Db, findings: DocsFindings, keep: KeepEntry | undefined, toOriginal: (text: string) => string, docs: string): Promise<void> {
  const roomOf = (room: string): RoomFindings => {
    let found = findings.rooms.get(room);
    if (!found) findings.rooms.set(room, (found = { room, updates: 0, bytes: 0, unreadable: [] }));
    return found;
  };
  try {
    for await (const [key, value] of db.iterator()) {
      let parts: Array<string | number>;
      try {
        parts = keyEncoding.decode(key);
      } catch {
        findings.problems.push({ file: docs, what: 'holds an entry whose name cannot be read (it belongs to no document)' });
        continue;
      }
      const [kind, room, what, clock] = parts;
      if (kind === 'v1' && typeof room === 'string' && what === 'update' && typeof clock === 'number') {
        const found = roomOf(room);
        if (!isReadableUpdate(value)) {
          found.unreadable.push(clock);
          continue;
        }
        found.updates++;
        found.bytes += value.length;
      } else if (kind === 'v1_sv' && typeof room === 'string') {
        // The state vector and meta entries only describe the updates: the server recomputes them when they are missing.
        if (!readable(() => Y.decodeStateVector(decodeStateVectorValue(value).stateVector))) continue;
      } else if (kind === 'v1' && typeof room === 'string' && what === 'meta') {
        if (!readable(() => decodeMeta(value))) continue;
      } else {
        findings.problems.push({ file: docs, what: `holds an entry the server does not know (${JSON.stringify(parts).slice(0, 80)})` });
        continue;
      }
      await keep?.(key, value);
    }
  } catch (error) {
    findings.problems.push(readProblem(error, docs, toOriginal));
  }
  for (const room of findings.rooms.values()) {
    if (room.unreadable.length > 0) {
      findings.problems.push({
        file: docs,
        what: `holds ${room.unreadable.length} damaged change${room.unreadable.length === 1 ? '' : 's'} of the document "${room.room}" (numbers ${room.unreadable.slice(0, 10).join(', ')}${room.unreadable.length > 10 ? ', …' : ''}) that cannot be read`,
      });
    }
  }
}

function readable(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}

/** LevelDB skips a damaged part in the middle of a log and only says so in its LOG file: that is lost data. */
function droppedLogParts(copy: string, toOriginal: (text: string) => string): Problem[] {
  const logPath = join(copy, 'LOG');
  if (!existsSync(logPath)) return [];
  const problems: Problem[] = [];
  for (const line of readFileSync(logPath, 'utf8').split('\n')) {
    const match = /(\S+\.log): dropping (\d+) bytes; (.*)$/.exec(line);
    if (match) problems.push({ file: toOriginal(match[1]), what: `is damaged in the middle: ${match[2]} bytes of saved changes in it cannot be read (${match[3]})` });
  }
  return problems;
}

function levelMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error as Error).message ?? String(error);
}

function openProblem(error: unknown, docs: string, toOriginal: (text: string) => string): Problem {
  const message = toOriginal(levelMessage(error));
  const missing = /(\d+) missing files?; e\.g\.: (\S+)/.exec(message);
  if (missing) {
    const more = Number(missing[1]) > 1 ? ` (and ${Number(missing[1]) - 1} more of its files)` : '';
    return { file: missing[2], what: `is missing${more}; the database lists it as holding documents` };
  }
  return readProblem(error, docs, toOriginal);
}

function readProblem(error: unknown, docs: string, toOriginal: (text: string) => string): Problem {
  const message = toOriginal(levelMessage(error));
  const named = new RegExp(`(${escape(docs)}/[^\\s:]+)`).exec(message);
  if (named) return { file: named[1], what: `cannot be read; it is truncated or damaged (${message})` };
  if (/descriptor|manifest|meta-/i.test(message)) {
    const current = existsSync(join(docs, 'CURRENT')) ? readFileSync(join(docs, 'CURRENT'), 'utf8').trim() : 'MANIFEST';
    return { file: join(docs, current), what: `is damaged, so the database's list of files cannot be read (${message})` };
  }
  return { file: docs, what: `cannot be read (${message})` };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
