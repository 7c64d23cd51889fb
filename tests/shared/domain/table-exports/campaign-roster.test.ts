import { describe, expect, it } from 'vitest';
import { sortRoster, type RosterRow } from '../../../../src/shared/domain/campaign-roster';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildRosterTable } from '../../../../src/shared/domain/table-exports/campaign-roster';
import { toCsv } from '../../../../src/shared/domain/table-export';

const row = (over: Partial<RosterRow>): RosterRow => ({
  engagementId: 'e', creatorId: 'c', name: 'Ana', stepId: 's1', stepName: 'Shortlist', stepPosition: 0, bucket: 'Micro', followers: 12_000,
  score: 4.25, fee: moneyFrom(500, 'EUR'), lastContactedAt: '2026-11-02T15:30:00Z', repliedAt: null, declinedAt: null, optInGaps: [], ...over,
});

describe('the campaign roster export', () => {
  const rows = [row({ engagementId: 'a' }), row({ engagementId: 'b', name: '=cmd|calc', followers: 90_000, score: null, fee: null, optInGaps: ['address', 'sizes'] }), row({ engagementId: 'c', name: 'Cy', stepId: 's2', stepName: 'Outreach', followers: 3_000 })];

  it('has the columns on screen, with numbers as numbers and the fee’s currency beside it', () => {
    const table = buildRosterTable(rows, new Set(['a']));
    expect(table.headers).toEqual(['Creator', 'Step', 'Bucket', 'Followers', 'Score', 'Fee', 'Currency', 'Last contacted', 'Opt-in']);
    expect(table.kinds).toEqual(['text', 'text', 'text', 'count', 'score', 'money', 'text', 'date', 'text']);
    expect(table.rows[0]).toEqual(['Ana', 'Shortlist', 'Micro', 12_000, 4.25, 500, 'EUR', '2026-11-02T15:30:00Z', 'Complete']);
    expect(table.rows[1].slice(3, 7)).toEqual([90_000, null, null, '']);
    expect(table.rows[1][8]).toBe('Missing: Shipping address, Sizes');
    expect(table.rows[2][8]).toBe('');
  });

  it('keeps the step filter and sort order it is given', () => {
    const shown = sortRoster(rows.filter((r) => r.stepId === 's1'), 'followers', true);
    expect(buildRosterTable(shown, new Set()).rows.map((r) => r[3])).toEqual([90_000, 12_000]);
  });

  it('defuses a formula in a name and writes the date without its time', () => {
    const csv = toCsv(buildRosterTable(rows, new Set()));
    expect(csv).toContain("'=cmd|calc");
    expect(csv).toContain(',2026-11-02,');
    expect(csv.split('\r\n')[1]).toBe('Ana,Shortlist,Micro,12000,4.3,500,EUR,2026-11-02,');
  });
});
