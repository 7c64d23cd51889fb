import bidiFactory from 'bidi-js';
import type { Inline } from './model';

/** A run of one bidi embedding level: even reads left to right, odd right to left. */
export type LeveledInline = Inline & { level?: number };

// Hebrew, Arabic, Syriac, Thaana, NKo…, their presentation forms, and the explicit right-to-left marks.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

let bidi: ReturnType<typeof bidiFactory> | null = null;

/**
 * Resolves the Unicode Bidirectional Algorithm over a paragraph's runs and
 * splits them where the level changes, so each piece is shaped in one
 * direction. Each paragraph takes its direction from its first strong letter
 * (an Arabic name alone reads right to left; inside an English sentence it is
 * an embedded right-to-left stretch). Text with no right-to-left letter is
 * returned as it is: most documents never pay for this.
 */
export function withBidiLevels(runs: Inline[]): LeveledInline[] {
  const texts = runs.map((run) => run.text.normalize('NFC'));
  const all = texts.join('');
  if (!RIGHT_TO_LEFT.test(all)) return runs;
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(all);
  const out: LeveledInline[] = [];
  let offset = 0;
  runs.forEach((run, i) => {
    const text = texts[i];
    let start = 0;
    for (let k = 1; k <= text.length; k++) {
      if (k === text.length || levels[offset + k] !== levels[offset + start]) {
        out.push({ ...run, text: text.slice(start, k), level: levels[offset + start] });
        start = k;
      }
    }
    offset += text.length;
  });
  return out;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every stretch at that level or above. */
export function visualOrder<T>(items: T[], levelOf: (item: T) => number): T[] {
  const levels = items.map(levelOf);
  const max = Math.max(0, ...levels);
  if (max === 0) return items;
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 ? l : l + 1)));
  const order = items.map((_, i) => i);
  for (let level = max; level >= lowestOdd; level--) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]] < level) { i++; continue; }
      let j = i;
      while (j < order.length && levels[order[j]] >= level) j++;
      const reversed = order.slice(i, j).reverse();
      order.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return order.map((i) => items[i]);
}
