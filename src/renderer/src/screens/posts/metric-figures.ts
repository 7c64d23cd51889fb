import { formatMoney, type Money } from '../../../../shared/domain/fields';
import { metricLabels, type MetricKey, type MetricValues } from '../../../../shared/import/metrics-import';

/** One figure as a marketer reads it: "12,345", "$1,451.00", "—". */
export function figure(values: MetricValues | null, key: MetricKey): string {
  const value = values?.[key] ?? null;
  if (value == null) return '—';
  return key === 'revenue' ? formatMoney(value as Money) : (value as number).toLocaleString();
}

/** "Orders 31 → 32" for each figure that changes. */
export function changeLines(before: MetricValues | null, after: MetricValues | null, keys: readonly MetricKey[]): string[] {
  return keys.map((k) => `${metricLabels[k]} ${figure(before, k)} → ${figure(after, k)}`);
}
