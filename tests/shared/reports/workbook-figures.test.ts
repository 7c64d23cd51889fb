import { describe, expect, it } from 'vitest';
import { budgetLeft, changeUnit, emvWhy, kpiRowFigures, shippingCost } from '../../../src/shared/reports/workbook-figures';
import { formatChange, kpiById, kpiChange } from '../../../src/shared/reports/kpis';

describe('workbook figures', () => {
  it('gives a change of a rate in points, as the screen says it', () => {
    const f = kpiRowFigures('engagementRate', 0.047, 0.034, 0.05);
    expect(f.change).toBeCloseTo(1.3, 10);
    expect(formatChange(kpiById.engagementRate, kpiChange({ value: 0.047 }, { value: 0.034 }), 'USD')).toContain('1.3 pts');
    expect(f.percentChange).toBeCloseTo(0.013 / 0.034, 10);
    expect(f.againstTarget).toBeCloseTo(0.94, 10);
    expect(changeUnit('percent')).toBe('points');
  });

  it('keeps counts and money as they are, and leaves out what cannot be computed', () => {
    expect(kpiRowFigures('posts', 31, 5, 40)).toEqual({ change: 26, percentChange: 5.2, againstTarget: 0.775 });
    expect(kpiRowFigures('revenue', 100, 0, 0)).toEqual({ change: 100, percentChange: null, againstTarget: null });
    expect(kpiRowFigures('reach', null, 5, 10)).toEqual({ change: null, percentChange: null, againstTarget: null });
    expect(kpiRowFigures('reach', 10, null, null)).toEqual({ change: null, percentChange: null, againstTarget: null });
  });

  it('computes budget left, shipping and the EMV note', () => {
    expect(budgetLeft(60_000, 988)).toBe(59_012);
    expect(budgetLeft(null, 988)).toBeNull();
    expect(budgetLeft(100, null)).toBeNull();
    expect(shippingCost(3, 8.5)).toBe(25.5);
    expect(shippingCost(3, null)).toBeNull();
    expect(emvWhy(false, 'B32 to B34')).toBe('Enter your EMV rates in the yellow cells B32 to B34 to estimate it');
    expect(emvWhy(true, 'B32 to B34')).not.toMatch(/rates/);
  });
});
