/**
 * Countries and languages as people write them in spreadsheets ("USA",
 * "Deutschland", "Česko", "polski", "magyar", "pt-BR", "deu") turned into the
 * codes Fanfare stores. Every name comes from the CLDR data that ships with
 * ICU in Node and Chromium (Intl.DisplayNames, Intl.Locale): ISO 3166 alpha-2
 * codes and ISO 639 codes are enumerated and named in English, in their own
 * language, and in the languages our users mostly sell in. So the names stay
 * as current as the platform's CLDR, and there is no list to keep up to date.
 */
import { nameKey } from '../domain/fold-text';
import { countryAliases } from './place-aliases';

/** Extra languages to read country and language names in, beyond English and each one's own. */
const NAME_LOCALES = ['de', 'fr', 'es', 'it', 'pl', 'pt', 'nl', 'sv'];
/** CLDR regions that are not countries one lives in: groupings, pseudo-locales, "unknown". */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

function letterPairs(): string[] {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) out.push(String.fromCharCode(a, b));
  return out;
}

const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string, type: 'region' | 'language', style: 'long' | 'short' = 'long'): Intl.DisplayNames {
  const key = `${locale}|${type}|${style}`;
  let names = displayNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, style, fallback: 'none' });
    displayNames.set(key, names);
  }
  return names;
}

function nameOf(locale: string, type: 'region' | 'language', code: string, style: 'long' | 'short' = 'long'): string | undefined {
  try {
    return namesIn(locale, type, style).of(code);
  } catch {
    return undefined;
  }
}

let countryList: string[] | null = null;

/**
 * Every ISO 3166 alpha-2 country the platform's CLDR names, sorted by code.
 * Withdrawn codes (UK, BU, YU…) are left out: CLDR renames them to current
 * ones, which the picker and the importer know under their own code.
 */
export function countryCodes(): string[] {
  if (countryList) return countryList;
  countryList = letterPairs().filter((code) => {
    if (NOT_COUNTRIES.has(code) || !nameOf('en', 'region', code)) return false;
    try {
      return new Intl.Locale(`und-${code}`).region === code;
    } catch {
      return false;
    }
  });
  return countryList;
}

/** A country's name in English ("PL" → "Poland"); the code itself when CLDR has none. */
export function countryNameEn(code: string): string {
  return (code && nameOf('en', 'region', code)) || code;
}

/** The language most people there speak, by CLDR's likely subtags: PL → pl, CH → de, TR → tr. */
function likelyLanguage(region: string): string | null {
  try {
    return new Intl.Locale(`und-${region}`).maximize().language;
  } catch {
    return null;
  }
}

let countries: Map<string, string> | null = null;

function countryIndex(): Map<string, string> {
  if (countries) return countries;
  const map = new Map<string, string>();
  // The first source to claim a spelling keeps it: codes and English names win over other languages'.
  const add = (name: string | undefined, code: string) => {
    const key = name ? nameKey(name) : '';
    if (key && !map.has(key)) map.set(key, code);
  };
  const codes = countryCodes();
  for (const code of codes) add(code, code);
  for (const [alias, code] of Object.entries(countryAliases)) add(alias, code);
  for (const code of codes) {
    add(nameOf('en', 'region', code), code);
    add(nameOf('en', 'region', code, 'short'), code);
  }
  for (const code of codes) {
    const own = likelyLanguage(code);
    if (own) add(nameOf(own, 'region', code), code);
  }
  for (const locale of NAME_LOCALES) for (const code of codes) add(nameOf(locale, 'region', code), code);
  countries = map;
  return map;
}

const seenCountries = new Map<string, string | null>();

/** "Poland", "pl", "POLSKA", "U.S.A.", "Česko", "Turkey" → the two-letter code; null when it is not a country. */
export function countryCode(raw: string): string | null {
  // A 50,000-row file names a few dozen countries: each spelling is looked up once.
  let code = seenCountries.get(raw);
  if (code === undefined) {
    const key = nameKey(raw);
    code = key ? countryIndex().get(key) ?? null : null;
    if (seenCountries.size < 10_000) seenCountries.set(raw, code);
  }
  return code;
}

let languages: Map<string, string> | null = null;
let rareLanguages: Map<string, string> | null = null;

/** The ISO 639-1 languages CLDR names (about 180), by code, English name, own name and our users' languages. */
function languageIndex(): Map<string, string> {
  if (languages) return languages;
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    const key = name ? nameKey(name) : '';
    if (key && !map.has(key)) map.set(key, code);
  };
  const codes = letterPairs().map((c) => c.toLowerCase()).filter((code) => nameOf('en', 'language', code) && canonicalLanguage(code) === code);
  for (const code of codes) add(code, code);
  for (const code of codes) add(nameOf('en', 'language', code), code);
  for (const code of codes) add(nameOf(code, 'language', code), code);
  for (const locale of NAME_LOCALES) for (const code of codes) add(nameOf(locale, 'language', code), code);
  languages = map;
  return map;
}

/**
 * Languages with only a three-letter code (Filipino, Cantonese, Hawaiian),
 * by English and own name. Naming all 17,576 three-letter codes takes about
 * a second, so it is done only when a value is not one of the common
 * languages, and once.
 */
function rareLanguageIndex(): Map<string, string> {
  if (rareLanguages) return rareLanguages;
  const map = new Map<string, string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) for (const b of letters) for (const c of letters) {
    const code = a + b + c;
    const english = nameOf('en', 'language', code);
    if (!english || canonicalLanguage(code) !== code) continue;
    for (const name of [english, nameOf(code, 'language', code)]) {
      const key = name ? nameKey(name) : '';
      if (key && !map.has(key)) map.set(key, code);
    }
  }
  rareLanguages = map;
  return map;
}

/** "deu", "ger", "iw" → "de", "de", "he": ISO 639-2 and withdrawn codes as CLDR canonicalises them. */
function canonicalLanguage(tag: string): string | null {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return null;
  }
}

/** "English", "en", "EN-us", "polski", "čeština", "deu", "Portuguese (Brazil)" → the language code; null when it is not a language. */
export function languageCode(raw: string): string | null {
  const trimmed = raw.trim();
  const tag = trimmed.match(/^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i);
  if (tag) {
    const code = canonicalLanguage(tag[1].toLowerCase());
    if (code && nameOf('en', 'language', code)) return code;
  }
  const index = languageIndex();
  // "Portuguese (Brazil)", "English - UK": the language is the first part.
  const keys = [nameKey(trimmed), nameKey(trimmed.replace(/\s*[([].*$/, '')), nameKey(trimmed.split(/\s+[-–]\s+/)[0])].filter(Boolean);
  for (const key of keys) {
    const code = index.get(key);
    if (code) return code;
  }
  if (!keys.length) return null;
  const rare = rareLanguageIndex();
  for (const key of keys) {
    const code = rare.get(key);
    if (code) return code;
  }
  return null;
}
