import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A private copy of a LevelDB folder that LevelDB can open, taken without
 * changing the original and also while a server is writing to it.
 *
 * Opening a LevelDB folder changes it (it replays the log into a new table,
 * writes a new MANIFEST, deletes old files, rotates LOG), and a running
 * server holds its LOCK: so checks, backups and repairs open a copy instead.
 * Table files (.ldb/.sst) never change once written, so they are hard-linked
 * (copied when the copy is on another disk); CURRENT, the MANIFEST and the
 * logs are copied. A log being appended to is copied as a prefix: LevelDB
 * drops a torn last record, and everything written before the copy began is
 * in it. The copy is consistent when the MANIFEST did not change while it was
 * taken (no flush or compaction committed meanwhile, so every file it names
 * was there throughout); otherwise it is taken again.
 */
export class LevelFolderProblem extends Error {
  constructor(
    readonly kind: 'no-current' | 'bad-current' | 'no-manifest',
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

const TABLE = /^\d+\.(ldb|sst)$/;
const LOG = /^\d+\.log$/;
const ATTEMPTS = 8;

/** True when `dir` holds any LevelDB data file (tables, logs, manifests, CURRENT). */
export function hasLevelData(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((name) => name === 'CURRENT' || name.startsWith('MANIFEST-') || TABLE.test(name) || LOG.test(name));
}

/** Copies the LevelDB folder `source` into the empty or missing folder `target`. */
export function snapshotLevelFolder(source: string, target: string): void {
  for (let attempt = 1; ; attempt++) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true, mode: 0o700 });
    try {
      if (takeSnapshot(source, target)) return;
    } catch (error) {
      // A file deleted by a compaction between listing and copying: the folder moved on, take it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= ATTEMPTS) throw error;
    }
    if (attempt >= ATTEMPTS) throw new Error(`The database in ${source} kept changing while it was being copied; try again when the server is less busy.`);
  }
}

function takeSnapshot(source: string, target: string): boolean {
  const before = manifestState(source);
  const manifest = readFileSync(join(source, before.manifest));
  for (const name of readdirSync(source)) {
    if (TABLE.test(name)) linkOrCopy(join(source, name), join(target, name));
    else if (LOG.test(name)) copyFileSync(join(source, name), join(target, name));
  }
  const after = manifestState(source);
  if (after.manifest !== before.manifest || after.size !== before.size || manifest.length !== before.size) return false;
  writeFileSync(join(target, before.manifest), manifest, { mode: 0o600 });
  writeFileSync(join(target, 'CURRENT'), `${before.manifest}\n`, { mode: 0o600 });
  return true;
}

function manifestState(source: string): { manifest: string; size: number } {
  const currentPath = join(source, 'CURRENT');
  if (!existsSync(currentPath)) {
    throw new LevelFolderProblem('no-current', currentPath, `${currentPath} is missing, so the database cannot say which of its files hold the documents`);
  }
  const manifest = readFileSync(currentPath, 'utf8').trim();
  if (!/^MANIFEST-\d+$/.test(manifest)) {
    throw new LevelFolderProblem('bad-current', currentPath, `${currentPath} is damaged (it should name a MANIFEST file)`);
  }
  const manifestPath = join(source, manifest);
  if (!existsSync(manifestPath)) {
    throw new LevelFolderProblem('no-manifest', manifestPath, `${manifestPath} is missing (CURRENT points at it), so the database's list of files is gone`);
  }
  return { manifest, size: statSync(manifestPath).size };
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another disk, or a file system without hard links: a copy is as good, only slower.
    if (code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}

/**
 * Copies every LevelDB file of `source` (whatever state it is in) into `target`,
 * for a repair: LevelDB's repair rebuilds the file list from the tables and
 * logs themselves, so it needs them all, and it must never work on the original.
 */
export function copyLevelFilesForRepair(source: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true, mode: 0o700 });
  if (!existsSync(source)) return;
  for (const name of readdirSync(source)) {
    if (TABLE.test(name)) linkOrCopy(join(source, name), join(target, name));
    else if (LOG.test(name) || name === 'CURRENT' || name.startsWith('MANIFEST-')) copyFileSync(join(source, name), join(target, name));
  }
}
