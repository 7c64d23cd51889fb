/**
 * Numbers as marketers type them in a filter: "10k", "1.5M", "25,000",
 * "3.5%". Returns null for anything that is not clearly a number, so a half
 * typed value never filters on nonsense.
 */
const multipliers: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000, b: 1_000_000_000 };

export function parseCount(text: string): number | null {
  const match = text.trim().toLowerCase().replace(/[\s,_]/g, '').match(/^(\d+(?:\.\d+)?|\.\d+)([kmb]?)$/);
  if (!match) return null;
  return Math.round(Number(match[1]) * multipliers[match[2]]);
}

/** "3.5" and "3.5%" both mean 3.5%; the result is a fraction (0.035). */
export function parsePercent(text: string): number | null {
  const match = text.trim().replace(',', '.').match(/^(\d+(?:\.\d+)?|\.\d+)\s*%?$/);
  if (!match) return null;
  const value = Number(match[1]);
  return value <= 100 ? Math.round(value * 1000) / 100_000 : null;
}

/** Scores 1–5, with one decimal. */
export function parseScore(text: string): number | null {
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
