import { foldText } from './fold-text';
import { normalizeHandle } from './handles';

/**
 * How to answer what someone has typed so far in the creator search.
 *
 * Every word typed is matched as the start of a word in names, handles,
 * emails, tags, niches and notes: a few milliseconds at 50,000 creators,
 * whatever the word, and the list keeps its order. Only when that finds no
 * one (a typo: "Agniezska") does the full-text search answer, typo tolerant
 * and best match first. It is not asked first because its cost grows with
 * what it finds: at 50,000 creators "cre" matches 18,000 and takes ~100 ms
 * to rank. A last word of one or two letters is left to the word match even
 * then ("lena m" = full-text "lena", then a word starting with "m").
 */
export interface SearchPlan {
  /** Words every match must have a word starting with. */
  words: string[];
  /** What to give the full-text search; null when only a letter or two was typed. */
  fullText: string | null;
  /** A last word of a letter or two, left out of `fullText`, that matches must still have a word starting with. */
  tail: string | null;
}

const SHORT = 2;
const separators = /[\s\-_.@,;:/()+]+/;

export function planSearch(typed: string): SearchPlan {
  const text = typed.trim();
  const handleLike = /^(@|https?:|www\.)/i.test(text);
  const words = (handleLike ? normalizeHandle(text) : text).split(separators).filter(Boolean);
  if (!words.length) return { words: [], fullText: null, tail: null };
  if (handleLike) return { words, fullText: words.join('').length > SHORT ? text : null, tail: null };
  const last = words[words.length - 1];
  const trailingSeparator = separators.test(text.slice(-1));
  if (foldText(last).length > SHORT || trailingSeparator) return { words, fullText: text, tail: null };
  return words.length > 1 ? { words, fullText: words.slice(0, -1).join(' '), tail: last } : { words, fullText: null, tail: null };
}
