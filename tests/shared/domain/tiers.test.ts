import { describe, expect, it } from 'vitest';
import { sortTiersBySize, tierLabels, tierNames, tierRank } from '../../../src/shared/domain/tiers';

describe('tiers by size', () => {
  it('lists tiers smallest first, never by name', () => {
    expect(tierNames.map((t) => tierLabels[t])).toEqual(['Nano', 'Micro', 'Mid-tier', 'Macro', 'Mega']);
    expect(sortTiersBySize(['macro', 'micro', 'nano', 'mid', 'mega'])).toEqual(['nano', 'micro', 'mid', 'macro', 'mega']);
  });

  it('puts creators under the nano threshold before Nano, whatever order they were picked in', () => {
    expect(sortTiersBySize(['mega', 'none', 'nano'])).toEqual(['none', 'nano', 'mega']);
    expect(tierRank('none')).toBeLessThan(tierRank('nano'));
    expect(tierRank('mega')).toBe(4);
  });
});
