import { describe, expect, it } from 'vitest';
import type { StoreOperation } from '../../../src/shared/data/store';
import { parseCsv } from '../../../src/shared/import/csv';
import { planAffiliateImport, planGenericImport, type PostForImport } from '../../../src/shared/import/metrics-import';
import { metricsChangeOperations, needsOrdersChoice, planMetricsChanges, type PostMetrics } from '../../../src/shared/import/metrics-import-changes';

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));
const now = '2026-11-21T10:00:00.000Z';
const usd = (dollars: number) => ({ amountMicros: dollars * 1_000_000, currency: 'USD' });
const metricsOf = (op: StoreOperation | undefined) => (op as Extract<StoreOperation, { kind: 'update' }>).patch.metrics as Record<string, unknown>[];
const forImport: PostForImport[] = [
  { id: 'p1', creatorId: 'ana', campaignId: 'k', url: 'https://www.instagram.com/p/C3xYz/', platform: 'instagram', platformPostId: 'C3xYz', postedAt: '2026-11-01T17:00:00.000Z' },
  { id: 'p2', creatorId: 'ben', campaignId: 'k', url: 'https://youtu.be/dQw4w9WgXcQ', platform: 'youtube', platformPostId: 'dQw4w9WgXcQ', postedAt: '2026-11-05T17:00:00.000Z' },
];
const current: PostMetrics[] = [
  { id: 'p1', metrics: [{ at: '2026-11-10T12:00:00.000Z', source: 'manual', reach: 5027, likes: 300, orders: 31, revenue: usd(1451) }] },
  { id: 'p2', metrics: [] },
];
const oneOrder = csv('Action Id,Action Date,Referring URL,Sale Amount,Currency,State\nA1,2026-11-20,https://www.instagram.com/p/C3xYz/,89.00,USD,Approved\n');
const affiliate = () => planAffiliateImport(oneOrder, forImport, { codeToCreator: new Map(), partnerToCreator: new Map() }, { currency: 'USD', now });

describe('affiliate orders: added to the post\'s, or replacing them, as the person chooses', () => {
  it('asks first when the post already has orders, and plans nothing for it until then', () => {
    const plan = affiliate();
    expect(needsOrdersChoice(plan, current)).toBe(true);
    expect(needsOrdersChoice(plan, [{ id: 'p1', metrics: [] }])).toBe(false);
    const [change] = planMetricsChanges(plan, current, null);
    expect(change.problem).toMatch(/Choose whether/);
    expect(change.awaitingChoice).toBe(true);
    expect(change.writes).toEqual([]);
    expect(metricsChangeOperations([change], current, { enteredBy: 'me', confirmImplausible: false }).operations).toEqual([]);
  });

  it('"add to" keeps the existing orders: 31 / $1,451 + 1 / $89 → 32 / $1,540, other figures carried', () => {
    const [change] = planMetricsChanges(affiliate(), current, 'add');
    expect(change.before).toMatchObject({ orders: 31, revenue: usd(1451), reach: 5027 });
    expect(change.after).toMatchObject({ orders: 32, revenue: usd(1540), reach: 5027, likes: 300 });
    expect(change.changed).toEqual(['orders', 'revenue']);
    const { operations, snapshots } = metricsChangeOperations([change], current, { enteredBy: 'me', confirmImplausible: false });
    expect(snapshots).toBe(1);
    const metrics = metricsOf(operations[0]);
    // The earlier snapshot stays; the new one holds the sum.
    expect(metrics).toHaveLength(2);
    expect(metrics[0]).toBe(current[0].metrics[0]);
    expect(metrics[1]).toMatchObject({ at: now, source: 'csv-import', orders: 32, revenue: usd(1540), reach: 5027, enteredBy: 'me', implausibleConfirmed: false });
  });

  it('"replace" takes the file\'s totals, and says so before → after', () => {
    const [change] = planMetricsChanges(affiliate(), current, 'replace');
    expect(change.before).toMatchObject({ orders: 31, revenue: usd(1451) });
    expect(change.after).toMatchObject({ orders: 1, revenue: usd(89) });
  });

  it('refuses to add orders in another currency, naming both', () => {
    const eur: PostMetrics[] = [{ id: 'p1', metrics: [{ at: '2026-11-10T12:00:00.000Z', orders: 3, revenue: { amountMicros: 10_000_000, currency: 'EUR' } }] }];
    const [change] = planMetricsChanges(affiliate(), eur, 'add');
    expect(change.problem).toMatch(/in EUR and the file’s orders are in USD/);
    expect(metricsChangeOperations([change], eur, { enteredBy: null, confirmImplausible: true }).leftOut).toEqual([{ contentId: 'p1', reason: change.problem }]);
  });
});

describe('generic metrics: before → after, older snapshots kept in history', () => {
  it('a snapshot dated before the current figures is kept in history and changes nothing current', () => {
    const plan = planGenericImport(csv('Post URL,Date,Reach,Likes\nhttps://www.instagram.com/p/C3xYz/,2026-11-05,4000,250\n'), forImport, { currency: 'USD', now });
    const [change] = planMetricsChanges(plan, current, null);
    expect(change.olderOnly).toBe(true);
    expect(change.writes[0]).toMatchObject({ older: true, values: { reach: 4000, likes: 250, orders: null } });
    expect(change.after).toEqual(change.before);
    expect(change.changed).toEqual([]);
    const { operations } = metricsChangeOperations([change], current, { enteredBy: null, confirmImplausible: false });
    expect(metricsOf(operations[0]).map((m) => m.at)).toEqual(['2026-11-10T12:00:00.000Z', '2026-11-05T12:00:00.000Z']);
  });

  it('a newer snapshot changes the current figures and carries what it does not say', () => {
    const plan = planGenericImport(csv('Post URL,Date,Reach,Likes\nhttps://www.instagram.com/p/C3xYz/,2026-11-15,6000,400\nhttps://youtu.be/dQw4w9WgXcQ,2026-11-15,800,40\n'), forImport, { currency: 'USD', now });
    const [p1, p2] = planMetricsChanges(plan, current, null);
    expect(p1).toMatchObject({ olderOnly: false, changed: ['reach', 'likes'], after: { reach: 6000, likes: 400, orders: 31 } });
    expect(p2.before).toBeNull();
    expect(p2.after).toMatchObject({ reach: 800, likes: 40 });
  });

  it('figures that cannot all be true are flagged, left out unless confirmed, and marked when confirmed', () => {
    const plan = planGenericImport(csv('Post URL,Date,Reach,Shares\nhttps://www.instagram.com/p/C3xYz/,2026-11-15,5027,12k\n'), forImport, { currency: 'USD', now });
    const changes = planMetricsChanges(plan, current, null);
    expect(changes[0].issues.map((i) => i.code)).toEqual(['engagements-above-reach']);
    const refused = metricsChangeOperations(changes, current, { enteredBy: null, confirmImplausible: false });
    expect(refused.operations).toEqual([]);
    expect(refused.leftOut[0].reason).toMatch(/cannot all be true/);
    const confirmed = metricsChangeOperations(changes, current, { enteredBy: null, confirmImplausible: true });
    const metrics = metricsOf(confirmed.operations[0]);
    expect(metrics[1]).toMatchObject({ shares: 12_000, implausibleConfirmed: true });
  });
});
