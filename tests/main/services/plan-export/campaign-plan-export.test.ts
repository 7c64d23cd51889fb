import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createInProcessHost } from '../../../../src/main/handlers';
import { HostError } from '../../../../src/shared/api/errors';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildPlanDocument, type PlanCampaign, type PlanEngagement } from '../../../../src/shared/domain/plan-document';

const campaign: PlanCampaign = {
  name: 'Spring Glow: seeding / launch', kind: 'campaign', status: 'active', objective: 'awareness', activationModels: ['gifting', 'pay-to-post'],
  ownerId: 'ana', startsOn: '2026-03-01', endsOn: '2026-04-30', notes: 'Retail launch in April.',
  kpiTargets: [{ kpi: 'Posts', target: 40 }, { kpi: 'Reach', target: 1_500_000 }],
  keyMessages: ['Glow that lasts all day', 'Clean ingredients, no fragrance'],
  budget: moneyFrom(12_000, 'USD'),
  buckets: [
    { id: 'nano', name: 'Nano', minFollowers: 1_000, maxFollowers: 9_999, targetCount: 30 },
    { id: 'micro', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999, targetCount: 15 },
  ],
  steps: [{ id: 'shortlisted', name: 'Shortlisted', position: 1 }, { id: 'posted', name: 'Posted', position: 2 }],
};
const engagements: PlanEngagement[] = [
  { id: 'e1', creatorId: 'c1', stepId: 'posted', terms: { fee: moneyFrom(500, 'USD'), productValue: moneyFrom(38, 'USD'), deliverables: [{ dueOn: '2026-03-20', quantity: 2 }] } },
  { id: 'e2', creatorId: 'c2', stepId: 'shortlisted', terms: { fee: null, productValue: moneyFrom(38, 'USD'), deliverables: [{ dueOn: '2026-03-20', quantity: 1 }] } },
  { id: 'e3', creatorId: 'c3', stepId: 'shortlisted', terms: null, bucketId: 'micro' },
  { id: 'e4', creatorId: 'c4', stepId: 'shortlisted', terms: { fee: moneyFrom(900, 'USD'), productValue: null }, declinedAt: '2026-03-02T00:00:00.000Z' },
];
const creators = new Map([
  ['c1', { name: 'Maya Lopez', followersMax: 45_000 }],
  ['c2', { name: 'Zoë Łukasiewicz', followersMax: 4_000 }],
  ['c3', { name: 'Ravi', followersMax: 500 }],
  ['c4', { name: 'Declined Dan', followersMax: 5_000 }],
]);

const plan = buildPlanDocument({
  campaign, engagements, creators, ownerName: 'Ana Kowalska', fallbackCurrency: 'USD', today: '2026-03-05',
  activities: [{ id: 'p1', kind: 'payment', campaignId: 'x', data: { amount: moneyFrom(250, 'USD') } }],
  tasks: [{ title: 'Book the launch shoot', dueOn: '2026-03-10', done: false }, { title: 'Done already', dueOn: '2026-03-04', done: true }],
  labels: { model: (m) => ({ gifting: 'Gifting / seeding', 'pay-to-post': 'Pay to post' })[m] ?? m, objective: (o) => o[0].toUpperCase() + o.slice(1), status: (s) => s },
});

function cellsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('campaign plan export', () => {
  it('builds the plan document: buckets against targets, committed money per bucket, the timeline', () => {
    expect(plan.buckets.map((b) => [b.name, b.count, b.committedMicros])).toEqual([['Nano', 1, 38_000_000], ['Micro', 2, 538_000_000]]);
    expect(plan.budget).toMatchObject({ plannedMicros: 12_000_000_000, committedMicros: 576_000_000, spentMicros: 250_000_000, feesMicros: 500_000_000 });
    expect(plan.timeline).toEqual([
      { date: '2026-03-01', what: 'Campaign starts' },
      { date: '2026-03-10', what: 'Task: Book the launch shoot' },
      { date: '2026-03-20', what: '3 deliverables due' },
      { date: '2026-04-30', what: 'Campaign ends' },
    ]);
    expect(plan.creators.map((c) => c.name)).toEqual(['Maya Lopez', 'Ravi', 'Zoë Łukasiewicz']);
  });

  it('writes an .xlsx through the host that exceljs reads back with the same figures', async () => {
    const host = createInProcessHost();
    const progress: string[] = [];
    const result = await host['campaign-plan-export']({ plan }, { onProgress: (p) => progress.push(p.message) });
    expect(result.fileName).toBe('Spring Glow  seeding launch - plan.xlsx'.replace('  ', ' '));
    expect(progress[0]).toContain('Spring Glow');
    const bytes = Buffer.from(result.base64, 'base64');
    expect(bytes.byteLength).toBe(result.sizeBytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Plan', 'Creators']);
    const rows = cellsOf(workbook.getWorksheet('Plan')!);
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(rows[0][0]).toBe(plan.name);
    expect(find('Objective')?.[1]).toBe('Awareness');
    expect(find('Activation models')?.[1]).toBe('Gifting / seeding, Pay to post');
    expect(find('Owner')?.[1]).toBe('Ana Kowalska');
    expect(find('Starts')?.[1]).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(find('Reach')?.[1]).toBe(1_500_000);
    expect(find('Nano')).toEqual(['Nano', '1k–10k followers', 30, 1, 38]);
    expect(find('Micro')?.slice(2)).toEqual([15, 2, 538]);
    expect(find('Total')?.slice(2)).toEqual([45, 3, 576]);
    expect(find('Planned')?.[1]).toBe(12_000);
    expect(find('Committed in total')?.slice(1)).toEqual([576, 0.048]);
    expect(find('Spent (payments logged)')?.[1]).toBe(250);
    expect(find('Left to commit')?.[1]).toBe(11_424);
    expect(rows.some((r) => r[0] === '1. Glow that lasts all day')).toBe(true);
    expect(rows.find((r) => r[1] === '3 deliverables due')?.[0]).toEqual(new Date('2026-03-20T00:00:00Z'));
    expect(rows.some((r) => r[0] === 'Retail launch in April.')).toBe(true);
    let plannedFormat: string | undefined;
    workbook.getWorksheet('Plan')!.eachRow((row) => { if (row.getCell(1).value === 'Planned') plannedFormat = row.getCell(2).numFmt; });
    expect(plannedFormat).toContain('$');

    const roster = cellsOf(workbook.getWorksheet('Creators')!);
    expect(roster[0]).toEqual(['Creator', 'Bucket', 'Step', 'Fee', 'Product value', 'Other currency']);
    expect(roster.slice(1).map((r) => r[0])).toEqual(['Maya Lopez', 'Ravi', 'Zoë Łukasiewicz']);
    expect(roster[1].slice(0, 5)).toEqual(['Maya Lopez', 'Micro', 'Posted', 500, 38]);
  });

  it('refuses a plan with no name, field by field', async () => {
    const host = createInProcessHost();
    const error = await host['campaign-plan-export']({ plan: { ...plan, name: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).fields).toEqual({ 'plan.name': 'The plan has no campaign name' });
  });
});
