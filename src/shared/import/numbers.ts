import type { Cell, RateScale } from './types';

/**
 * Reading numbers the way people and tools write them, and refusing to guess
 * when a value can honestly mean two things. Follower counts come as "48200",
 * "48,200", "48.200" (Germany), "48 200" (France), "48.2K", "3,4M"; engagement
 * as "3.4%", "3,4 %", 0.034 or 3.4. Whatever cannot be read with certainty
 * comes back as a reason, so the row is reported instead of silently wrong.
 */
export type NumberResult =
  | { ok: true; value: number | null; note?: string }
  | { ok: false; reason: string };

const EMPTY = /^(?:-+|–|—|n\/?a|none|null|nan|#n\/a|unknown)$/i;
const SUFFIXES: Record<string, number> = { k: 1e3, tys: 1e3, m: 1e6, mm: 1e6, mln: 1e6, mio: 1e6, b: 1e9, bn: 1e9, mld: 1e9 };

/** Spaces (also no-break and thin ones) and apostrophes between digits are thousands separators. */
function squeeze(text: string): string {
  return text.replace(/(\d)[\s\u00a0\u202f\u2009']+(?=\d)/g, '$1').trim();
}

function quoted(raw: Cell): string {
  return `“${String(raw).trim()}”`;
}

interface Decimal { value: number; ambiguous?: string }

/**
 * Reads "1,234.5", "1.234,5", "1,234,567", "12,5" or "12.5". With a single
 * separator followed by exactly three digits ("1,234" or "1.234") it cannot
 * tell a thousands separator from a decimal mark; `threeDigits` says which
 * the caller's field makes certain, or null to report it.
 */
function readDecimal(text: string, threeDigits: 'group' | 'decimal' | null): Decimal | null {
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let normalised: string;
  if (commas && dots) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction] = text.split(decimal);
    if (text.split(decimal).length !== 2 || !validGroups(whole, group)) return null;
    normalised = `${whole.split(group).join('')}.${fraction}`;
  } else if (commas + dots > 1) {
    const sep = commas ? ',' : '.';
    if (!validGroups(text, sep)) return null;
    normalised = text.split(sep).join('');
  } else if (commas + dots === 1) {
    const sep = commas ? ',' : '.';
    const [whole, fraction] = text.split(sep);
    if (fraction.length === 3 && whole.length > 0 && whole !== '0') {
      if (threeDigits === 'group') normalised = whole + fraction;
      else if (threeDigits === 'decimal') normalised = `${whole}.${fraction}`;
      else return { value: Number(`${whole}.${fraction}`), ambiguous: `could be ${Number(whole + fraction).toLocaleString('en-US')} or ${whole}.${fraction}` };
    } else {
      normalised = `${whole || '0'}.${fraction}`;
    }
  } else {
    normalised = text;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? { value } : null;
}

function validGroups(text: string, sep: string): boolean {
  const parts = text.split(sep);
  return parts[0].length >= 1 && parts[0].length <= 3 && parts[0] !== '0' && parts.slice(1).every((p) => p.length === 3);
}

/** Followers, average views: whole numbers, never negative. `what` names the field in messages. */
export function parseCount(raw: Cell, what: string): NumberResult {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return { ok: false, reason: `${what} cannot be negative.` };
    if (!Number.isInteger(raw)) return { ok: false, reason: `${what} should be a whole number, not ${raw}.` };
    return { ok: true, value: raw };
  }
  const text = squeeze(raw);
  if (!text || EMPTY.test(text)) return { ok: true, value: null };
  if (/^#+$/.test(text)) return { ok: false, reason: `Excel saved “${text}” instead of the number because the column was too narrow. Widen the column in Excel and save the file again.` };
  if (/^-/.test(text)) return { ok: false, reason: `${what} cannot be negative (${quoted(raw)}).` };
  const plain = text.replace(/^\+/, '');
  const scientific = plain.match(/^(\d+(?:[.,]\d+)?)e\+?(\d+)$/i);
  if (scientific) {
    const value = Math.round(Number(scientific[1].replace(',', '.')) * 10 ** Number(scientific[2]));
    return { ok: true, value, note: `${what} ${quoted(raw)} was in scientific notation (as Excel shows long numbers) and may have been rounded: read as ${value.toLocaleString('en-US')}.` };
  }
  const match = plain.match(/^([\d.,]+)\s*([a-z]+)\.?$/i);
  if (match) {
    const multiplier = SUFFIXES[match[2].toLowerCase()];
    if (!multiplier) return { ok: false, reason: `${quoted(raw)} is not a number ${what.toLowerCase()} can be read from.` };
    // "1,2K" has a decimal comma; "1,234K" is the one spelling that is truly ambiguous.
    const decimal = readDecimal(match[1], null);
    if (!decimal) return { ok: false, reason: `${quoted(raw)} is not a number ${what.toLowerCase()} can be read from.` };
    if (decimal.ambiguous) return { ok: false, reason: `${quoted(raw)} is ambiguous: it ${decimal.ambiguous} thousand. Write it without the separator (for example 1234K or 1.2M).` };
    return { ok: true, value: Math.round(decimal.value * multiplier) };
  }
  // In a count, "1,234" and "1.234" can only be thousands: a count has no fractions.
  const decimal = readDecimal(plain, 'group');
  if (!decimal) return { ok: false, reason: `${quoted(raw)} is not a number ${what.toLowerCase()} can be read from.` };
  if (!Number.isInteger(decimal.value)) return { ok: false, reason: `${what} should be a whole number, not ${quoted(raw)}.` };
  return { ok: true, value: decimal.value };
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
    if (!text || EMPTY.test(text)) return { ok: true, value: null };
    if (/^#+$/.test(text)) return { ok: false, reason: `Excel saved “${text}” instead of the number because the column was too narrow. Widen the column in Excel and save the file again.` };
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
  return { ok: true, value: Number(fraction.toPrecision(12)) };
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
