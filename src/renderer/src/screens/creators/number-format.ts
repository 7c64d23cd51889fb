/**
 * The list's number formats, built once: creating an Intl.NumberFormat per
 * cell cost more than rendering the cell. Same output as formatCount and
 * formatPercent in shared/domain/engagement-rate.
 */
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const standard = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function count(value: number): string {
  return (value >= 10_000 ? compact : standard).format(value);
}

export function percent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}
