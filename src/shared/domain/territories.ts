import { countryCode } from '../import/places';
import { nameKey } from './fold-text';

/**
 * Where in the world a right may be used: "WW" (worldwide) or a list of
 * countries as ISO codes. People write "PL", "Poland", "Polska" or
 * "Deutschland"; the names come from the platform's own region names (the
 * importer's `countryCode`), so there is no hand list to keep up to date.
 * Worldwide already covers every country, so listing countries beside it is
 * refused as a contradiction rather than one of them being dropped.
 */
export const WORLDWIDE = 'WW';

/** Ways to say "the whole world": the code, English words, and "World" in each language the platform names region 001 in. */
function isWorldwide(text: string): boolean {
  const key = nameKey(text);
  if (['ww', 'worldwide', 'world wide', 'global', 'globally', 'everywhere', 'all countries'].includes(key)) return true;
  return worldNames().has(key);
}

let world: Set<string> | null = null;
function worldNames(): Set<string> {
  if (world) return world;
  world = new Set<string>();
  for (const locale of ['en', 'de', 'fr', 'es', 'it', 'pl', 'pt', 'nl', 'sv']) {
    try {
      const name = new Intl.DisplayNames([locale], { type: 'region' }).of('001');
      if (name) world.add(nameKey(name));
    } catch {
      // A platform without region names still knows "WW" and the English words.
    }
  }
  return world;
}

export type TerritoriesRead = { ok: true; codes: string[] } | { ok: false; reason: string };

/**
 * Reads what a person typed (one entry per tag; an entry may hold several,
 * split by commas or semicolons) into the codes stored, or says why not.
 */
export function readTerritories(entries: readonly string[]): TerritoriesRead {
  const parts = entries.flatMap((e) => e.split(/[,;]/)).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, reason: 'Say where the content may be used: Worldwide, or the countries' };
  const codes: string[] = [];
  const unknown: string[] = [];
  let worldwide = false;
  for (const part of parts) {
    if (isWorldwide(part)) {
      worldwide = true;
      continue;
    }
    const code = countryCode(part);
    if (!code) unknown.push(part);
    else if (!codes.includes(code)) codes.push(code);
  }
  if (unknown.length) {
    const list = unknown.map((u) => `“${u}”`).join(', ');
    return { ok: false, reason: `${list} ${unknown.length === 1 ? 'is not a country' : 'are not countries'}: use a two-letter code such as PL, or a name such as Poland` };
  }
  if (worldwide && codes.length) {
    return { ok: false, reason: `Worldwide already covers every country: remove ${codes.join(', ')}, or remove Worldwide to limit the right to ${codes.length === 1 ? 'that country' : 'those countries'}` };
  }
  return { ok: true, codes: worldwide ? [WORLDWIDE] : codes };
}

/** Why stored territory codes cannot stand (a record from an import or an older teammate), or null. */
export function territoriesProblem(codes: readonly string[]): string | null {
  const read = readTerritories(codes);
  if (!read.ok) return read.reason;
  return codes.some((c) => c !== WORLDWIDE && countryCode(c) !== c) ? 'Use two-letter country codes such as PL, or WW for worldwide' : null;
}

/** "Worldwide", or the countries' names in the person's language: "Poland, Germany". */
export function territoryNames(codes: readonly string[], locale?: string): string {
  if (codes.length === 1 && codes[0] === WORLDWIDE) return 'Worldwide';
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  } catch {
    names = null;
  }
  return codes.map((c) => (c === WORLDWIDE ? 'Worldwide' : names?.of(c) ?? c)).join(', ');
}
