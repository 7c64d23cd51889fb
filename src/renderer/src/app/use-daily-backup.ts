import { useEffect } from 'react';
import { dailyBackupIfDue } from '../data/backup/automatic-backups';
import { useWorkspace } from './workspace-context';

/** Waits for the opening work (snapshot, search index) to be done before reading the whole workspace again. */
const AFTER_OPEN_MS = 10_000;

/** Keeps the day's automatic backup of the open workspace, once it has loaded, if the last one is more than a day old. */
export function useDailyBackup(): void {
  const { session, current, caughtUp } = useWorkspace();
  useEffect(() => {
    if (!session || !current || !caughtUp) return;
    const timer = setTimeout(() => {
      dailyBackupIfDue(session, current).catch((error) => console.warn('Fanfare could not keep today’s backup:', error));
    }, AFTER_OPEN_MS);
    return () => clearTimeout(timer);
  }, [session, current, caughtUp]);
}
