import { describe, expect, it } from 'vitest';
import { exportTable, moneyAmount, tableFileName } from '../../../src/shared/domain/export-columns';
import { moneyFrom } from '../../../src/shared/domain/fields';

describe('export columns', () => {
  it('declares a column once and builds headers, kinds and rows from it', () => {
    const table = exportTable([{ n: 'Zoë', f: 3 }], [{ header: 'Name', kind: 'text', value: (r) => r.n }, { header: 'Followers', kind: 'count', value: (r) => r.f }]);
    expect(table).toEqual({ headers: ['Name', 'Followers'], kinds: ['text', 'count'], rows: [['Zoë', 3]] });
  });

  it('writes money in currency units, and unknown money as empty', () => {
    expect(moneyAmount(moneyFrom(1234.56, 'EUR'))).toBe(1234.56);
    expect(moneyAmount(null)).toBeNull();
  });

  it('names the file after the table, its filters and the day', () => {
    expect(tableFileName('Codes', ['Active', null, 'Spring Glow — Q2 / EU'], '2026-11-21')).toBe('codes-active-spring-glow-q2-eu-2026-11-21');
    expect(tableFileName('Warm list', [], '2026-11-21')).toBe('warm-list-2026-11-21');
    // The creators list names its file after the open saved view.
    expect(tableFileName('creators', ['Spring Glow — micro (PL)'], '2026-11-01')).toBe('creators-spring-glow-micro-pl-2026-11-01');
    expect(tableFileName('Crème brûlée', ['', false], '2026-11-21')).toBe('creme-brulee-2026-11-21');
  });
});
