import type { ImportSummary } from './types';

const n = (value: number) => value.toLocaleString('en-US');
const creators = (value: number) => (value === 1 ? 'creator' : 'creators');
const rows = (value: number) => (value === 1 ? 'row' : 'rows');

/**
 * The import button counts creators, not rows: two rows about one person
 * make one creator, and an update is not a new creator.
 */
export function importButtonLabel(summary: ImportSummary): string {
  const { newCreators: added, updatedCreators: updated } = summary;
  if (added && updated) return `Import ${n(added)} new ${creators(added)} and update ${n(updated)}`;
  if (added) return `Import ${n(added)} new ${creators(added)}`;
  if (updated) return `Update ${n(updated)} ${creators(updated)}`;
  return 'Nothing to import';
}

/** What the rows come to, said so the numbers add up: every row is new, an update, skipped or not imported. */
export function rowsAddUp(summary: ImportSummary): string {
  const { rows: total, created, updated, skipped, problems } = summary;
  return `${n(total)} ${rows(total)}: ${n(created)} new, ${n(updated)} ${updated === 1 ? 'update' : 'updates'}, ${n(skipped)} skipped, ${n(problems)} not imported.`;
}

/**
 * When update rows and updated creators differ, why: several rows about
 * one creator, or rows that add to a creator an earlier row of the file
 * creates. Null when there is nothing to explain.
 */
export function updatesExplained(summary: ImportSummary, intoFileRows: number): string | null {
  const { updated, updatedCreators } = summary;
  if (updated === updatedCreators && intoFileRows === 0) return null;
  const parts: string[] = [];
  const toExisting = updated - intoFileRows;
  if (toExisting > 0) parts.push(`${n(toExisting)} ${toExisting === 1 ? 'update changes' : 'updates change'} ${n(updatedCreators)} ${creators(updatedCreators)} already in your list`);
  if (intoFileRows > 0) parts.push(`${n(intoFileRows)} ${intoFileRows === 1 ? 'adds' : 'add'} to ${intoFileRows === 1 ? 'a creator' : 'creators'} that an earlier row of this file creates`);
  return `Of the ${n(updated)} ${updated === 1 ? 'update' : 'updates'}, ${parts.join(', and ')}.`;
}

/** The sentence at the end of an import. */
export function finishedSentence(summary: ImportSummary): string {
  const { newCreators: added, updatedCreators: updated } = summary;
  return `${n(added)} ${creators(added)} added and ${n(updated)} updated. ${rowsAddUp(summary)}`;
}
