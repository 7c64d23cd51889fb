/**
 * Country and language names for codes, through the browser's own
 * dictionaries, cached: the list asks for them thousands of times a second
 * while sorting and scrolling.
 */
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const languages = new Intl.DisplayNames(['en'], { type: 'language' });
const regionCache = new Map<string, string>();
const languageCache = new Map<string, string>();

function cached(cache: Map<string, string>, names: Intl.DisplayNames, code: string): string {
  let name = cache.get(code);
  if (name === undefined) {
    try {
      name = names.of(code) ?? code;
    } catch {
      // A malformed code from an import is shown as it is.
      name = code;
    }
    cache.set(code, name);
  }
  return name;
}

export const countryName = (code: string) => (code ? cached(regionCache, regions, code) : '');
export const languageName = (code: string) => (code ? cached(languageCache, languages, code) : '');
