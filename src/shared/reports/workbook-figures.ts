import { kpiById, kpiChange, type KpiFormat, type KpiId } from './kpis';

/**
 * The figures the report workbook writes as formulas, computed the way the
 * screen computes them, so each formula cell can carry the app's own value
 * as its cached result (mail previews, Quick Look and data readers never
 * recalculate). Values are in the workbook's units: money in currency units,
 * rates as fractions, except a change of a rate, which is in percentage
 * points (the screen's "+1.3 pts").
 */

export interface KpiRowFigures {
  /** Value − previous; for rates in points (0.013 → 1.3). */
  change: number | null;
  /** (Value − previous) ÷ |previous|; null when previous is 0. */
  percentChange: number | null;
  /** Value ÷ target; null when the target is 0. */
  againstTarget: number | null;
}

export function kpiRowFigures(id: KpiId, value: number | null, previous: number | null, target: number | null): KpiRowFigures {
  const change = kpiChange({ value }, { value: previous });
  const points = kpiById[id].format === 'percent';
  return {
    change: change.delta == null ? null : points ? change.delta * 100 : change.delta,
    percentChange: change.percent,
    againstTarget: value == null || target == null || target === 0 ? null : value / target,
  };
}

/** What a change is measured in, as the column's unit says it. */
export function changeUnit(format: KpiFormat): 'count' | 'money' | 'points' | 'ratio' {
  return format === 'percent' ? 'points' : format;
}

/** Budget − spend, when both are known. */
export function budgetLeft(budget: number | null, spend: number | null): number | null {
  return budget == null || spend == null ? null : budget - spend;
}

/** Shipping for one creator's parcels at the report's cost per parcel; null when no cost is set. */
export function shippingCost(parcels: number, perParcel: number | null): number | null {
  return perParcel == null ? null : parcels * perParcel;
}

/**
 * Why EMV is missing, as the workbook says it: its rates are inputs on the
 * Summary, so "set the rates" is only said while they are blank.
 */
export function emvWhy(ratesSet: boolean, ratesCells: string): string {
  return ratesSet ? 'No impressions, engagements or clicks are logged yet' : `Enter your EMV rates in the yellow cells ${ratesCells} to estimate it`;
}
