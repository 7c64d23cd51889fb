/**
 * The one folding of text for matching: search, filters, duplicate names,
 * import headers and places, product and tracking names. "Łukasz" and
 * "Lukasz", "Straße" and "Strasse", "Zoë" and "zoe" are the same to a person
 * typing them, so they fold the same here.
 *
 * NFKD takes accents off letters that decompose (é, ö, ñ, ő, ç); the letters
 * that do not decompose (ł, ß, æ, ø, œ, đ, þ) are spelled the way any-ascii
 * spells them, so codes (code-letters.ts, which transliterates whole scripts
 * to ASCII) and matching agree on Latin names. Other scripts stay as they are:
 * a Cyrillic or Greek name is matched in its own letters, and only Latin
 * combining accents (U+0300–U+036F) are removed, so the vowel signs of
 * Devanagari or Thai, which change the word, are kept.
 */

const LETTERS: Record<string, string> = {
  ł: 'l', Ł: 'L', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H',
};
const UNDECOMPOSED = /[łŁßẞæÆøØœŒđĐðÐþÞıħĦ]/g;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Accents off, case kept: for file names, where "Zoë" should still read "Zoe". */
export function stripAccents(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(UNDECOMPOSED, (c) => LETTERS[c]);
}

/** Case, accents and surrounding space aside: what search and filters compare. */
export function foldText(text: string): string {
  // Most text is plain ASCII, where folding is just lower case (and ten times faster than normalising).
  return stripAccents(text).toLowerCase().trim();
}

/** A name as people read it: folded, and punctuation and spacing aside ("O'Brien-Smith" = "obrien smith"). */
export function nameKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A lower-case ASCII slug for ids and file names: "Spring Glow 2026!" → "spring-glow-2026". */
export function slugOf(text: string, maxLength: number): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, maxLength).replace(/-$/, '');
}
