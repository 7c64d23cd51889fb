import anyAscii from 'any-ascii';

/**
 * The one place a name in any script becomes letters a discount code can
 * carry. Hand-made folding tables only ever covered Latin accents, so a
 * creator named "Ελένη" or "Анна" got no code at all; any-ascii
 * (https://anyascii.com) is a maintained transliteration table for every
 * script, so Greek, Cyrillic, Vietnamese, Chinese and Arabic names all give
 * something a shop accepts.
 */

// ELOT 743 (the Greek standard, ISO 843 type 2, used on Greek passports): υ after α, ε, η is a
// consonant, written f before a voiceless consonant or at the end of a word, v otherwise; ου is one
// sound, "ou". any-ascii writes υ as "y" everywhere (Papadopoylou, Eyaggelos), which no Greek reads
// as their name. A diaeresis (ϋ) or an accent on the first vowel keeps the letters apart, so only an
// unaccented α/ε/η/ο followed by υ or ύ is a digraph.
const VOICELESS = /^[θκξπστφχψςΘΚΞΠΣΤΦΧΨ]?$/u;
const GREEK_VOWEL: Record<string, string> = { α: 'a', ε: 'e', η: 'i' };

function keepCase(latin: string, first: string, second: string): string {
  const upperFirst = first !== first.toLowerCase();
  const upperSecond = second !== second.toLowerCase();
  if (upperFirst && upperSecond) return latin.toUpperCase();
  return upperFirst ? latin[0].toUpperCase() + latin.slice(1) : latin;
}

/** Greek digraphs by ELOT 743, before any-ascii sees the rest letter by letter. */
export function greekDigraphs(text: string): string {
  return text
    .normalize('NFC')
    .replace(/([Οο])([ΥυΎύ])/gu, (_, o: string, u: string) => keepCase('ou', o, u))
    .replace(/([ΑαΕεΗη])([ΥυΎύ])(\p{L}?)/gu, (_, v: string, u: string, next: string) => {
      const latin = GREEK_VOWEL[v.toLowerCase()] + (VOICELESS.test(next) ? 'f' : 'v');
      return keepCase(latin, v, u) + next;
    })
    // γ before γ, ξ, χ is the nasal "n" (Ευάγγελος → Evangelos), also ELOT 743.
    .replace(/([Γγ])(?=[ΓγΞξΧχ])/gu, (_, g: string) => (g === 'Γ' ? 'N' : 'n'));
}

/**
 * Letters a code can carry: any script transliterated (Zoë → Zoe, Łukasz →
 * Lukasz, Straße → Strasse, Ελένη → Eleni, Щукина → Shchukina), everything
 * but A–Z and 0–9 dropped. Symbols and emoji go before transliteration,
 * because any-ascii spells ✨ as ":sparkles:", which is no part of a name.
 */
export function codeLetters(text: string): string {
  const lettersOnly = greekDigraphs(text).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
  return anyAscii(lettersOnly).replace(/[^A-Za-z0-9]/g, '');
}
