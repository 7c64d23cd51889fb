import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { ACCESS_FILE } from './access-store';
import { copyHashed, listBlobFiles } from './blob-files';
import { accessProblems, checkDataFolder } from './data-folder-check';
import { docsFolder, scanDocs } from './docs-scan';
import { SyncServerError } from './errors';
import { dropLevelBookkeeping, FreshStore } from './fresh-store';

export interface RepairResult {
  ok: boolean;
  lines: string[];
}

/**
 * `sync-server repair`: recovers what can be read of a damaged data folder
 * into a new one, and never changes the original. LevelDB's own repair runs
 * on a private copy of the documents' files (it rebuilds the list of files
 * from the tables and logs themselves: a missing CURRENT or MANIFEST, a
 * damaged table or log); every stored change that reads as a Yjs update is
 * then written into a new database, and the ones that do not are left out
 * and named. The access file and every media file whose bytes match its name
 * are copied. Clients send what the server lacks when they reconnect.
 */
export async function repairDataFolder(dataDir: string, to: string): Promise<RepairResult> {
  if (!existsSync(dataDir)) throw new SyncServerError(`There is no folder ${dataDir}; check --data.`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new SyncServerError(`${to} is not empty; repair writes only into a new or empty folder.`);
  if (resolve(to) === resolve(dataDir) || resolve(to).startsWith(resolve(dataDir) + sep)) {
    throw new SyncServerError('--to must be a new folder outside --data: repair never changes the original.');
  }
  mkdirSync(to, { recursive: true, mode: 0o700 });
  const lines = [`Repairing ${dataDir} into ${to} (the original is not changed).`];

  const store = await FreshStore.create(docsFolder(to));
  const docs = await scanDocs(dataDir, { repair: true, keep: (key, value) => store.add(key, value) }).catch(async (error: unknown) => {
    await store.finish().catch(() => {});
    throw error;
  });
  await store.finish();
  dropLevelBookkeeping(docsFolder(to));
  for (const room of docs.rooms.values()) {
    const lost = room.unreadable.length ? `; ${room.unreadable.length} damaged change${room.unreadable.length === 1 ? '' : 's'} left out (numbers ${room.unreadable.join(', ')})` : '';
    lines.push(`  Document ${room.room}: ${room.updates} change${room.updates === 1 ? '' : 's'} recovered${lost}.`);
  }
  for (const problem of docs.problems.filter((p) => !/damaged change/.test(p.what))) lines.push(`  Could not recover: ${problem.file} ${problem.what}.`);
  lines.push(`Documents: ${docs.rooms.size} recovered.`);

  const accessPath = join(dataDir, ACCESS_FILE);
  const badAccess = accessProblems(dataDir, { ...docs, rooms: new Map() });
  if (existsSync(accessPath) && badAccess.length === 0) {
    copyFileSync(accessPath, join(to, ACCESS_FILE));
    chmodSync(join(to, ACCESS_FILE), 0o600);
    lines.push('Access file: copied.');
  } else {
    lines.push(`Access file: NOT copied (${badAccess[0] ? badAccess[0].what : 'there is none'}). Put back access.json from a backup into ${to}.`);
  }

  let copied = 0;
  for (const blob of listBlobFiles(dataDir)) {
    const target = join(to, ...blob.name.split('/'));
    const { sha256 } = await copyHashed(blob.path, target);
    if (blob.wellPlaced && sha256 === blob.sha256) {
      copied++;
    } else {
      rmSync(target, { force: true });
      lines.push(`  Left out ${blob.path}: its bytes do not match its name; the app uploads it again.`);
    }
  }
  lines.push(`Media files: ${copied} copied.`);

  const check = await checkDataFolder(to).then(() => null, (error: Error) => error.message);
  if (check) {
    lines.push('The new folder is not ready yet:', check);
  } else {
    lines.push(`Done. Check it with: sync-server verify --data ${to}; then start the server with --data ${to}.`);
  }
  return { ok: check === null, lines };
}
