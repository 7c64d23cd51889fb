import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ACCESS_FILE } from './access-store';
import { copyHashed, hashFile, listBlobFiles } from './blob-files';
import { formatBytes } from './blob-store';
import { accessProblems, missingDocsProblems, refusal } from './data-folder-check';
import { docsFolder, scanDocs } from './docs-scan';
import { SyncServerError } from './errors';
import { dropLevelBookkeeping, FreshStore, digestEntry } from './fresh-store';
import { writeTar } from './tar-file';

export const BACKUP_MANIFEST = 'backup.json';
export const BACKUP_FORMAT = 'fanfare-sync-server-backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  source: string;
  rooms: Array<{ room: string; updates: number; bytes: number }>;
  /** Every file of the backup but this manifest, with its size and SHA-256: restore checks them all. */
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export interface BackupResult {
  to: string;
  rooms: number;
  blobs: number;
  bytes: number;
  seconds: number;
  skippedBlobs: string[];
}

/**
 * `sync-server backup`: a consistent copy of a data folder, also while the
 * server runs on it.
 *
 * Documents: LevelDB's files are snapshotted into a private copy (tables
 * hard-linked, log and MANIFEST copied; see level-snapshot), which holds
 * every change the server had written before the backup began. That copy is
 * read entry by entry (every change checked as a Yjs update) and written as a
 * new, compacted LevelDB in the backup, which is then read back and compared.
 * Media files and the access file come after the documents: media files are
 * only ever added, so every file a backed-up document refers to is there.
 * The backup appears under its name only when complete (a folder, or one
 * .tar file with --to ending in .tar).
 */
export async function backupDataFolder(dataDir: string, to: string): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(docsFolder(dataDir)) && !existsSync(join(dataDir, ACCESS_FILE))) {
    throw new SyncServerError(`${dataDir} holds no sync server data (no docs/ and no access.json); check --data.`);
  }
  const asTar = to.endsWith('.tar');
  if (existsSync(to) && (asTar || readdirSync(to).length > 0)) {
    throw new SyncServerError(`${to} already exists${asTar ? '' : ' and is not empty'}; give the backup a new name, so no earlier backup is overwritten.`);
  }
  if (resolve(to).startsWith(resolve(dataDir) + sep)) throw new SyncServerError('Put the backup outside the data folder (--to must not be inside --data).');
  const staging = `${to.replace(/\.tar$/, '')}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const manifest = await stage(dataDir, staging);
    const skippedBlobs = manifest.skippedBlobs;
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    writeFileSync(join(staging, BACKUP_MANIFEST), `${JSON.stringify(manifest.manifest, null, 2)}\n`, { mode: 0o600 });
    if (asTar) {
      writeTar(staging, `${to}.partial`);
      renameSync(`${to}.partial`, to);
    } else {
      if (existsSync(to)) rmdirSync(to);
      renameSync(staging, to);
    }
    return { to, rooms: manifest.manifest.rooms.length, blobs: manifest.blobs, bytes: asTar ? statSync(to).size : bytes, seconds: (performance.now() - started) / 1000, skippedBlobs };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${to}.partial`, { force: true });
  }
}

async function stage(dataDir: string, staging: string) {
  const store = await FreshStore.create(join(staging, 'docs'));
  const docs = await scanDocs(dataDir, { keep: (key, value) => store.add(key, value) }).catch(async (error: unknown) => {
    await store.finish().catch(() => {});
    throw error;
  });
  const written = await store.finish();
  const problems = [...docs.problems, ...missingDocsProblems(dataDir, docs)];
  if (problems.length > 0) {
    throw new SyncServerError(`No backup was made: the data folder has problems that a backup would carry along.\n${refusal(dataDir, problems).split('\n').slice(1).join('\n')}`);
  }
  // Read the backup's documents back: every entry there, in order, byte for byte.
  const readBack = createHash('sha256');
  const again = await scanDocs(staging, { keep: (key, value) => digestEntry(readBack, key, value) });
  if (again.problems.length > 0 || readBack.digest('hex') !== written) {
    throw new SyncServerError(`No backup was made: the copy of the documents read back differently from what was written (${again.problems.map((p) => `${p.file} ${p.what}`).join('; ') || 'the contents differ'}). Check the disk the backup goes to.`);
  }
  dropLevelBookkeeping(join(staging, 'docs'));

  const skippedBlobs: string[] = [];
  let blobs = 0;
  for (const blob of listBlobFiles(dataDir)) {
    const target = join(staging, ...blob.name.split('/'));
    const { sha256 } = await copyHashed(blob.path, target);
    if (!blob.wellPlaced || sha256 !== blob.sha256) {
      // A damaged media file is left out and said so: the app uploads it again when it next needs it.
      rmSync(target, { force: true });
      skippedBlobs.push(blob.path);
      continue;
    }
    blobs++;
  }

  const accessPath = join(dataDir, ACCESS_FILE);
  if (existsSync(accessPath)) {
    const accessBytes = readFileSync(accessPath);
    const bad = accessProblems(dataDir, docs);
    if (bad.length > 0) throw new SyncServerError(`No backup was made: ${bad[0].file} ${bad[0].what}.`);
    writeFileSync(join(staging, ACCESS_FILE), accessBytes, { mode: 0o600 });
  }

  const files: BackupManifest['files'] = [];
  for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { sha256, bytes } = await hashFile(path);
    files.push({ path: relative(staging, path).split(sep).join('/'), bytes, sha256 });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    source: resolve(dataDir),
    rooms: [...docs.rooms.values()].map(({ room, updates, bytes }) => ({ room, updates, bytes })),
    files,
  };
  return { manifest, files, blobs, skippedBlobs };
}

export function describeBackup(result: BackupResult): string[] {
  const lines = [
    `Backup written to ${result.to}: ${result.rooms} document${result.rooms === 1 ? '' : 's'}, ${result.blobs} media file${result.blobs === 1 ? '' : 's'}, ${formatBytes(result.bytes)}, in ${result.seconds.toFixed(1)} s.`,
  ];
  for (const path of result.skippedBlobs) {
    lines.push(`Left out ${path}: its bytes do not match its name (damaged). Delete it; the app uploads it again.`);
  }
  lines.push(`To bring it back: sync-server restore --from ${result.to} --data NEWDIR`);
  return lines;
}
