import { describe, expect, it } from 'vitest';
import { activeFilterFields, clearFilter, emptyFilters, parseCreatorFilters, sameFilters } from '../../../src/shared/domain/creator-filters';
import { foldText } from '../../../src/shared/domain/fold-text';

describe('creator filters', () => {
  it('reads what a teammate’s app saved, dropping what it does not know', () => {
    const parsed = parseCreatorFilters({
      platforms: ['instagram', 'myspace', 'instagram'], followers: { min: 10_000, max: 'lots' }, tiers: ['micro', 'giga'],
      lastContacted: { mode: 'within', days: 30.4 }, hasEmail: 'yes', campaign: '', future: { anything: true },
    });
    expect(parsed.platforms).toEqual(['instagram']);
    expect(parsed.followers).toEqual({ min: 10_000, max: null });
    expect(parsed.tiers).toEqual(['micro']);
    expect(parsed.lastContacted).toEqual({ mode: 'within', days: 30 });
    expect(parsed.hasEmail).toBeNull();
    expect(parsed.campaign).toBeNull();
    expect(parseCreatorFilters(null)).toEqual(emptyFilters);
    expect(parseCreatorFilters({ lastContacted: { mode: 'over', days: -3 } }).lastContacted).toBeNull();
  });

  it('lists the fields that narrow the list', () => {
    expect(activeFilterFields(emptyFilters)).toEqual([]);
    const filters = { ...emptyFilters, platforms: ['tiktok' as const], followers: { min: null, max: 5_000 }, hasEmail: false, campaign: 'none', stages: ['posted'] };
    expect(activeFilterFields(filters)).toEqual(['platforms', 'followers', 'campaign', 'hasEmail']);
  });

  it('clears a campaign together with its stages', () => {
    const cleared = clearFilter({ ...emptyFilters, campaign: 'spring', stages: ['shipped'] }, 'campaign');
    expect(cleared.campaign).toBeNull();
    expect(cleared.stages).toEqual([]);
  });

  it('compares filters by meaning, not key order', () => {
    const a = { ...emptyFilters, tags: ['vip'] };
    const b = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(sameFilters(a, b)).toBe(true);
    expect(sameFilters(a, emptyFilters)).toBe(false);
  });

  it('folds case and accents the way people type', () => {
    expect(foldText(' Kraków ')).toBe('krakow');
    expect(foldText('Łódź')).toBe('lodz');
  });
});
