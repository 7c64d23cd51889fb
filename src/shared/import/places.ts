/**
 * Countries and languages as people write them in spreadsheets ("USA",
 * "Deutschland", "Polish", "pt-BR") turned into the codes Fanfare stores.
 * The names come from the platform's own Intl data, in the languages our
 * users mostly sell in, so there is no list to keep up to date.
 */
const NAME_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pl', 'pt', 'nl', 'sv'];
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u s': 'US', 'u s a': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u k': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  uae: 'AE', korea: 'KR', 'south korea': 'KR', 'republic of korea': 'KR', holland: 'NL', czechia: 'CZ', 'czech republic': 'CZ',
  russia: 'RU', turkiye: 'TR', 'ivory coast': 'CI', 'hong kong': 'HK',
};

let countries: Map<string, string> | null = null;
let languages: Map<string, string> | null = null;

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L')
    .toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function letterPairs(): string[] {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) out.push(String.fromCharCode(a, b));
  return out;
}

function countryIndex(): Map<string, string> {
  if (countries) return countries;
  const map = new Map<string, string>();
  const codes = letterPairs().filter((c) => !NOT_COUNTRIES.has(c));
  for (const locale of NAME_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of codes) {
      const name = names.of(code);
      if (name && name !== code && !/unknown/i.test(name)) {
        map.set(fold(name), code);
        map.set(code.toLowerCase(), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) map.set(alias, code);
  countries = map;
  return map;
}

const seenCountries = new Map<string, string | null>();

/** "Poland", "pl", "POLSKA", "U.S.A." → the two-letter code; null when it is not a country. */
export function countryCode(raw: string): string | null {
  // A 50,000-row file names a few dozen countries: each spelling is looked up once.
  let code = seenCountries.get(raw);
  if (code === undefined) {
    const key = fold(raw);
    code = key ? countryIndex().get(key) ?? null : null;
    if (seenCountries.size < 10_000) seenCountries.set(raw, code);
  }
  return code;
}

function languageIndex(): Map<string, string> {
  if (languages) return languages;
  const map = new Map<string, string>();
  const codes = letterPairs().map((c) => c.toLowerCase());
  for (const locale of NAME_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name && name.toLowerCase() !== code) {
        map.set(fold(name), code);
        map.set(code, code);
      }
    }
  }
  languages = map;
  return map;
}

/** "English", "en", "EN-us", "polski" → the language code; null when it is not a language. */
export function languageCode(raw: string): string | null {
  const trimmed = raw.trim();
  const tag = trimmed.match(/^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i);
  const index = languageIndex();
  if (tag && index.has(tag[1].toLowerCase())) return tag[1].toLowerCase();
  return index.get(fold(trimmed)) ?? null;
}
