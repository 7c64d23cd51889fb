import { describe, expect, it } from 'vitest';
import { countryCode, countryCodes, countryNameEn, languageCode } from '../../../src/shared/import/places';

describe('countries and languages from the platform’s CLDR data', () => {
  it('reads countries by English name, own-language name, code and a few former names', () => {
    const cases: [string, string][] = [
      ['Poland', 'PL'], ['pl', 'PL'], ['POLSKA', 'PL'], ['U.S.A.', 'US'], ['UK', 'GB'], ['Deutschland', 'DE'], ['España', 'ES'],
      ['México', 'MX'], ['United States of America', 'US'],
      // CLDR now says "Türkiye", "Czechia", "Eswatini": the names people still write are aliases.
      ['Turkey', 'TR'], ['Türkiye', 'TR'], ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Swaziland', 'SZ'], ['Holland', 'NL'],
      // Own-language names, Central Europe first, and other scripts.
      ['Česko', 'CZ'], ['Magyarország', 'HU'], ['Slovensko', 'SK'], ['Österreich', 'AT'], ['Hrvatska', 'HR'], ['Schweiz', 'CH'],
      ['Россия', 'RU'], ['Ελλάδα', 'GR'], ['日本', 'JP'], ['Suomi', 'FI'],
    ];
    expect(cases.map(([name]) => [name, countryCode(name)])).toEqual(cases);
    expect(countryCode('Atlantis')).toBeNull();
    expect(countryCode('')).toBeNull();
  });

  it('lists each current ISO 3166 country once, without groupings or withdrawn codes', () => {
    const codes = countryCodes();
    expect(codes.length).toBeGreaterThan(240);
    expect(codes).toEqual(expect.arrayContaining(['PL', 'CZ', 'TR', 'GB', 'XK']));
    for (const gone of ['EU', 'UN', 'ZZ', 'UK', 'YU', 'XA']) expect(codes).not.toContain(gone);
    expect(countryNameEn('PL')).toBe('Poland');
  });

  it('reads languages by English name, own name, ISO 639-1 and 639-2 codes and tags', () => {
    const cases: [string, string][] = [
      ['English', 'en'], ['en', 'en'], ['EN-us', 'en'], ['Portuguese', 'pt'], ['pt-BR', 'pt'], ['Portuguese (Brazil)', 'pt'],
      ['polski', 'pl'], ['čeština', 'cs'], ['Deutsch', 'de'], ['magyar', 'hu'], ['slovenčina', 'sk'], ['hrvatski', 'hr'],
      ['Czech', 'cs'], ['Hungarian', 'hu'], ['deu', 'de'], ['ger', 'de'], ['ces', 'cs'], ['pol', 'pl'],
      ['русский', 'ru'], ['ελληνικά', 'el'], ['日本語', 'ja'], ['Filipino', 'fil'],
    ];
    expect(cases.map(([name]) => [name, languageCode(name)])).toEqual(cases);
    expect(languageCode('Klingonese')).toBeNull();
    expect(languageCode('Elvish')).toBeNull();
  });
});
