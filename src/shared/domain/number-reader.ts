/**
 * The one way Fanfare reads a number a person typed or a file held: forms,
 * filters, imports and the bounds records are checked against all use it.
 *
 * People write follower counts as "48200", "48,200", "48.200" (Germany),
 * "48 200" (France), "48.2K", "3,4M"; money as "$1,200.50" or "1.200,50 €";
 * rates as "3.4%", "3,4 %". What cannot be read with certainty, or is out of
 * the field's range, comes back as a reason a person can act on: nothing is
 * clamped, rounded away or zeroed without a word (a form field that turned
 * "48.2K" into 48 is how this file came to be).
 */

export type NumberKind = 'count' | 'decimal' | 'money' | 'percent';

export interface NumberSpec {
  /** Names the field in messages: "Followers", "Fee". */
  label: string;
  kind: NumberKind;
  /** Bounds in the units a person types: major currency units, percentage points, days. */
  min?: number;
  max?: number;
  /** Replaces the default message when the value is above `max`. */
  maxReason?: string;
  /** Replaces the default message when the value is below `min` (and not negative). */
  minReason?: string;
  /** Most decimals a value may have (money: 2; counts: 0). More is refused, never rounded. */
  decimals?: number;
  /** A word that may follow the number ("days"), and is shown after it. */
  unit?: string;
  /** Percent fields stored as a fraction (engagement rate 0.034 for 3.4%). */
  storedAsFraction?: boolean;
}

export type NumberRead =
  | { ok: true; value: number | null; note?: string }
  | { ok: false; reason: string };

const EMPTY = /^(?:-+|–|—|n\/?a|none|null|nan|#n\/a|unknown)$/i;
const SUFFIXES: Record<string, number> = { k: 1e3, tys: 1e3, m: 1e6, mm: 1e6, mln: 1e6, mio: 1e6, b: 1e9, bn: 1e9, mld: 1e9 };
const CURRENCY = /^[$€£¥₹₽₩₪₺]|^(?:zł|kr|chf|usd|eur|gbp|pln|cad|aud|sek|jpy|us\$|c\$|a\$)\s*|\s*(?:[$€£¥₹₽₩₪₺]|zł|kr|chf|usd|eur|gbp|pln|cad|aud|sek|jpy)$/i;

/** Spaces (also no-break and thin ones) and apostrophes between digits are thousands separators. */
export function squeeze(text: string): string {
  return text.replace(/(\d)[\s\u00a0\u202f\u2009']+(?=\d)/g, '$1').trim();
}

export function isEmptyNumberText(text: string): boolean {
  return !text || EMPTY.test(text);
}

export function quoted(raw: string | number): string {
  return `“${String(raw).trim()}”`;
}

export const NARROW_COLUMN = (text: string) =>
  `Excel saved “${text}” instead of the number because the column was too narrow. Widen the column in Excel and save the file again.`;

export interface Decimal { value: number; ambiguous?: string }

/**
 * Reads "1,234.5", "1.234,5", "1,234,567", "12,5" or "12.5". With a single
 * separator followed by exactly three digits ("1,234" or "1.234") it cannot
 * tell a thousands separator from a decimal mark; `threeDigits` says which
 * the caller's field (or the person's locale) makes certain, or null to
 * report it.
 */
export function readDecimal(text: string, threeDigits: 'group' | 'decimal' | null): Decimal | null {
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

const decimalMarks = new Map<string, ',' | '.'>();

/** The decimal mark of a locale ("en-US" → ".", "de-DE" → ","), from the platform's own locale data. */
export function decimalMark(locale: string | undefined): ',' | '.' {
  const key = locale ?? '';
  let mark = decimalMarks.get(key);
  if (!mark) {
    let part: string | undefined;
    try {
      part = new Intl.NumberFormat(locale || undefined).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    } catch {
      part = '.';
    }
    mark = part === ',' ? ',' : '.';
    decimalMarks.set(key, mark);
  }
  return mark;
}

/**
 * How a single separator before exactly three digits is read. Counts have no
 * fractions, so it is a thousands separator; elsewhere the person's locale
 * decides ("1,234" is 1234 in the US and 1.234 in Germany).
 */
function threeDigitsFor(spec: NumberSpec, mark: ',' | '.', text: string): 'group' | 'decimal' {
  // Money is read by the locale too: a US "12.345" fee is a slip for 12.34 or 12,345, and is refused rather than guessed.
  if (spec.kind === 'count') return 'group';
  return text.includes(mark) ? 'decimal' : 'group';
}

/** Reads what a person typed (or a cell held) into the field's number, or says why not. */
export function readNumber(raw: string | number, spec: NumberSpec, locale?: string): NumberRead {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: `${quoted(raw)} is not a number.` };
    return checked(raw, raw, spec);
  }
  let text = squeeze(raw);
  if (isEmptyNumberText(text)) return { ok: true, value: null };
  if (/^#+$/.test(text)) return { ok: false, reason: NARROW_COLUMN(text) };
  const notANumber = { ok: false as const, reason: `${quoted(raw)} is not a number ${spec.label.toLowerCase()} can be read from.` };
  if (spec.unit) text = text.replace(new RegExp(`\\s*${spec.unit}$|\\s*${spec.unit.replace(/s$/, '')}$`, 'i'), '');
  let percentSign = false;
  if (spec.kind === 'percent' && /%$/.test(text)) {
    percentSign = true;
    text = text.replace(/\s*%$/, '');
  }
  if (spec.kind === 'money') text = text.replace(CURRENCY, '').trim();
  const negative = /^[-−]/.test(text);
  const plain = text.replace(/^[-−+]\s*/, '');
  if (percentSign && /%/.test(plain)) return notANumber;

  const scientific = plain.match(/^(\d+(?:[.,]\d+)?)e\+?(\d+)$/i);
  if (scientific) {
    const value = Number(scientific[1].replace(',', '.')) * 10 ** Number(scientific[2]);
    const rounded = spec.kind === 'count' ? Math.round(value) : value;
    const result = checked(negative ? -rounded : rounded, raw, spec);
    return result.ok && result.value != null
      ? { ...result, note: `${spec.label} ${quoted(raw)} was in scientific notation (as Excel shows long numbers) and may have been rounded: read as ${result.value.toLocaleString('en-US')}.` }
      : result;
  }
  const suffixed = plain.match(/^([\d.,]+)\s*([a-z]+)\.?$/i);
  if (suffixed) {
    const multiplier = SUFFIXES[suffixed[2].toLowerCase()];
    if (!multiplier || spec.kind === 'percent') return notANumber;
    // "1,2K" has a decimal comma; "1,234K" is the one spelling that is truly ambiguous.
    const decimal = readDecimal(suffixed[1], null);
    if (!decimal) return notANumber;
    if (decimal.ambiguous) return { ok: false, reason: `${quoted(raw)} is ambiguous: it ${decimal.ambiguous} thousand. Write it without the separator (for example 1234K or 1.2M).` };
    // Floating point makes 1.15 × 1000 = 1149.9999999999998: that is 1,150, not a fraction.
    const exact = withoutNoise(decimal.value * multiplier);
    return checked(negative ? -exact : exact, raw, spec);
  }
  const decimal = readDecimal(plain, threeDigitsFor(spec, decimalMark(locale), plain));
  if (!decimal) return notANumber;
  const value = negative ? -decimal.value : decimal.value;
  return checked(value, raw, spec);
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return 20;
  const at = text.indexOf('.');
  return at < 0 ? 0 : text.length - at - 1;
}

function checked(value: number, raw: string | number, spec: NumberSpec): NumberRead {
  const min = spec.min ?? 0;
  if (value < 0 && min >= 0) return { ok: false, reason: `${spec.label} cannot be negative (${quoted(raw)}).` };
  if (spec.kind === 'count' && !Number.isInteger(value)) return { ok: false, reason: `${spec.label} should be a whole number, not ${quoted(raw)}.` };
  if (spec.decimals != null && decimalsOf(value) > spec.decimals) {
    return { ok: false, reason: spec.decimals === 0
      ? `${spec.label} should be a whole number, not ${quoted(raw)}.`
      : `${spec.label} has at most ${spec.decimals} decimals; ${quoted(raw)} has more. Nothing is rounded for you.` };
  }
  if (value < min) return { ok: false, reason: spec.minReason ?? `${spec.label} is at least ${shown(min, spec)}.` };
  if (spec.max != null && value > spec.max) return { ok: false, reason: spec.maxReason ?? `${spec.label} is at most ${shown(spec.max, spec)}; ${quoted(raw)} is more.` };
  const stored = spec.kind === 'percent' && spec.storedAsFraction ? withoutNoise(value / 100) : value;
  return { ok: true, value: stored };
}

/** A number in the field's own terms for messages and echoes: "48,200", "12.5%", "30 days". */
export function shown(value: number, spec: NumberSpec, locale?: string): string {
  const typed = spec.kind === 'percent' && spec.storedAsFraction ? value * 100 : value;
  const digits = spec.kind === 'money' ? 2 : 6;
  const text = withoutNoise(typed).toLocaleString(locale || 'en-US', {
    maximumFractionDigits: digits, minimumFractionDigits: spec.kind === 'money' && !Number.isInteger(typed) ? 2 : 0,
  });
  if (spec.kind === 'percent') return `${text}%`;
  return spec.unit ? `${text} ${typed === 1 ? spec.unit.replace(/s$/, '') : spec.unit}` : text;
}

/** The value as a person would type it back into the field (for editing a stored number). */
export function typedText(value: number | null | undefined, spec: NumberSpec, locale?: string): string {
  if (value == null) return '';
  const typed = spec.kind === 'percent' && spec.storedAsFraction ? withoutNoise(value * 100) : value;
  return typed.toLocaleString(locale || 'en-US', { maximumFractionDigits: 6, useGrouping: false });
}

/**
 * Reads several fields at once for a form: their values, or the reason per
 * field, so the form can refuse to save and show each reason under its field.
 */
export function readNumbers<K extends string>(
  entries: Record<K, { text: string; spec: NumberSpec }>, locale?: string,
): { ok: true; values: Record<K, number | null> } | { ok: false; errors: Partial<Record<K, string>> } {
  const values = {} as Record<K, number | null>;
  const errors: Partial<Record<K, string>> = {};
  let failed = false;
  for (const key of Object.keys(entries) as K[]) {
    const { text, spec } = entries[key];
    const read = readNumber(text, spec, locale);
    if (read.ok) values[key] = read.value;
    else {
      errors[key] = read.reason;
      failed = true;
    }
  }
  return failed ? { ok: false, errors } : { ok: true, values };
}

/**
 * Binary noise off a computed or stored number: 1.15 × 1000 is
 * 1149.9999999999998 and a spreadsheet stores 1451.0000000001, and twelve
 * significant digits is what was meant. The one place this rule lives.
 */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/** A spreadsheet's number carries binary noise (1451.0000000001): twelve digits is what it meant. */
export function readCellNumber(raw: string | number, spec: NumberSpec): NumberRead {
  return readNumber(typeof raw === 'number' && Number.isFinite(raw) ? withoutNoise(raw) : raw, spec);
}

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', zł: 'PLN', kr: 'SEK', 'A$': 'AUD', 'C$': 'CAD' };

export type MoneyCellRead = { ok: true; value: number | null; currency: string | null } | { ok: false; reason: string };

/**
 * A money cell from a shop's report or a pasted sheet: the amount by the one
 * reader, and the currency the cell itself names ("GBP 12.5", "$99"), or null
 * when it names none and the file's or workspace's currency applies.
 */
export function readMoneyCell(raw: string | number, spec: NumberSpec): MoneyCellRead {
  if (typeof raw === 'number') {
    const read = readCellNumber(raw, spec);
    return read.ok ? { ok: true, value: read.value, currency: null } : read;
  }
  let text = raw.trim();
  let currency: string | null = null;
  const code = text.match(/\b([A-Z]{3})\b/);
  if (code) {
    currency = code[1];
    text = text.replace(code[0], '');
  }
  for (const [symbol, iso] of Object.entries(CURRENCY_SYMBOLS).sort((a, b) => b[0].length - a[0].length)) {
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.replace(symbol, '');
      break;
    }
  }
  // Accountants write a refund as "(12.50)": money read here is never negative, so say so rather than read 12.50.
  if (/^\(.*\)$/.test(text.trim())) return { ok: false, reason: `${spec.label} cannot be negative (${quoted(raw)}).` };
  const read = readNumber(text, spec);
  return read.ok ? { ok: true, value: read.value, currency: read.value == null ? null : currency } : read;
}
