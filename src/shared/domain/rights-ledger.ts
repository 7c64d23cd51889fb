import { adAccessPlatformLabels, adAccessView, hasAdAccess, maskCode, type AdAccessLike } from './ad-access';
import { exportTable, moneyAmount as amount, type ExportColumn } from './export-columns';
import type { Money } from './fields';
import type { ExportTable } from './table-export';
import { channelLabel, formatLongDate, hasPaidUse, rightsBadge, rightsSources, rightStatus, type RightLike } from './usage-rights';

/** A ledger line: the right and what it names, resolved for people to read. */
export interface LedgerRight extends RightLike {
  creatorName: string;
  campaignName: string;
  /** The post's link or the file's name. */
  covers: string;
  territories: string[];
  fee: Money | null;
  exclusivity: string;
  extensionOption: string;
  extensionPrice: Money | null;
  source: string | null;
  evidence: string;
  whitelisting?: AdAccessLike | null;
}

export type LedgerFilter = 'all' | 'paid-ok' | 'expiring' | 'expired' | 'ad-access';

export function filterLedger<T extends LedgerRight>(rows: readonly T[], filter: LedgerFilter, today: string): T[] {
  return rows.filter((r) => {
    if (r.deletedAt) return false;
    const status = rightStatus(r, today);
    if (filter === 'paid-ok') return status.paidOk;
    if (filter === 'expiring') return status.state === 'expiring';
    if (filter === 'expired') return status.state === 'expired';
    if (filter === 'ad-access') return hasAdAccess(r.whitelisting);
    return true;
  }).sort((a, b) => (a.endsOn ?? '9999') < (b.endsOn ?? '9999') ? -1 : (a.endsOn ?? '9999') > (b.endsOn ?? '9999') ? 1 : a.creatorName.localeCompare(b.creatorName));
}

/** The ledger as a sheet: dates as dates, money as numbers with its currency beside it, so Excel can sort and sum. */
export function buildRightsLedgerTable(rows: readonly LedgerRight[], today: string): ExportTable {
  const sourceLabel = (id: string | null) => rightsSources.find((s) => s.id === id)?.label ?? '';
  const columns: ExportColumn<LedgerRight>[] = [
    { header: 'Creator', kind: 'text', value: (r) => r.creatorName },
    { header: 'Campaign', kind: 'text', value: (r) => r.campaignName },
    { header: 'Covers', kind: 'text', value: (r) => r.covers },
    { header: 'Channels', kind: 'text', value: (r) => r.channels.map(channelLabel).join('; ') },
    { header: 'Paid use', kind: 'text', value: (r) => (hasPaidUse(r) ? 'Yes' : 'No') },
    { header: 'Territory', kind: 'text', value: (r) => r.territories.join(', ') },
    { header: 'Starts', kind: 'date', value: (r) => r.startsOn },
    { header: 'Ends', kind: 'date', value: (r) => r.endsOn },
    { header: 'Status', kind: 'text', value: (r) => rightsBadge([r], today).label },
    { header: 'Days left', kind: 'count', value: (r) => { const s = rightStatus(r, today); return s.daysLeft != null && s.daysLeft > 0 ? s.daysLeft : null; } },
    { header: 'Fee', kind: 'money', value: (r) => amount(r.fee) },
    { header: 'Currency', kind: 'text', value: (r) => r.fee?.currency ?? r.extensionPrice?.currency ?? '' },
    { header: 'Exclusivity', kind: 'text', value: (r) => r.exclusivity },
    { header: 'Extension option', kind: 'text', value: (r) => r.extensionOption },
    { header: 'Extension price', kind: 'money', value: (r) => amount(r.extensionPrice) },
    { header: 'Granted in', kind: 'text', value: (r) => sourceLabel(r.source) },
    { header: 'Evidence', kind: 'text', value: (r) => r.evidence },
    // Ad access: the code stays masked here too; a sheet is mailed around, and the code lets anyone run ads from the creator's handle.
    { header: 'Ad access', kind: 'text', value: (r) => (hasAdAccess(r.whitelisting) ? adAccessView(r.whitelisting, today, formatLongDate).label : '') },
    { header: 'Ad platform', kind: 'text', value: (r) => (hasAdAccess(r.whitelisting) && r.whitelisting.platform ? adAccessPlatformLabels[r.whitelisting.platform] : '') },
    { header: 'Ad code', kind: 'text', value: (r) => (hasAdAccess(r.whitelisting) ? maskCode(r.whitelisting.sparkCode) : '') },
    { header: 'Access starts', kind: 'date', value: (r) => (hasAdAccess(r.whitelisting) ? r.whitelisting.accessStartsOn ?? null : null) },
    { header: 'Access ends', kind: 'date', value: (r) => (hasAdAccess(r.whitelisting) ? r.whitelisting.accessExpiresOn : null) },
    { header: 'Ad account', kind: 'text', value: (r) => (hasAdAccess(r.whitelisting) ? r.whitelisting.adAccount ?? '' : '') },
  ];
  return exportTable(rows, columns);
}
