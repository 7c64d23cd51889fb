import { useEffect, useMemo, useState } from 'react';
import { isCommandError } from '../../../../shared/data/command-error';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { activityInput } from '../../../../shared/domain/activities';
import { adAccessPlatformLabels, dueAdAccessAlerts, maskCode } from '../../../../shared/domain/ad-access';
import { localToday } from '../../../../shared/domain/dates';
import { channelLabel, dueRenewalAlerts, formatLongDate, renewalDueAt } from '../../../../shared/domain/usage-rights';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { RightRow } from './rights-data';

/**
 * Raises a renewal task 30, 14 and 7 days before a usage right ends, while
 * the app is open (checked on open and every hour, so a laptop left open
 * overnight notices the new day). Task ids are fixed per right and
 * threshold, so two laptops raising the same alert offline make one task.
 */
export function RightsAlertsWatcher() {
  const session = useSession();
  // All live rights: ad access may end on a right that itself has no end.
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null } }, 'rights-alerts');
  const tasks = useRxQuery<{ id: string }>('activities', { selector: { kind: 'task' } }, 'rights-alert-tasks');
  const [today, setToday] = useState(() => localToday());
  useEffect(() => {
    const timer = setInterval(() => setToday(localToday()), 3_600_000);
    return () => clearInterval(timer);
  }, []);
  const due = useMemo(() => (rights && tasks ? dueRenewalAlerts(rights, new Set(tasks.map((t) => t.id)), today) : []), [rights, tasks, today]);
  const dueAccess = useMemo(() => (rights && tasks ? dueAdAccessAlerts(rights, new Set(tasks.map((t) => t.id)), today) : []), [rights, tasks, today]);
  useEffect(() => {
    for (const alert of dueAccess) {
      const right = rights!.find((r) => r.id === alert.rightId)!;
      const w = right.whitelisting!;
      const what = w.platform ? adAccessPlatformLabels[w.platform] : 'Ad access';
      const left = alert.daysLeft === 1 ? 'last day today' : `${alert.daysLeft} days left`;
      void session.commands.create('activities', activityInput({
        kind: 'task',
        title: `Ad access ends: ${what}, ${left} (ends ${formatLongDate(alert.endsOn)})`,
        body: `${what}${w.sparkCode ? ` (code ${maskCode(w.sparkCode)})` : ''}${w.adAccount ? ` in ${w.adAccount}` : ''} stops working after ${formatLongDate(alert.endsOn)}. Ask the creator for a new code or a longer authorisation, or stop the ads by then.`,
        at: new Date().toISOString(), dueAt: renewalDueAt(alert.endsOn),
        creatorId: right.creatorId, campaignId: right.campaignId,
        data: { rightId: right.id, adAccess: true, threshold: alert.threshold, contentId: right.contentId, assetId: right.assetId },
      }), { id: alert.taskId, origin: SYSTEM_ORIGIN }).catch((error: unknown) => {
        if (!isCommandError(error, 'exists')) reportError('An ad access reminder could not be created')(error);
      });
    }
  }, [dueAccess, rights, session]);
  useEffect(() => {
    if (due.length === 0) return;
    for (const alert of due) {
      const right = rights!.find((r) => r.id === alert.rightId)!;
      const channels = right.channels.map(channelLabel).join(', ') || 'the agreed channels';
      void session.commands.create('activities', activityInput({
        kind: 'task',
        title: `Renew usage rights: ${alert.daysLeft === 1 ? 'last day today' : `${alert.daysLeft} days left`} (ends ${formatLongDate(alert.endsOn)})`,
        body: `Usage for ${channels} ends on ${formatLongDate(alert.endsOn)}. Ask the creator to extend${right.extensionOption ? ` (option: ${right.extensionOption})` : ''}, or take the content out of ads and pages by then.`,
        at: new Date().toISOString(), dueAt: renewalDueAt(alert.endsOn),
        creatorId: right.creatorId, campaignId: right.campaignId,
        data: { rightId: right.id, threshold: alert.threshold, contentId: right.contentId, assetId: right.assetId },
      }), { id: alert.taskId, origin: SYSTEM_ORIGIN }).catch((error: unknown) => {
        // A teammate's laptop may have raised the same task a moment earlier: that is the same task, not a failure.
        if (!isCommandError(error, 'exists')) reportError('A renewal reminder could not be created')(error);
      });
    }
  }, [due, rights, session]);
  return null;
}
