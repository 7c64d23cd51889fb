import { describe, expect, it } from 'vitest';
import { detectRateScale, parseCount, parseRate } from '../../../src/shared/import/numbers';

const count = (raw: string | number) => {
  const r = parseCount(raw, 'Followers');
  return r.ok ? r.value : `error: ${r.reason}`;
};
const rate = (raw: string | number, scale: 'percent' | 'fraction' = 'fraction') => {
  const r = parseRate(raw, scale);
  return r.ok ? r.value : `error: ${r.reason}`;
};

describe('numbers as spreadsheets and tools write them', () => {
  it('reads follower counts in every common spelling', () => {
    expect(count('48200')).toBe(48_200);
    expect(count('48,200')).toBe(48_200);
    expect(count('48.200')).toBe(48_200);
    expect(count('48 200')).toBe(48_200);
    expect(count('48\u00a0200')).toBe(48_200);
    expect(count("48'200")).toBe(48_200);
    expect(count('1,234,567')).toBe(1_234_567);
    expect(count('1.234.567')).toBe(1_234_567);
    expect(count('1.2K')).toBe(1_200);
    expect(count('1,2K')).toBe(1_200);
    expect(count('48.2k')).toBe(48_200);
    expect(count('3,4M')).toBe(3_400_000);
    expect(count('3,5k')).toBe(3_500);
    expect(count('1.2M')).toBe(1_200_000);
    expect(count('1.5 mln')).toBe(1_500_000);
    expect(count('2B')).toBe(2_000_000_000);
    expect(count(48200)).toBe(48_200);
    expect(count('')).toBeNull();
    expect(count('N/A')).toBeNull();
    expect(count('—')).toBeNull();
  });

  it('reads scientific notation but says it may have been rounded', () => {
    const r = parseCount('1.2E+06', 'Followers');
    expect(r).toMatchObject({ ok: true, value: 1_200_000, note: expect.stringContaining('may have been rounded') });
  });

  it('reports what cannot be read with certainty, with the value and why', () => {
    expect(count('1,234K')).toMatch(/ambiguous: it could be 1,234 or 1.234 thousand/);
    expect(count('-50')).toMatch(/cannot be negative/);
    expect(count('12.5')).toMatch(/whole number/);
    expect(count('12,5')).toMatch(/whole number/);
    expect(count('#####')).toMatch(/column was too narrow/);
    expect(count('lots')).toMatch(/“lots” is not a number/);
    expect(count('1,23,456')).toMatch(/is not a number/);
    expect(count(12.5)).toMatch(/whole number/);
  });

  it('reads engagement rates as fractions: "12%" is 0.12', () => {
    expect(rate('12%')).toBe(0.12);
    expect(rate('3,4%')).toBe(0.034);
    expect(rate('3.4 %')).toBe(0.034);
    expect(rate('0.034')).toBe(0.034);
    expect(rate('0,034')).toBe(0.034);
    expect(rate('3.4', 'percent')).toBe(0.034);
    expect(rate(0.034)).toBe(0.034);
    expect(rate(3.4, 'percent')).toBe(0.034);
    expect(rate('')).toBeNull();
  });

  it('refuses rates over 100% and says how to fix a column of bare percentages', () => {
    expect(rate('250%')).toMatch(/over 100%/);
    expect(rate('3.4')).toMatch(/choose “3.4 means 3.4%”/);
    expect(rate('-1%')).toMatch(/negative/);
    expect(rate('high')).toMatch(/not an engagement rate/);
  });

  it('judges a column’s scale from all of its bare numbers, and says when there are none', () => {
    expect(detectRateScale(['0.02', '0.031', 0.015])).toEqual({ scale: 'fraction', bareNumbers: true });
    expect(detectRateScale(['0.8', '2.5', '1.1'])).toEqual({ scale: 'percent', bareNumbers: true });
    expect(detectRateScale(['0.8'], 'ER %')).toEqual({ scale: 'percent', bareNumbers: true });
    expect(detectRateScale(['3%', '4,5%', ''])).toEqual({ scale: 'fraction', bareNumbers: false });
  });
});
