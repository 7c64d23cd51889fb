import { count, percent } from './number-fields';
import { readNumber } from './number-reader';

/**
 * Numbers as marketers type them in a filter: "10k", "1.5M", "25,000",
 * "3.5%", read by the app's one number reader. Returns null for anything that
 * is not clearly a number, so a half typed value never filters on nonsense.
 */
const filterCount = count('Count');
const filterPercent = percent('Share', { storedAsFraction: true });

export function readFilterCount(text: string): number | null {
  const read = readNumber(text, filterCount);
  return read.ok ? read.value : null;
}

/** "3.5" and "3.5%" both mean 3.5%; the result is a fraction (0.035). */
export function readFilterPercent(text: string): number | null {
  const read = readNumber(text, filterPercent);
  return read.ok ? read.value : null;
}

/** Scores 1–5, with one decimal. */
export function readFilterScore(text: string): number | null {
  const match = text.trim().replace(',', '.').match(/^\d(?:\.\d+)?$/);
  if (!match) return null;
  const value = Number(match[0]);
  return value >= 1 && value <= 5 ? value : null;
}

/** Shows a count the short way people read it back: 10000 → "10k", 1500000 → "1.5M". */
export function shortCount(value: number): string {
  if (value >= 1_000_000 && value % 100_000 === 0) return `${value / 1_000_000}M`;
  if (value >= 1_000 && value % 100 === 0) return `${value / 1_000}k`;
  return value.toLocaleString('en-US');
}

export function shortPercent(fraction: number): string {
  return `${Math.round(fraction * 10_000) / 100}%`;
}
