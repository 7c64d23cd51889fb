import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_FILE } from './access-store';
import { listBlobFiles } from './blob-files';
import { docsFolder, scanDocs, type DocsFindings, type Problem } from './docs-scan';
import { SyncServerError } from './errors';

/**
 * Checks the data folder before the server opens it, so a damaged folder is
 * refused instead of served. Without this, a folder missing docs/CURRENT (a
 * partial restore) opened as a new, empty database: the server said
 * "listening", served empty documents, and LevelDB deleted every table file.
 *
 * A brand-new (missing or empty) folder is fine. Otherwise the documents'
 * LevelDB files must all be there and open without creating anything, every
 * stored change of every room must read as a Yjs update, and the access file
 * must be valid. The check works on a private copy and changes nothing.
 * Anything wrong: a SyncServerError naming each file and the way out.
 */
export async function checkDataFolder(dataDir: string): Promise<void> {
  const docs = await scanDocs(dataDir);
  const problems = [...docs.problems, ...missingDocsProblems(dataDir, docs), ...accessProblems(dataDir, docs)];
  if (problems.length > 0) throw new SyncServerError(refusal(dataDir, problems));
}

/** The whole refusal: what is wrong, file by file, that nothing was changed, and what to do. */
export function refusal(dataDir: string, problems: Problem[]): string {
  const onlyAccess = problems.every((p) => p.file === join(dataDir, ACCESS_FILE));
  const fix = onlyAccess
    ? `Put back ${join(dataDir, ACCESS_FILE)} from the same backup as the rest of the folder (it holds the workspaces and invites), then start the server again.`
    : `Restore the whole folder from a backup (sync-server restore --from BACKUP --data NEWDIR), or keep what can be read with \`sync-server repair --data ${dataDir} --to NEWDIR\`, then start the server with --data NEWDIR. Clients send again what the server lacks when they reconnect. See docs/sync-server-backups.md.`;
  return [
    `The sync server did not start: its data folder ${dataDir} is damaged, and starting would serve documents with parts missing.`,
    ...problems.map((p) => `  - ${p.file} ${p.what}.`),
    'Nothing in the folder was changed.',
    fix,
  ].join('\n');
}

/** No documents database at all, but media files: the documents were lost or not restored. */
export function missingDocsProblems(dataDir: string, docs: DocsFindings): Problem[] {
  if (docs.exists) return [];
  const blobs = listBlobFiles(dataDir).length;
  if (blobs === 0) return [];
  return [{
    file: docsFolder(dataDir),
    what: `is missing or empty, yet blobs/ holds ${blobs} media file${blobs === 1 ? '' : 's'}: the documents of this server are not in the folder (a partial copy or restore?)`,
  }];
}

export function accessProblems(dataDir: string, docs: DocsFindings): Problem[] {
  const path = join(dataDir, ACCESS_FILE);
  if (!existsSync(path)) {
    return docs.rooms.size > 0
      ? [{ file: path, what: `is missing, while the folder holds ${docs.rooms.size} document${docs.rooms.size === 1 ? '' : 's'}: no one could connect to ${docs.rooms.size === 1 ? 'it' : 'them'}` }]
      : [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [{ file: path, what: `is damaged: it is not readable JSON (${(error as Error).message})` }];
  }
  const shape = accessShapeError(parsed);
  return shape ? [{ file: path, what: `is damaged: ${shape}` }] : [];
}

function accessShapeError(parsed: unknown): string | null {
  const data = parsed as { workspaces?: unknown; tokens?: unknown } | null;
  if (!data || typeof data !== 'object') return 'it holds no access list';
  if (!Array.isArray(data.workspaces)) return 'its list of workspaces is missing';
  if (!Array.isArray(data.tokens)) return 'its list of invites (tokens) is missing';
  const badWorkspace = data.workspaces.findIndex((w: { id?: unknown; name?: unknown } | null) => !w || typeof w.id !== 'string' || !w.id || typeof w.name !== 'string');
  if (badWorkspace >= 0) return `workspace number ${badWorkspace + 1} has no id or name`;
  const badToken = data.tokens.findIndex((t: { id?: unknown; hash?: unknown; workspaceId?: unknown } | null) =>
    !t || typeof t.id !== 'string' || typeof t.hash !== 'string' || !/^[0-9a-f]{64}$/.test(t.hash) || typeof t.workspaceId !== 'string');
  if (badToken >= 0) return `invite (token) number ${badToken + 1} is incomplete`;
  return null;
}
