import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HostError } from '../../../shared/api/errors';
import {
  BACKUP_EXTENSION, backupReasons, readBackupHeader, readBackupIndex, readSection, type BackupHeader, type ByteSource,
} from '../../../shared/backup/backup-format';
import { backupsToDelete } from '../../../shared/backup/retention';
import { fsyncDir, writeAll } from '../durable-file';

/** One automatic backup in the folder, as Settings lists it. */
export interface StoredBackup {
  id: string;
  sizeBytes: number;
  header: BackupHeader;
}

/** Uploads left half-way by a crash or a closed window; younger ones may still be arriving. */
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;
const ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}${BACKUP_EXTENSION.replace('.', '\\.')}$`);
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;

function fileSource(file: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await file.read(buffer, done, buffer.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
  };
}

/** A plain sentence for a disk that refuses: what happened, where, and what to do. */
function diskError(error: unknown, folder: string): HostError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new HostError('internal', `The backup could not be saved: the disk holding ${folder} is full. Free some space, then try again.`);
  if (code === 'EACCES' || code === 'EPERM') return new HostError('internal', `The backup could not be saved: Fanfare may not write to ${folder}. Check the folder's permissions.`);
  if (error instanceof HostError) return error;
  return new HostError('internal', `The backup could not be saved in ${folder}: ${(error as Error)?.message ?? error}`);
}

/**
 * The automatic backups on this computer: `<data>/backups/*.fanfare-backup`,
 * 0600 in a 0700 folder (they hold the whole workspace). A backup arrives in
 * pieces into `.incoming/<upload id>`; only when the last piece is in, every
 * byte is on disk and every part checks out against its SHA-256 does it get
 * its real name, so the folder never lists a backup that cannot be restored.
 */
export class BackupFolder {
  readonly root: string;
  private readonly incoming: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.incoming = join(this.root, '.incoming');
  }

  private async prepare(): Promise<void> {
    await mkdir(this.incoming, { recursive: true, mode: 0o700 });
    await chmod(this.root, 0o700);
    await chmod(this.incoming, 0o700);
  }

  private pathOf(id: string): string {
    if (!ID.test(id)) throw new HostError('invalid-input', 'Not the name of a backup.');
    return join(this.root, id);
  }

  /** Appends a piece of a backup being saved; with `last`, checks the whole file and keeps it. */
  async save(input: { uploadId: string; offset: number; bytes: Uint8Array; last: boolean }): Promise<StoredBackup | { receivedBytes: number }> {
    if (!UPLOAD_ID.test(input.uploadId)) throw new HostError('invalid-input', 'Not an upload id.');
    const temp = join(this.incoming, input.uploadId);
    try {
      await this.prepare();
      const have = await stat(temp).then((s) => s.size, () => null);
      if ((have ?? 0) !== input.offset) {
        throw new HostError('invalid-input', `A piece of the backup arrived out of order (expected byte ${have ?? 0}, got ${input.offset}); the backup was not saved. Try again.`);
      }
      const file = await open(temp, have === null ? 'wx' : 'r+', 0o600);
      try {
        await writeAll(file, input.bytes, input.offset);
        if (input.last) await file.sync();
      } finally {
        await file.close();
      }
      if (!input.last) return { receivedBytes: input.offset + input.bytes.length };
      return await this.keep(temp);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw diskError(error, this.root);
    }
  }

  /** Checks a complete upload part by part, then gives it its name. */
  private async keep(temp: string): Promise<StoredBackup> {
    const file = await open(temp, 'r');
    let header: BackupHeader;
    let sizeBytes: number;
    try {
      sizeBytes = (await file.stat()).size;
      const source = fileSource(file, sizeBytes);
      const index = await readBackupIndex(source).catch((error) => {
        throw new HostError('damaged', `The backup did not arrive whole, so it was not kept: ${error.message}`);
      });
      for (const section of index.sections) {
        await readSection(source, section).catch((error) => {
          throw new HostError('damaged', `The backup did not arrive whole, so it was not kept: ${error.message}`);
        });
      }
      header = index.header;
    } finally {
      await file.close();
    }
    if (!backupReasons.includes(header.reason)) throw new HostError('invalid-input', 'This backup does not say why it was made.');
    const stamp = header.createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '');
    const id = `${stamp}-${header.reason}-${header.workspace.id.replace(/[^A-Za-z0-9_-]/g, '')}-${randomBytes(3).toString('hex')}${BACKUP_EXTENSION}`;
    const path = this.pathOf(id);
    await rename(temp, path);
    await chmod(path, 0o600);
    fsyncDir(this.root);
    await this.prune();
    return { id, sizeBytes, header };
  }

  /** Every backup, newest first; `workspaceId` narrows to one workspace. Unreadable files are left out, not deleted. */
  async list(workspaceId?: string): Promise<StoredBackup[]> {
    await this.prepare();
    await this.sweepIncoming();
    const names = (await readdir(this.root)).filter((n) => ID.test(n));
    const found: StoredBackup[] = [];
    for (const id of names) {
      const file = await open(join(this.root, id), 'r').catch(() => null);
      if (!file) continue;
      try {
        const size = (await file.stat()).size;
        const { header } = await readBackupHeader(fileSource(file, size));
        if (!workspaceId || header.workspace.id === workspaceId) found.push({ id, sizeBytes: size, header });
      } catch {
        // Not readable as a backup: never offered for restore, and never deleted behind the person's back.
      } finally {
        await file.close();
      }
    }
    return found.sort((a, b) => (a.header.createdAt < b.header.createdAt ? 1 : a.header.createdAt > b.header.createdAt ? -1 : 0));
  }

  async read(id: string, offset: number, length: number): Promise<{ bytes: Buffer; totalBytes: number }> {
    const file = await open(this.pathOf(id), 'r').catch(() => {
      throw new HostError('not-found', 'This backup is no longer on this computer.');
    });
    try {
      const size = (await file.stat()).size;
      const bytes = await fileSource(file, size).read(offset, length);
      return { bytes: Buffer.from(bytes), totalBytes: size };
    } finally {
      await file.close();
    }
  }

  async delete(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  /** Keeps 7 daily, 4 weekly and the last 5 taken before a big change, per workspace. */
  async prune(): Promise<string[]> {
    const all = await this.list();
    const doomed = backupsToDelete(all.map((b) => ({ id: b.id, workspaceId: b.header.workspace.id, reason: b.header.reason, createdAt: b.header.createdAt })));
    for (const id of doomed) await this.delete(id);
    return doomed;
  }

  private async sweepIncoming(): Promise<void> {
    const names = await readdir(this.incoming).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      const path = join(this.incoming, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_INCOMING_MS) await rm(path, { force: true }).catch(() => undefined);
    }
  }
}
