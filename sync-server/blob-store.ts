import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, constants, createReadStream, existsSync, mkdirSync, rmSync, type Stats } from 'node:fs';
import { chmod, mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { dirname, join } from 'node:path';
import { fsyncDir } from './atomic-write';

/**
 * Media bytes, content-addressed: a file's name is its SHA-256, in a folder
 * per workspace (a token opens only its own workspace's files). An upload
 * streams into a temp file on the same disk, every write is checked for its
 * byte count, the file is flushed and then read back and hashed again, and
 * only bytes the disk really holds are renamed into place. So a stored file
 * is always exactly what its name says, even when the disk fills up mid-way.
 * Whatever happens to it later (a failing disk, a careless copy, a restore),
 * it is hashed again before it is first served, and set aside if it is wrong.
 */
export class BlobError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const DISK_FULL =
  'The server’s disk is full, so this file was not stored. Ask whoever runs the server to free some space; the upload can then be tried again.';
export const DISK_FAILED =
  'The server’s disk did not keep this file correctly (a disk error), so it was not stored. Ask whoever runs the server to check its disk; the upload can then be tried again.';

/** Only the server's own user may read media: folders 0700, files 0600. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export const DAMAGED_SET_ASIDE =
  'The server’s copy of this file was damaged, so it was set aside; it is stored again the next time a teammate’s app uploads it.';

/** A file set aside because its bytes did not match its name (or it was not a file at all). */
export interface DamagedBlob {
  workspaceId: string;
  sha256: string;
  /** Where it now is, under blobs/.damaged; null if it was already gone or could not be moved. */
  movedTo: string | null;
  /** What was wrong with it, in words for the admin's log. */
  reason: string;
}

/** A stored file opened for HEAD/GET: the size and the bytes come from this one open file. */
export interface OpenBlob {
  readonly size: number;
  /**
   * Exactly `size` bytes, or with `range` the bytes `start..end` (inclusive) of them, for a
   * download resuming after a dropped connection. A file not checked yet is hashed on the way
   * and, if wrong, errors before its last chunk; a range is only asked of a checked file.
   */
  stream(range?: ByteRange): Readable;
  /** For when no body is sent (HEAD); `stream()` closes the file itself. */
  close(): Promise<void>;
}

/** Inclusive byte positions, as HTTP `Range: bytes=start-end` names them. */
export interface ByteRange {
  start: number;
  end: number;
}

export type BlobLookup = { state: 'missing' } | { state: 'damaged'; damaged: DamagedBlob } | { state: 'found'; file: OpenBlob };

export interface BlobStoreOptions {
  /**
   * A file not yet known to be true is hashed before its first byte is sent
   * when it is at most this big; a bigger one is hashed while it streams and
   * the connection is cut before its last byte if it does not match.
   */
  checkFirstUpTo?: number;
}

/**
 * Up to this size a GET waits for the hash before its first byte: a 100 MB file
 * cost 0.12 s from the page cache on a shared 2-core machine (bench/blob-check),
 * so this is ~0.3 s, a few seconds from a slow disk, once per file. Bigger
 * (video) files stream at once and are checked on the way.
 */
export const CHECK_FIRST_UP_TO = 256 * 1024 * 1024;
/** Verdicts remembered; beyond this the oldest are forgotten (and read again if asked about): ~15 MB of memory. */
const MAX_VERDICTS = 100_000;
/** Attempts at judging a name whose file is being replaced while we read it (a concurrent upload). */
const JUDGE_ATTEMPTS = 3;

export class BlobStore {
  private readonly root: string;
  private readonly tempDir: string;
  private readonly damagedDir: string;
  private readonly checkFirstUpTo: number;
  /**
   * Files found true, by `<workspace>/<sha256>` → the stat they had then
   * (inode, size, mtime, ctime): asking again about an unchanged file costs a
   * stat, not a read of gigabytes. A file changed since is read again. As in
   * the app's media store (src/main/services/media-store/media-store.ts).
   */
  private readonly verified = new Map<string, string>();
  /** Hashes under way, so a team asking about the same new file at once reads it once. */
  private readonly judging = new Map<string, Promise<Judged>>();

  constructor(
    dataDir: string,
    readonly maxBytes: number,
    options: BlobStoreOptions = {},
  ) {
    this.root = join(dataDir, 'blobs');
    // Same file system as the blobs, so the final rename is atomic.
    this.tempDir = join(this.root, '.incoming');
    this.damagedDir = join(this.root, '.damaged');
    this.checkFirstUpTo = options.checkFirstUpTo ?? CHECK_FIRST_UP_TO;
    // Half-finished uploads from before a crash are useless: start clean.
    if (existsSync(this.tempDir)) rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir, { recursive: true, mode: PRIVATE_DIR });
    // Folders made by older versions were 0755.
    chmodSync(this.root, PRIVATE_DIR);
    chmodSync(this.tempDir, PRIVATE_DIR);
  }

  pathOf(workspaceId: string, sha256: string): string {
    return join(this.root, workspaceId, sha256.slice(0, 2), sha256);
  }

  /**
   * Opens a stored file for HEAD (`check: 'first'`) or GET (`'first-or-streaming'`).
   * Only bytes that match their name are ever handed out: a file not known to
   * be true yet is hashed first (or, if GET and bigger than `checkFirstUpTo`,
   * on the way out); a damaged one is moved to blobs/.damaged and reported to
   * `onDamaged`, and the name answers as missing, so the next upload restores it.
   */
  async open(
    workspaceId: string,
    sha256: string,
    { check = 'first', onDamaged }: { check?: 'first' | 'first-or-streaming'; onDamaged?: (damaged: DamagedBlob) => void } = {},
  ): Promise<BlobLookup> {
    for (let attempt = 1; ; attempt++) {
      const file = await openStored(this.pathOf(workspaceId, sha256));
      if (!file) return { state: 'missing' };
      let handedOut = false;
      try {
        const info = await file.stat();
        const key = statKey(info);
        if (this.verified.get(cacheKey(workspaceId, sha256)) === key) {
          handedOut = true;
          return { state: 'found', file: this.openBlob(file, info.size, null) };
        }
        if (info.isFile() && check === 'first-or-streaming' && info.size > this.checkFirstUpTo) {
          handedOut = true;
          return { state: 'found', file: this.openBlob(file, info.size, { workspaceId, sha256, info, onDamaged }) };
        }
        const judged = await this.judge(workspaceId, sha256, file, info, onDamaged);
        if (judged.verdict === 'intact') {
          handedOut = true;
          return { state: 'found', file: this.openBlob(file, info.size, null) };
        }
        if (judged.verdict === 'damaged') return { state: 'damaged', damaged: judged.damaged };
        // 'replaced': the name holds another file than the one just read (an upload landed meanwhile): look again.
        if (attempt >= JUDGE_ATTEMPTS) return { state: 'missing' };
      } finally {
        if (!handedOut) await file.close().catch(() => undefined);
      }
    }
  }

  /**
   * Stores the bytes of `body` under `sha256`. Returns false when an intact
   * file was already there (uploads are idempotent); a file under that name
   * whose bytes do not match it is set aside (reported to `onDamaged`) and
   * replaced. Throws a BlobError with the HTTP status to answer: 413 too many
   * bytes, 422 bytes that do not match the hash, 507 a disk that is full or
   * did not keep the bytes. Nothing of a refused upload is kept.
   */
  async put(
    workspaceId: string,
    sha256: string,
    body: AsyncIterable<Buffer>,
    { onDamaged }: { onDamaged?: (damaged: DamagedBlob) => void } = {},
  ): Promise<boolean> {
    const target = this.pathOf(workspaceId, sha256);
    const existing = await this.open(workspaceId, sha256, { onDamaged });
    if (existing.state === 'found') {
      await existing.file.close();
      // Still read the upload to answer honestly, but never write it: a full disk cannot refuse what is already here.
      const arrived = await this.hashUpload(body, () => undefined);
      if (arrived.sha256 !== sha256) throw notMatching();
      return false;
    }
    const temp = join(this.tempDir, randomUUID());
    try {
      // Read-write: the same open file is written, read back, and (after the rename) stat'ed for the verdict.
      const file = await open(temp, 'wx+', PRIVATE_FILE);
      try {
        const arrived = await this.hashUpload(body, (chunk) => writeAll(file, chunk));
        await file.sync();
        if (arrived.sha256 !== sha256) throw notMatching();
        // The hash above is of what arrived; this one is of what the disk gives back.
        const kept = await this.hashOpenFile(file);
        if (kept.size !== arrived.size || kept.sha256 !== sha256) throw new BlobError(507, DISK_FAILED);
        await mkdir(dirname(target), { recursive: true, mode: PRIVATE_DIR });
        await chmod(dirname(dirname(target)), PRIVATE_DIR);
        await chmod(dirname(target), PRIVATE_DIR);
        // Over a file that appeared meanwhile too: rename replaces it in one step, never leaving the name empty.
        await rename(temp, target);
        fsyncDir(dirname(target));
        // The stat of the very file just renamed (rename may change its ctime), not of whatever the name holds now.
        this.remember(workspaceId, sha256, await file.stat());
      } finally {
        await file.close();
      }
      return true;
    } catch (error) {
      throw storageProblem(error) ?? error;
    } finally {
      // After a successful rename this finds nothing; otherwise it is a part file nobody wants.
      await unlink(temp).catch(() => {});
    }
  }

  /** Size and SHA-256 of an open file's bytes, read from its start. Every full read of a stored file goes through here. */
  protected async hashOpenFile(file: FileHandle): Promise<Hashed> {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest('hex') };
  }

  /** The verdict on the file open as `file`, shared by everyone asking about that same file at once. */
  private judge(
    workspaceId: string,
    sha256: string,
    file: FileHandle,
    info: Stats,
    onDamaged: ((damaged: DamagedBlob) => void) | undefined,
  ): Promise<Judged> {
    const key = `${cacheKey(workspaceId, sha256)}@${statKey(info)}`;
    let judging = this.judging.get(key);
    if (!judging) {
      judging = (async (): Promise<Judged> => {
        let reason: string | null = null;
        if (!info.isFile()) reason = 'not a regular file (a folder or something else is under its name)';
        else {
          const onDisk = await this.hashOpenFile(file).catch((error: Error) => ({ error }));
          if ('error' in onDisk) reason = `could not be read (${codeOf(onDisk.error)})`;
          else if (onDisk.size !== info.size || onDisk.sha256 !== sha256) {
            reason = `its ${formatBytes(onDisk.size)} hash to ${onDisk.sha256.slice(0, 12)}…, not to its name`;
          }
        }
        // Changed while it was read (its stat moved), e.g. replaced by an upload: the bytes read say nothing reliable.
        const after = await file.stat().catch(() => null);
        if (!after || statKey(after) !== statKey(info)) return { verdict: 'replaced' };
        if (reason === null) {
          this.remember(workspaceId, sha256, info);
          return { verdict: 'intact' };
        }
        const movedTo = await this.setAside(workspaceId, sha256, info);
        if (movedTo === undefined) return { verdict: 'replaced' };
        const damaged = { workspaceId, sha256, movedTo, reason };
        onDamaged?.(damaged);
        return { verdict: 'damaged', damaged };
      })().finally(() => this.judging.delete(key));
      this.judging.set(key, judging);
    }
    return judging;
  }

  /**
   * Moves the file judged damaged (identified by `info`) to blobs/.damaged,
   * where it stays for the admin. Returns where it went, null if it could not
   * be moved, or undefined when the name holds another file by now (an upload
   * replaced it), which is left alone.
   */
  private async setAside(workspaceId: string, sha256: string, info: Stats): Promise<string | null | undefined> {
    this.verified.delete(cacheKey(workspaceId, sha256));
    const path = this.pathOf(workspaceId, sha256);
    const now = await stat(path).catch(() => null);
    if (!now) return null;
    if (now.ino !== info.ino || now.dev !== info.dev) return undefined;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.damagedDir, `${workspaceId}-${sha256}-${stamp}-${randomUUID().slice(0, 8)}`);
    try {
      await mkdir(this.damagedDir, { recursive: true, mode: PRIVATE_DIR });
      await rename(path, aside);
      fsyncDir(dirname(path));
    } catch {
      return null;
    }
    // An upload can land between the stat and the rename: then it is the good file that moved. Put it back.
    const moved = await stat(aside).catch(() => null);
    if (moved && (moved.ino !== info.ino || moved.dev !== info.dev)) {
      await rename(aside, path).catch(() => undefined);
      return undefined;
    }
    return aside;
  }

  private remember(workspaceId: string, sha256: string, info: Stats): void {
    const key = cacheKey(workspaceId, sha256);
    // Re-inserted at the end, so the first entry is always the longest unused one.
    this.verified.delete(key);
    this.verified.set(key, statKey(info));
    if (this.verified.size > MAX_VERDICTS) this.verified.delete(this.verified.keys().next().value!);
  }

  private openBlob(file: FileHandle, size: number, unchecked: Unchecked | null): OpenBlob {
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await file.close().catch(() => undefined);
    };
    return {
      size,
      close,
      stream: (range?: ByteRange) => {
        const start = range?.start ?? 0;
        const end = range?.end ?? size - 1;
        if (size === 0 || end < start) {
          void close();
          return Readable.from([]);
        }
        // Part of a file can't be checked on the way (the hash needs all of it): callers check it first.
        if (unchecked && range) throw new Error('A byte range of a stored file was asked before the file was checked.');
        closed = true; // the stream owns the file from here, and closes it
        // Positioned reads, and never past the size that was stat'ed: those are the bytes announced.
        const bytes = createReadStream('', { fd: file, start, end, highWaterMark: READ_CHUNK });
        if (!unchecked) return bytes;
        const checking = this.checkOnTheWay(unchecked, size);
        // A read error ends the answer too: without the last chunk the client never takes it for whole.
        bytes.on('error', (error) => checking.destroy(error));
        // pipe() does not pass a destroy back upstream (a client that leaves): close the file with it.
        checking.once('close', () => bytes.destroy());
        return bytes.pipe(checking);
      },
    };
  }

  /**
   * Hashes the bytes as they go out and always holds back the latest chunk:
   * only when the whole file matches its name is that last chunk sent. If it
   * does not, the stream fails instead (the connection is cut short of its
   * announced length, so neither the app nor a cache keeps it) and the file is
   * set aside.
   */
  private checkOnTheWay({ workspaceId, sha256, info, onDamaged }: Unchecked, size: number): Transform {
    const hash = createHash('sha256');
    let seen = 0;
    let held: Buffer | null = null;
    return new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        hash.update(chunk);
        seen += chunk.length;
        const previous = held;
        held = chunk;
        done(null, previous ?? undefined);
      },
      flush: (done) => {
        const onDisk = hash.digest('hex');
        if (seen === size && onDisk === sha256) {
          this.remember(workspaceId, sha256, info);
          done(null, held ?? undefined);
          return;
        }
        const reason = `its ${formatBytes(seen)} hash to ${onDisk.slice(0, 12)}…, not to its name`;
        void this.setAside(workspaceId, sha256, info).then((movedTo) => {
          if (movedTo !== undefined) onDamaged?.({ workspaceId, sha256, movedTo, reason });
          done(new BlobError(404, DAMAGED_SET_ASIDE));
        });
      },
    });
  }

  private async hashUpload(body: AsyncIterable<Buffer>, write: (chunk: Buffer) => Promise<void> | void): Promise<Hashed> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxBytes) throw new BlobError(413, `The file is larger than this server allows (${formatBytes(this.maxBytes)}).`);
      hash.update(chunk);
      await write(chunk);
    }
    return { size, sha256: hash.digest('hex') };
  }
}

type Judged = { verdict: 'intact' } | { verdict: 'replaced' } | { verdict: 'damaged'; damaged: DamagedBlob };

interface Unchecked {
  workspaceId: string;
  sha256: string;
  info: Stats;
  onDamaged: ((damaged: DamagedBlob) => void) | undefined;
}

const READ_CHUNK = 1024 * 1024;

const cacheKey = (workspaceId: string, sha256: string) => `${workspaceId}/${sha256}`;
/** ctime too: unlike mtime it cannot be set back, so bytes changed and re-dated (touch -r, rsync -t) are still read again. */
const statKey = (info: Stats) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;

const codeOf = (cause: Error) => (cause as NodeJS.ErrnoException).code ?? cause.message;

/**
 * Opens what is under a name, read-only, or null when nothing is. Non-blocking,
 * so a FIFO someone left there does not hang the request (it is then judged
 * not a regular file); regular files ignore the flag.
 */
async function openStored(path: string): Promise<FileHandle | null> {
  const flags = process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK;
  try {
    return await open(path, flags);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw cause;
  }
}

interface Hashed {
  size: number;
  sha256: string;
}

const notMatching = () =>
  new BlobError(422, 'The file that arrived does not match its name (SHA-256); it was not stored. Try the upload again.');

/**
 * `write()` may take fewer bytes than it was given (a nearly full disk does
 * exactly that) and says so only in its count: write the rest, until the
 * disk either takes it or fails with ENOSPC.
 */
async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    // No progress and no error: treat it as the full disk it almost certainly is, rather than loop forever.
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk took no more bytes.'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** The disk, not the upload, is what failed: 507 with a sentence an admin can act on. */
function storageProblem(error: unknown): BlobError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new BlobError(507, DISK_FULL);
  if (code === 'EIO' || code === 'EROFS') return new BlobError(507, DISK_FAILED);
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
