/**
 * Reading the headers of CSV files other tools wrote (trackers, attribution
 * exports). Writing CSV is src/shared/sheets/csv-write.ts.
 */

/** A header as people write it in different tools: "Tracking #", "tracking_number", "Tracking Number" all read alike. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/#/g, ' number ').replace(/[^a-z0-9:]+/g, ' ').replace(/\s*:\s*/g, ':').trim();
}

/** The index of the first header that is one of `names` (compared by `headerKey`), or -1. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
  const keys = headers.map(headerKey);
  for (const name of names) {
    const index = keys.indexOf(headerKey(name));
    if (index >= 0) return index;
  }
  return -1;
}
