import { describe, expect, it } from 'vitest';
import { readTierThresholds, sameThresholds } from '../../../src/shared/domain/tier-settings';
import { defaultTierThresholds } from '../../../src/shared/domain/tiers';

describe('tier settings', () => {
  it('reads the workspace thresholds, or the defaults when missing or out of order', () => {
    expect(readTierThresholds({ tierThresholds: { micro: 15_000 } })).toEqual({ ...defaultTierThresholds, micro: 15_000 });
    expect(readTierThresholds({})).toBe(defaultTierThresholds);
    expect(readTierThresholds({ tierThresholds: { mid: 5_000 } })).toBe(defaultTierThresholds);
    expect(readTierThresholds({ tierThresholds: { nano: -5, micro: 'x' } })).toEqual(defaultTierThresholds);
    expect(sameThresholds(readTierThresholds(null), defaultTierThresholds)).toBe(true);
  });
});
