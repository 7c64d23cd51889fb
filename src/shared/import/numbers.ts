import { isEmptyNumberText, NARROW_COLUMN, quoted, readDecimal, readNumber, squeeze, withoutNoise, type NumberRead, type NumberSpec } from '../domain/number-reader';
import type { Cell, RateScale } from './types';

/**
 * Reading numbers the way people and tools write them, and refusing to guess
 * when a value can honestly mean two things. Follower counts come as "48200",
 * "48,200", "48.200" (Germany), "48 200" (France), "48.2K", "3,4M"; engagement
 * as "3.4%", "3,4 %", 0.034 or 3.4. Whatever cannot be read with certainty
 * comes back as a reason, so the row is reported instead of silently wrong.
 */
export type NumberResult = NumberRead;

/**
 * Followers, average views: whole numbers, never negative. `what` names the
 * field in messages, or is the field's spec with its bounds.
 */
export function parseCount(raw: Cell, what: string | NumberSpec): NumberResult {
  return readNumber(raw, typeof what === 'string' ? { label: what, kind: 'count', min: 0 } : what);
}

/**
 * Engagement rate as a fraction (0.034 for 3.4%). "3.4%" is certain; a bare
 * number follows the column's scale, which the person sees and can change.
 */
export function parseRate(raw: Cell, scale: RateScale): NumberResult {
  let percent: boolean;
  let value: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: `${quoted(raw)} is not an engagement rate.` };
    value = raw;
    percent = scale === 'percent';
  } else {
    const text = squeeze(raw);
    if (isEmptyNumberText(text)) return { ok: true, value: null };
    if (/^#+$/.test(text)) return { ok: false, reason: NARROW_COLUMN(text) };
    const match = text.match(/^([+-]?)([\d.,]+)\s*(%?)$/);
    // A rate always has a decimal mark, never thousands: "3,456" is 3.456.
    const decimal = match ? readDecimal(match[2], 'decimal') : null;
    if (!match || !decimal) return { ok: false, reason: `${quoted(raw)} is not an engagement rate. Write it as 3.4% or 0.034.` };
    if (match[1] === '-') return { ok: false, reason: `Engagement rate cannot be negative (${quoted(raw)}).` };
    value = decimal.value;
    percent = match[3] === '%' || scale === 'percent';
  }
  const fraction = percent ? value / 100 : value;
  if (fraction < 0) return { ok: false, reason: `Engagement rate cannot be negative (${quoted(raw)}).` };
  if (fraction > 1) {
    const hint = !percent ? ' If the column holds percentages without a % sign, choose “3.4 means 3.4%” for engagement rate.' : '';
    return { ok: false, reason: `Engagement rate ${quoted(raw)} would be over 100%.${hint}` };
  }
  return { ok: true, value: withoutNoise(fraction) };
}

/**
 * How a column's bare engagement numbers (no % sign) are meant: if any is
 * above 1, or the header says %, they are percentages; otherwise fractions.
 * Shown in the mapping step, where the person can change it; `bareNumbers`
 * says whether there is anything to choose.
 */
export function detectRateScale(values: Cell[], header = ''): { scale: RateScale; bareNumbers: boolean } {
  let bareNumbers = false;
  let above1 = false;
  for (const raw of values) {
    if (typeof raw === 'string' && (raw.includes('%') || !raw.trim())) continue;
    const bare = typeof raw === 'number' ? raw : Number(squeeze(raw).replace(',', '.'));
    if (!Number.isFinite(bare)) continue;
    bareNumbers = true;
    if (bare > 1) above1 = true;
  }
  return { scale: above1 || /%|percent|pct/i.test(header) ? 'percent' : 'fraction', bareNumbers };
}
