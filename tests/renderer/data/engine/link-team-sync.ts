import * as Y from 'yjs';
import { TeamSync } from '../../../../src/renderer/src/data/engine/team-sync';
import type { SyncStatus } from '../../../../src/renderer/src/data/engine/protocol';
import type { Invite } from '../../../../src/shared/sync/invite';

/**
 * A workspace doc linked to a team server the way the app links it, with
 * every status it reports and a way to wait for one (woken by each report,
 * so a test sees a short-lived state too).
 */
export function linkTeamSync(invite: Invite, cleanups: (() => unknown)[]) {
  const doc = new Y.Doc();
  const statuses: SyncStatus[] = [];
  const waiters: (() => void)[] = [];
  const sync = new TeamSync(doc, invite, (status) => {
    statuses.push(status);
    waiters.splice(0).forEach((wake) => wake());
  });
  cleanups.push(() => {
    sync.destroy();
    doc.destroy();
  });
  const last = () => statuses[statuses.length - 1];
  const until = async (check: (status: SyncStatus) => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!check(last())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last status ${JSON.stringify(last())}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return last();
  };
  return { doc, sync, statuses, until };
}
