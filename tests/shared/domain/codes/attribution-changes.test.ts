import { describe, expect, it } from 'vitest';
import { attributionNeedsChoice, attributionOperations, planAttributionChanges, planAttributionImport, type CodeFigures } from '../../../../src/shared/import/attribution-import';
import { parseCsv } from '../../../../src/shared/import/csv';

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));
const usd = (dollars: number) => ({ amountMicros: dollars * 1_000_000, currency: 'USD' });
const codes = [{ id: 'z', code: 'ZOE15', creatorName: 'Zoë' }, { id: 'p', code: 'PAUL15', creatorName: 'Paul' }];
const plan = planAttributionImport(csv('Discount code,Orders,Total sales\nZOE15,1,89.00\nPAUL15,3,300\n'), codes, 'USD');
/** Changes in the order of the codes above (the plan lists the biggest revenue first). */
const byCode = (changes: ReturnType<typeof planAttributionChanges>) => codes.map((c) => changes.find((x) => x.codeId === c.id)!).filter(Boolean);
const current: CodeFigures[] = [{ id: 'z', orders: 31, revenue: usd(1451) }, { id: 'p', orders: null, revenue: null }];

describe('orders and revenue per code: before → after, added or replaced as chosen', () => {
  it('asks only when a matched code already has figures', () => {
    expect(attributionNeedsChoice(plan, current)).toBe(true);
    expect(attributionNeedsChoice(plan, [])).toBe(false);
    const [zoe, paul] = byCode(planAttributionChanges(plan, current, null));
    expect(zoe).toMatchObject({ before: { orders: 31, revenue: usd(1451) }, after: null, problem: expect.stringMatching(/Choose whether/) });
    // A code with nothing logged simply takes the file's figures.
    expect(paul.after).toEqual({ orders: 3, revenue: usd(300) });
    expect(attributionOperations([zoe, paul])).toEqual([{ kind: 'update', collection: 'codes', id: 'p', patch: { orders: 3, revenue: usd(300) } }]);
  });

  it('"add to" keeps the existing orders: 31 / $1,451 + 1 / $89 → 32 / $1,540', () => {
    const [zoe] = byCode(planAttributionChanges(plan, current, 'add'));
    expect(zoe.after).toEqual({ orders: 32, revenue: usd(1540) });
    expect(attributionOperations([zoe])).toEqual([{ kind: 'update', collection: 'codes', id: 'z', patch: { orders: 32, revenue: usd(1540) } }]);
  });

  it('"replace" takes the file\'s totals; an unchanged code is not written', () => {
    const [zoe] = byCode(planAttributionChanges(plan, current, 'replace'));
    expect(zoe.after).toEqual({ orders: 1, revenue: usd(89) });
    const same = planAttributionChanges(plan, [{ id: 'z', orders: 1, revenue: usd(89) }], 'replace');
    expect(attributionOperations(same).map((o) => o.id)).toEqual(['p']);
  });

  it('refuses to add revenue in another currency', () => {
    const [zoe] = byCode(planAttributionChanges(plan, [{ id: 'z', orders: 2, revenue: { amountMicros: 5_000_000, currency: 'EUR' } }], 'add'));
    expect(zoe.after).toBeNull();
    expect(zoe.problem).toMatch(/in EUR and the file is in USD/);
  });
});
