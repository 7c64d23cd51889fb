import { describe, expect, it } from 'vitest';
import { defaultColumns, moveColumn, normalizeColumns, placeColumn } from '../../../src/shared/domain/creator-columns';
import { emptyFilters } from '../../../src/shared/domain/creator-filters';
import { defaultViewState, nextSort, parseViewState, sameViewState } from '../../../src/shared/domain/creator-views';

describe('creator views', () => {
  it('keeps the creator column first, known columns only, once each', () => {
    expect(normalizeColumns(['tags', 'name', 'tags', 'shoe-size', 'owner'])).toEqual(['name', 'tags', 'owner']);
    expect(normalizeColumns('nonsense')).toEqual(defaultColumns);
    expect(normalizeColumns([])).toEqual(['name']);
  });

  it('moves columns left and right, never past the creator column', () => {
    const columns = normalizeColumns(['name', 'accounts', 'followers', 'tags']);
    expect(moveColumn(columns, 'tags', -1)).toEqual(['name', 'accounts', 'tags', 'followers']);
    expect(moveColumn(columns, 'accounts', -1)).toBe(columns);
    expect(moveColumn(columns, 'tags', 1)).toBe(columns);
    expect(moveColumn(columns, 'name', 1)).toBe(columns);
    expect(placeColumn(columns, 'tags', 'accounts')).toEqual(['name', 'tags', 'accounts', 'followers']);
    expect(placeColumn(columns, 'accounts', null)).toEqual(['name', 'followers', 'tags', 'accounts']);
    expect(placeColumn(columns, 'tags', 'name')).toEqual(['name', 'tags', 'accounts', 'followers']);
  });

  it('sorts numbers biggest first on the first click, and flips on the second', () => {
    expect(nextSort({ column: 'name', desc: false }, 'followers')).toEqual({ column: 'followers', desc: true });
    expect(nextSort({ column: 'followers', desc: true }, 'followers')).toEqual({ column: 'followers', desc: false });
    expect(nextSort({ column: 'followers', desc: true }, 'location')).toEqual({ column: 'location', desc: false });
  });

  it('reads a saved view defensively and compares views by meaning', () => {
    const view = parseViewState({ filters: { platforms: ['tiktok'] }, columns: ['name', 'owner'], sort: { column: 'followers', desc: true } });
    expect(view).toEqual({ filters: { ...emptyFilters, platforms: ['tiktok'] }, columns: ['name', 'owner'], sort: { column: 'followers', desc: true } });
    expect(parseViewState({ sort: { column: 'height' } }).sort).toEqual({ column: 'name', desc: false });
    expect(sameViewState(parseViewState(JSON.parse(JSON.stringify(view))), view)).toBe(true);
    expect(sameViewState(view, defaultViewState())).toBe(false);
  });
});
