import { describe, expect, it } from 'vitest';
import { describeValue, fieldLabel } from '../../../src/renderer/src/components/history-format';

describe('history sentences', () => {
  it('a mood board change reads as how many pictures, never as record ids', () => {
    expect(fieldLabel('moodBoard')).toBe('mood board');
    expect(describeValue(['0mxcv1', '0mxcv2', '0mxcv3'], 'moodBoard')).toBe('3 pictures');
    expect(describeValue(['0mxcv1'], 'moodBoard')).toBe('1 picture');
    expect(describeValue([], 'moodBoard')).toBe('none');
  });
  it('other values read as before', () => {
    expect(describeValue(['vip', 'travel'], 'tags')).toBe('vip, travel');
    expect(describeValue('')).toBe('empty');
  });
});
