import type { ChartValueFormat } from './model';

/**
 * Axis arithmetic for charts: round tick values a reader can take in at a
 * glance (0, 25K, 50K, 75K, not 0, 23,817, 47,634) and how values read.
 */

/** Ticks from at most `min` to at least `max`, steps of 1, 2, 2.5 or 5 × 10ⁿ; zero is always on the axis. */
export function niceTicks(min: number, max: number, target = 5, minStep = 0): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(minStep, [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-12) ?? 10 * power);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 reads 0.3 on the axis.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

const compact = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = compact.get(key);
  if (!f) compact.set(key, (f = make()));
  return f;
}

/** A value as an axis or bar label reads it: short (12.4K, $1.2M, 3.4%). */
export function formatChartValue(value: number, format: ChartValueFormat = { kind: 'number' }): string {
  if (!Number.isFinite(value)) return '—';
  switch (format.kind) {
    case 'percent': {
      const pct = value * 100;
      const digits = Math.abs(pct) >= 10 || Number.isInteger(pct) ? 0 : 1;
      return `${pct.toFixed(digits)}%`;
    }
    case 'money':
      return formatter(`money:${format.currency}`, () => {
        try {
          return new Intl.NumberFormat('en-US', { style: 'currency', currency: format.currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
        } catch {
          return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
        }
      }).format(value);
    case 'number':
      return formatter('number', () => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })).format(value);
  }
}

/** Every how-many categories to label so labels of `labelWidth` never overlap in bands of `bandWidth`. */
export function labelStep(bandWidth: number, labelWidth: number, gap = 6): number {
  if (bandWidth <= 0) return 1;
  return Math.max(1, Math.ceil((labelWidth + gap) / bandWidth));
}
