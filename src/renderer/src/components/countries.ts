import { countryCodes, countryNameEn } from '../../../shared/import/places';

/**
 * The country picker's options, from the same CLDR data set the importer
 * reads names with (shared/import/places), so a country an import accepts is
 * one the picker can show, and the other way round: "Poland" → "PL".
 */
let cached: { value: string; label: string }[] | null = null;

export function countryOptions(): { value: string; label: string }[] {
  cached ??= countryCodes().map((code) => ({ value: code, label: countryNameEn(code) })).sort((x, y) => x.label.localeCompare(y.label));
  return cached;
}

export function countryName(code: string): string {
  return code ? countryNameEn(code) : '';
}
