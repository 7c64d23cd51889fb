import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BACKUP_FORMAT, BACKUP_MANIFEST, type BackupManifest } from './backup';
import { copyHashed, hashFile } from './blob-files';
import { checkDataFolder } from './data-folder-check';
import { SyncServerError } from './errors';
import { readTar } from './tar-file';

export interface RestoreResult {
  dataDir: string;
  rooms: number;
  files: number;
}

/**
 * `sync-server restore`: a backup (folder or .tar) back into a new or empty
 * data folder, never over an existing one. Every file is checked against the
 * backup's list (size and SHA-256) and the result must pass the start-up
 * check before it appears under --data; until then it is built next to it.
 */
export async function restoreBackup(from: string, dataDir: string): Promise<RestoreResult> {
  if (!existsSync(from)) throw new SyncServerError(`There is no backup at ${from}; check --from.`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new SyncServerError(`${dataDir} is not empty. Restore only goes into a new or empty folder, so nothing there is overwritten: pick another --data folder, or move this one aside first.`);
  }
  const staging = `${resolve(dataDir)}.restoring-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    const fromFile = statSync(from).isFile();
    if (fromFile) {
      try {
        readTar(from, staging);
      } catch (error) {
        throw damaged(from, (error as Error).message);
      }
    }
    const root = fromFile ? staging : from;
    const manifest = readManifest(root, from);
    for (const file of manifest.files) {
      const source = join(root, ...file.path.split('/'));
      if (!existsSync(source)) throw damaged(from, `${file.path} is missing from it`);
      const { sha256, bytes } = fromFile ? await hashFile(source) : await copyHashed(source, join(staging, ...file.path.split('/')));
      if (sha256 !== file.sha256 || bytes !== file.bytes) throw damaged(from, `${file.path} in it is not what was backed up (its bytes changed)`);
    }
    rmSync(join(staging, BACKUP_MANIFEST), { force: true });
    for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
      chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o700 : 0o600);
    }
    await checkDataFolder(staging).catch((error: Error) => {
      throw new SyncServerError(`The backup ${from} does not give a working data folder, so nothing was restored:\n${error.message}`);
    });
    mkdirSync(dirname(resolve(dataDir)), { recursive: true });
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    chmodSync(dataDir, 0o700);
    return { dataDir, rooms: manifest.rooms.length, files: manifest.files.length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function readManifest(root: string, from: string): BackupManifest {
  const path = join(root, BACKUP_MANIFEST);
  if (!existsSync(path)) throw damaged(from, `it has no ${BACKUP_MANIFEST} (is it a backup made by sync-server backup?)`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch {
    throw damaged(from, `its ${BACKUP_MANIFEST} is damaged`);
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files)) throw damaged(from, `its ${BACKUP_MANIFEST} is not a sync server backup's`);
  if (manifest.version !== 1) throw new SyncServerError(`The backup ${from} was made by a newer sync server (format ${manifest.version}); restore it with that version.`);
  return manifest;
}

function damaged(from: string, what: string): SyncServerError {
  return new SyncServerError(`The backup ${from} cannot be restored: ${what}. Nothing was restored; use another backup.`);
}
