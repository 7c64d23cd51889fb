import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_FILE } from './access-store';
import { listBlobFiles, hashFile } from './blob-files';
import { formatBytes } from './blob-store';
import { accessProblems, missingDocsProblems } from './data-folder-check';
import { scanDocs, type Problem } from './docs-scan';
import { SyncServerError } from './errors';

export interface VerifyResult {
  ok: boolean;
  /** The report, plain lines for the person who runs the server. */
  lines: string[];
  problems: Problem[];
}

/**
 * `sync-server verify`: everything the start-up check reads (every room's
 * every stored change, the access file) plus every media file's bytes
 * against its SHA-256 name. Works on a copy, so it may run next to a live
 * server and never changes the folder.
 */
export async function verifyDataFolder(dataDir: string): Promise<VerifyResult> {
  if (!existsSync(dataDir)) throw new SyncServerError(`There is no folder ${dataDir}; check --data.`);
  const docs = await scanDocs(dataDir);
  const problems = [...docs.problems, ...missingDocsProblems(dataDir, docs), ...accessProblems(dataDir, docs)];
  const lines = [`Data folder: ${dataDir}`];

  const rooms = [...docs.rooms.values()];
  const stored = rooms.reduce((sum, r) => sum + r.bytes, 0);
  lines.push(`Documents: ${rooms.length} (${rooms.reduce((sum, r) => sum + r.updates, 0)} stored changes, ${formatBytes(stored)})`);
  for (const room of rooms) {
    const damaged = room.unreadable.length ? `, ${room.unreadable.length} DAMAGED` : '';
    lines.push(`  ${room.room}: ${room.updates} change${room.updates === 1 ? '' : 's'}, ${formatBytes(room.bytes)}${damaged}`);
  }

  const accessPath = join(dataDir, ACCESS_FILE);
  if (existsSync(accessPath) && !problems.some((p) => p.file === accessPath)) {
    const access = JSON.parse(readFileSync(accessPath, 'utf8')) as { workspaces: unknown[]; tokens: Array<{ revokedAt?: string }> };
    const revoked = access.tokens.filter((t) => t.revokedAt).length;
    lines.push(`Access: ${access.workspaces.length} workspace${access.workspaces.length === 1 ? '' : 's'}, ${access.tokens.length} invite${access.tokens.length === 1 ? '' : 's'} (${revoked} revoked)`);
  } else if (!existsSync(accessPath)) {
    lines.push('Access: no access file (no workspaces yet)');
  }

  const blobs = listBlobFiles(dataDir);
  let blobBytes = 0;
  let badBlobs = 0;
  for (const blob of blobs) {
    if (!blob.wellPlaced) {
      badBlobs++;
      problems.push({ file: blob.path, what: 'is not where the blob store keeps files (blobs/<workspace>/<first two characters>/<SHA-256>), so no one can fetch it' });
      continue;
    }
    const { sha256, bytes } = await hashFile(blob.path);
    blobBytes += bytes;
    if (sha256 !== blob.sha256) {
      badBlobs++;
      problems.push({ file: blob.path, what: `does not hold what its name says: its ${formatBytes(bytes)} hash to ${sha256.slice(0, 12)}…; delete it, and the file is stored again when a teammate's app uploads it` });
    }
  }
  lines.push(`Media files: ${blobs.length} (${formatBytes(blobBytes)})${badBlobs ? `, ${badBlobs} DAMAGED` : ', every one matches its name'}`);

  if (problems.length === 0) {
    lines.push('All is well.');
  } else {
    lines.push(`${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
    for (const p of problems) lines.push(`  - ${p.file} ${p.what}.`);
    lines.push(`To keep what can be read: sync-server repair --data ${dataDir} --to NEWDIR (the original is never changed). Or restore from a backup. See docs/sync-server-backups.md.`);
  }
  return { ok: problems.length === 0, lines, problems };
}
