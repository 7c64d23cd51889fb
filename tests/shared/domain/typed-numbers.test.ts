import { describe, expect, it } from 'vitest';
import { readFilterCount, readFilterPercent, readFilterScore, shortCount, shortPercent } from '../../../src/shared/domain/typed-numbers';
import { parseCount } from '../../../src/shared/import/numbers';

describe('typed numbers', () => {
  it.each([
    ['10k', 10_000], ['1.5M', 1_500_000], ['3,5k', 3_500], ['1.2M', 1_200_000], ['1,234K', null], ['25,000', 25_000], [' 250 ', 250], ['.5k', 500], ['2b', 2_000_000_000],
    ['', null], ['k', null], ['10 thousand', null], ['-5', null], ['1.2.3', null],
  ])('count %j → %j', (text, value) => expect(readFilterCount(text)).toBe(value));

  it.each([
    ['3.5', 0.035], ['3.5%', 0.035], ['3,5 %', 0.035], ['0.8', 0.008], ['100', 1], ['120', null], ['x', null], ['', null],
  ])('percent %j → %j', (text, value) => expect(readFilterPercent(text)).toBe(value));

  it('reads a count as the import does: one reader, one meaning', () => {
    for (const text of ['3,5k', '1.2M', '48.200', '48 200', '1,234K']) {
      const imported = parseCount(text, 'Followers');
      expect(readFilterCount(text)).toBe(imported.ok ? imported.value : null);
    }
  });

  it('reads scores from 1 to 5 only', () => {
    expect(readFilterScore('3.5')).toBe(3.5);
    expect(readFilterScore('0')).toBeNull();
    expect(readFilterScore('6')).toBeNull();
  });

  it('shows values back the short way', () => {
    expect(shortCount(10_000)).toBe('10k');
    expect(shortCount(1_500_000)).toBe('1.5M');
    expect(shortCount(12_345)).toBe('12,345');
    expect(shortPercent(0.035)).toBe('3.5%');
  });
});
