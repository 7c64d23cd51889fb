/**
 * Country names CLDR does not give, kept by hand because people still write
 * them: former official names that CLDR replaced (it says "Türkiye",
 * "Czechia", "Eswatini", "North Macedonia", "Myanmar (Burma)"), informal names
 * and abbreviations ("Holland", "USA", "UK", "England"), and the withdrawn
 * code UK. Everything else, in every language, comes from CLDR (places.ts).
 * Keep this list short: an entry belongs here only when a file from a real
 * tool or person writes it.
 */
export const countryAliases: Record<string, string> = {
  // Former names, still in many exports and address books.
  turkey: 'TR', 'czech republic': 'CZ', swaziland: 'SZ', macedonia: 'MK', 'republic of macedonia': 'MK', burma: 'MM',
  'ivory coast': 'CI', 'cape verde': 'CV', 'east timor': 'TL', zaire: 'CD',
  // Informal names and abbreviations.
  usa: 'US', 'u s': 'US', 'u s a': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u k': 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  holland: 'NL', 'the netherlands': 'NL', uae: 'AE', korea: 'KR', 'republic of korea': 'KR', russia: 'RU',
};
