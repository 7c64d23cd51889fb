import { describe, expect, it } from 'vitest';
import { formatScore, weightedScore } from '../../../src/shared/domain/scorecard';

const criteria = [
  { id: 'fit', name: 'Audience fit', weight: 2 },
  { id: 'quality', name: 'Content quality', weight: 1 },
  { id: 'off', name: 'Switched off', weight: 0 },
];

describe('vetting scorecards', () => {
  it('weighs each scored criterion and leaves unscored ones out', () => {
    expect(weightedScore([{ criterionId: 'fit', score: 5 }, { criterionId: 'quality', score: 2 }], criteria)).toBe(4);
    expect(weightedScore([{ criterionId: 'quality', score: 3 }], criteria)).toBe(3);
    // Rounded to two places, as the list and the profile show it.
    expect(weightedScore([{ criterionId: 'fit', score: 4 }, { criterionId: 'quality', score: 3 }, { criterionId: 'off', score: 1 }], criteria)).toBe(3.67);
  });

  it('has no score when nothing counts, instead of a made-up 0', () => {
    expect(weightedScore([], criteria)).toBeNull();
    expect(weightedScore([{ criterionId: 'off', score: 5 }, { criterionId: 'deleted', score: 4 }], criteria)).toBeNull();
    expect(formatScore(null)).toBe('Not scored');
    expect(formatScore(4.333)).toBe('4.3 / 5');
  });
});
