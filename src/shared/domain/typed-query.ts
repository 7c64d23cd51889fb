import { foldKey } from './creator-filters';
import { normalizeHandle } from './handles';

/**
 * How to answer what someone has typed so far in the creator search.
 *
 * Every word typed is first matched as a word prefix against names,
 * handles, emails and tags (a few milliseconds at 50,000 creators, whatever
 * the word). When that leaves many creators, that is the answer, in the
 * list's order: a full-text search would have to score each of them (at
 * 50,000 creators "cre" matches 18,000 and takes ~100 ms to rank). When it
 * leaves few, or none because of a typo, the full-text search (typo
 * tolerant, notes included, best match first) answers instead; a last word
 * of one or two letters is left to the prefix match there too, for the same
 * reason ("lena m" = full-text "lena", then a word starting with "m").
 */
export interface SearchPlan {
  /** Words every match must have a word starting with. */
  words: string[];
  /** What to give the full-text search; null when only a letter or two was typed. */
  fullText: string | null;
  /** A last word of a letter or two, left out of `fullText`, that matches must still have a word starting with. */
  tail: string | null;
}

/** Above this many prefix matches, ranking them all is not worth the wait. */
export const BROAD_MATCHES = 1_500;

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
  if (foldKey(last).length > SHORT || trailingSeparator) return { words, fullText: text, tail: null };
  return words.length > 1 ? { words, fullText: words.slice(0, -1).join(' '), tail: last } : { words, fullText: null, tail: null };
}
