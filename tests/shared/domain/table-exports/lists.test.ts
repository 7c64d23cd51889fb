import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildBriefsTable, buildCampaignsTable, buildTasksTable, buildTrashTable } from '../../../../src/shared/domain/table-exports/lists';
import { toCsv } from '../../../../src/shared/domain/table-export';

describe('the list screens’ exports', () => {
  it('campaigns: dates as dates, the budget as a number, planned creators empty when not planned', () => {
    const table = buildCampaignsTable([
      { name: 'Spring Glow', kind: 'campaign', status: 'active', objective: 'Awareness', activation: 'Gifting / seeding', startsOn: '2026-09-02', endsOn: '2026-11-21', budget: moneyFrom(25_000, 'USD'), creators: 40, planned: 45 },
      { name: 'Run Club', kind: 'program', status: 'active', objective: 'Conversion', activation: 'Ambassador', startsOn: null, endsOn: null, budget: null, creators: 7, planned: null },
    ]);
    expect(table.rows[0]).toEqual(['Spring Glow', 'Campaign', 'active', 'Awareness', 'Gifting / seeding', '2026-09-02', '2026-11-21', 25_000, 'USD', 40, 45]);
    expect(table.rows[1].slice(5)).toEqual([null, null, null, '', 7, null]);
  });

  it('tasks: grouped as on screen, with due and done dates', () => {
    const table = buildTasksTable([{ group: 'Overdue', title: '=chase address', dueAt: '2026-11-19T09:00:00Z', doneAt: null, assignee: 'Maya', creatorName: 'Ana', campaignName: 'Glow', notes: '' }]);
    expect(table.kinds).toEqual(['text', 'text', 'date', 'date', 'text', 'text', 'text', 'text']);
    expect(toCsv(table).split('\r\n')[1]).toBe("Overdue,'=chase address,2026-11-19,,Maya,Ana,Glow,");
  });

  it('trash and briefs', () => {
    expect(buildTrashTable([{ what: 'Creator', name: 'Ana', deletedAt: '2026-11-20T10:00:00Z' }]).rows).toEqual([['Creator', 'Ana', '2026-11-20T10:00:00Z']]);
    expect(buildBriefsTable([{ title: 'December brief', campaignName: 'Run Club', status: 'Sent', version: 2, sentTo: 7, updatedAt: '2026-11-01T00:00:00Z' }]).rows[0]).toEqual(['December brief', 'Run Club', 'Sent', 2, 7, '2026-11-01T00:00:00Z']);
  });
});
