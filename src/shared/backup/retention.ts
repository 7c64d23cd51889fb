import type { BackupReason } from './backup-format';

export interface KeptBackup {
  id: string;
  workspaceId: string;
  reason: BackupReason;
  /** ISO instant. */
  createdAt: string;
}

export const RETENTION = { daily: 7, weekly: 4, before: 5 } as const;

/** The Monday (UTC) of the week a day falls in: the week a weekly backup stands for. */
function weekOf(iso: string): string {
  const day = new Date(iso.slice(0, 10) + 'T00:00:00Z');
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which automatic backups to delete, per workspace: of the daily ones, the
 * newest of each of the last 7 days that have one, then the newest of each of
 * the 4 weeks before those; of the ones taken before a big change, the last 5.
 * Backups made by hand are never deleted here.
 */
export function backupsToDelete(backups: KeptBackup[], retention: { daily: number; weekly: number; before: number } = RETENTION): string[] {
  const doomed: string[] = [];
  const byWorkspace = new Map<string, KeptBackup[]>();
  for (const b of backups) byWorkspace.set(b.workspaceId, [...(byWorkspace.get(b.workspaceId) ?? []), b]);
  for (const list of byWorkspace.values()) {
    const newestFirst = [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const days = new Set<string>();
    const weeks = new Set<string>();
    let before = 0;
    for (const b of newestFirst) {
      if (b.reason === 'manual') continue;
      if (b.reason !== 'daily') {
        if (++before > retention.before) doomed.push(b.id);
        continue;
      }
      const day = b.createdAt.slice(0, 10);
      const week = weekOf(b.createdAt);
      if (days.size < retention.daily && !days.has(day)) {
        days.add(day);
        continue;
      }
      // Once the daily ones are chosen, the newest of an older week stands in for that week.
      if (days.size >= retention.daily && !days.has(day) && weeks.size < retention.weekly && !weeks.has(week)) {
        weeks.add(week);
        continue;
      }
      doomed.push(b.id);
    }
  }
  return doomed;
}
