import type { StoredBackupInfo } from '../../../../shared/api/contract';
import type { BackupReason } from '../../../../shared/backup/backup-format';
import { host } from '../../host';
import type { WorkspaceEntry } from '../workspace-registry';
import type { WorkspaceSession } from '../workspace-session';
import { keepInBackupsFolder, makeBackup, type OnProgress } from './workspace-backup';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Merging duplicates is one group at a time: one backup covers a sitting, not every click. */
const BEFORE_MERGE_EVERY_MS = 15 * 60 * 1000;
/** "Many rows": an import smaller than this is easy to look over and undo. */
export const BIG_IMPORT_ROWS = 100;

const listeners = new Set<() => void>();

/** Told when a backup is kept or deleted, so the Settings list stays current. */
export function onBackupsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function backupsChanged(): void {
  listeners.forEach((l) => l());
}

/** One automatic backup at a time per window: two big changes in a row share the wait, not the disk. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Keeps a backup of the workspace in this computer's backups folder (no
 * media: those files are already in the same data folder). Resolves to the
 * kept backup, or null when there is nowhere to keep one.
 */
export function keepAutomaticBackup(
  session: WorkspaceSession | null, workspace: WorkspaceEntry, reason: BackupReason, onProgress?: OnProgress, workspaceState?: Uint8Array,
): Promise<StoredBackupInfo | null> {
  const work = running.catch(() => undefined).then(async () => {
    const made = await makeBackup(session, workspace, {
      includeMedia: false, reason, workspaceState, onProgress: (p) => onProgress?.({ ...p, fraction: (p.fraction ?? 0) * 0.7 }),
    });
    try {
      const kept = await keepInBackupsFolder(made.blob, (p) => onProgress?.({ ...p, fraction: 0.7 + (p.fraction ?? 0) * 0.3 }));
      backupsChanged();
      return kept;
    } catch (error) {
      // A host that keeps no files (a test harness) has no backups folder; that is not a failed backup.
      if ((error as { code?: string }).code === 'not-available') return null;
      throw error;
    }
  });
  running = work;
  return work;
}

async function newest(workspaceId: string, reason: BackupReason): Promise<StoredBackupInfo | null> {
  const { backups } = await host['backup-list']({ workspaceId });
  return backups.find((b) => b.header.reason === reason) ?? null;
}

/** Before an import of many rows, a merge of duplicates, a restore. Merges share one backup per quarter hour. */
export async function backUpBeforeBigChange(session: WorkspaceSession, workspace: WorkspaceEntry, reason: BackupReason, onProgress?: OnProgress): Promise<StoredBackupInfo | null> {
  if (reason === 'before-merge') {
    const last = await newest(workspace.id, reason).catch(() => null);
    if (last && Date.now() - Date.parse(last.header.createdAt) < BEFORE_MERGE_EVERY_MS) return last;
  }
  return keepAutomaticBackup(session, workspace, reason, onProgress);
}

/** The daily backup, when the last one is more than a day old (or there is none). */
export async function dailyBackupIfDue(session: WorkspaceSession, workspace: WorkspaceEntry): Promise<StoredBackupInfo | null> {
  const last = await newest(workspace.id, 'daily');
  if (last && Date.now() - Date.parse(last.header.createdAt) < DAY_MS) return null;
  return keepAutomaticBackup(session, workspace, 'daily');
}

/**
 * Before a migration rewrites records to a new shape: the data engine hands
 * over the workspace's state as it was loaded, before migrating it (see the
 * hook described in docs/backups.md), and it is kept like any other.
 */
export function backUpBeforeMigration(workspace: WorkspaceEntry, stateBeforeMigration: Uint8Array): Promise<StoredBackupInfo | null> {
  return keepAutomaticBackup(null, workspace, 'before-migration', undefined, stateBeforeMigration);
}
