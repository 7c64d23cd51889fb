import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../src/shared/domain/fields';
import { buildRightsLedgerTable, filterLedger, type LedgerRight } from '../../../src/shared/domain/rights-ledger';
import { toCsv } from '../../../src/shared/domain/table-export';

const row = (over: Partial<LedgerRight>): LedgerRight => ({
  id: 'r', creatorName: 'Ana', campaignName: 'Spring', covers: 'https://www.instagram.com/p/abc/', channels: ['paid-social-meta'], paidUse: false,
  territories: ['WW'], startsOn: '2026-01-01', endsOn: '2026-12-31', fee: moneyFrom(350, 'USD'), exclusivity: '', extensionOption: '+6 months',
  extensionPrice: moneyFrom(150, 'USD'), source: 'contract', evidence: '=HYPERLINK("x")', deletedAt: null, ...over,
});

describe('the rights ledger', () => {
  const rows = [row({ id: 'a' }), row({ id: 'b', creatorName: 'Ben', endsOn: '2026-11-25' }), row({ id: 'c', creatorName: 'Cy', endsOn: '2026-10-01', channels: ['organic-social'] }), row({ id: 'd', deletedAt: '2026-01-02T00:00:00Z' })];
  it('filters by what a manager asks: paid use today, expiring, expired', () => {
    expect(filterLedger(rows, 'all', '2026-11-21').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(filterLedger(rows, 'paid-ok', '2026-11-21').map((r) => r.id)).toEqual(['b', 'a']);
    expect(filterLedger(rows, 'expiring', '2026-11-21').map((r) => r.id)).toEqual(['b']);
    expect(filterLedger(rows, 'expired', '2026-11-21').map((r) => r.id)).toEqual(['c']);
  });

  it('exports real numbers and dates, and defuses formulas in text', () => {
    const table = buildRightsLedgerTable(filterLedger(rows, 'all', '2026-11-21'), '2026-11-21');
    expect(table.headers.slice(0, 5)).toEqual(['Creator', 'Campaign', 'Covers', 'Channels', 'Paid use']);
    const ben = table.rows[1];
    expect(ben[table.headers.indexOf('Days left')]).toBe(5);
    expect(ben[table.headers.indexOf('Fee')]).toBe(350);
    expect(ben[table.headers.indexOf('Status')]).toBe('Paid use OK until 25 Nov');
    expect(table.rows[0][table.headers.indexOf('Status')]).toBe('Expired');
    expect(table.rows[0][table.headers.indexOf('Paid use')]).toBe('No');
    const csv = toCsv(table);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('2026-11-25');
  });

  it('lists ad access with the code masked, its platform, end and ad account, and filters to it', () => {
    const withAccess = row({ id: 'w', whitelisting: { status: 'active', platform: 'tiktok', sparkCode: '#SparkCodeSecret9876', accessStartsOn: '2026-11-01', accessExpiresOn: '2026-11-30', adAccount: 'Glow Ads EU' } });
    const oldShape = row({ id: 'o', whitelisting: { status: 'not-requested', platform: null, sparkCode: '', accessExpiresOn: null } });
    expect(filterLedger([...rows, withAccess, oldShape], 'ad-access', '2026-11-21').map((r) => r.id)).toEqual(['w']);
    const table = buildRightsLedgerTable([withAccess, oldShape], '2026-11-21');
    const cell = (r: number, header: string) => table.rows[r][table.headers.indexOf(header)];
    expect(cell(0, 'Ad access')).toBe('Active · 10 days left');
    expect(cell(0, 'Ad platform')).toBe('TikTok Spark Ads');
    expect(cell(0, 'Ad code')).toBe('••••9876');
    expect(toCsv(table)).not.toContain('SparkCodeSecret');
    expect(cell(0, 'Access ends')).toBeTruthy();
    expect(cell(0, 'Ad account')).toBe('Glow Ads EU');
    expect(cell(1, 'Ad access')).toBe('');
  });
});
