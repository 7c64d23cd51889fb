import { describe, expect, it } from 'vitest';
import { boundedNumber, numberFields } from '../../../src/shared/domain/number-fields';
import { readMoneyCell, readNumber, readNumbers, shown, typedText, type NumberSpec } from '../../../src/shared/domain/number-reader';

const read = (raw: string | number, spec: NumberSpec, locale = 'en-US') => {
  const r = readNumber(raw, spec, locale);
  return r.ok ? r.value : `refused: ${r.reason}`;
};

describe('one number reader for forms, filters and imports', () => {
  it('reads counts the way people write them, whatever the locale', () => {
    const f = numberFields.followers;
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'pl-PL']) {
      expect(read('48.2K', f, locale)).toBe(48_200);
      expect(read('48,2K', f, locale)).toBe(48_200);
      expect(read('1,234', f, locale)).toBe(1_234);
      expect(read('1.234', f, locale)).toBe(1_234);
      expect(read('48 200', f, locale)).toBe(48_200);
      expect(read('3,4M', f, locale)).toBe(3_400_000);
      expect(read('1.15k', f, locale)).toBe(1_150);
    }
    expect(read('', f)).toBeNull();
    expect(read('  ', f)).toBeNull();
  });

  it('refuses what it cannot store, with the reason, instead of clamping or rounding', () => {
    const f = numberFields.followers;
    expect(read('-12abc', f)).toMatch(/refused: “-12abc” is not a number followers can be read from/);
    expect(read('-12', f)).toMatch(/Followers cannot be negative/);
    expect(read('48.25', f)).toMatch(/whole number/);
    expect(read('1.2345K', f)).toMatch(/whole number/);
    expect(read('20B', f)).toMatch(/ten billion/);
    expect(read('1,234K', f)).toMatch(/ambiguous/);
  });

  it('lets the locale decide a single separator before three digits in money', () => {
    const fee = numberFields.fee;
    expect(read('1,234', fee, 'en-US')).toBe(1_234);
    expect(read('1,5', fee, 'de-DE')).toBe(1.5);
    expect(read('1.234,5', fee, 'en-US')).toBe(1_234.5);
    expect(read('1,234.5', fee, 'de-DE')).toBe(1_234.5);
    expect(read('$1,200.50', fee)).toBe(1_200.5);
    expect(read('1 200,50 zł', fee, 'pl-PL')).toBe(1_200.5);
    expect(read('€ 5k', fee)).toBe(5_000);
    // "1.234" in the US is a slip for 1.23 or 1,234: refused, never rounded to 1.23 or guessed.
    expect(read('1.234', fee, 'en-US')).toMatch(/at most 2 decimals/);
    expect(read('1,234', fee, 'de-DE')).toMatch(/at most 2 decimals/);
    expect(read('1.234', fee, 'de-DE')).toBe(1_234);
    expect(read('12.345,678', fee, 'de-DE')).toMatch(/at most 2 decimals/);
    expect(read('1.2345', fee, 'en-US')).toMatch(/at most 2 decimals/);
    // Where a third decimal is possible (a KPI target, a weight), the locale decides.
    expect(read('1,234', { label: 'Target', kind: 'decimal', min: 0 }, 'de-DE')).toBe(1.234);
    expect(read('1,234', { label: 'Target', kind: 'decimal', min: 0 }, 'en-US')).toBe(1_234);
    expect(read('-500', fee)).toMatch(/Fee cannot be negative \(“-500”\)/);
  });

  it('reads percentages with or without the sign, and refuses over 100%', () => {
    expect(read('12%', numberFields.commissionPercent)).toBe(12);
    expect(read('12,5 %', numberFields.commissionPercent, 'de-DE')).toBe(12.5);
    expect(read('250%', numberFields.commissionPercent)).toMatch(/at most 100%/);
    expect(read('3.4%', numberFields.engagementRate)).toBe(0.034);
    expect(read('3.4', numberFields.engagementRate)).toBe(0.034);
    expect(read('150', numberFields.engagementRate)).toMatch(/at most 100%/);
    expect(read('12k', numberFields.commissionPercent)).toMatch(/not a number/);
  });

  it('keeps days, limits and weights in the domain’s own range', () => {
    expect(read('30 days', numberFields.exclusivityDays)).toBe(30);
    expect(read('1 day', numberFields.followUpAfterDays)).toBe(1);
    expect(read('99,999', numberFields.exclusivityDays)).toMatch(/at most ten years/);
    expect(read('-5', numberFields.paymentTermsDays)).toMatch(/cannot be negative/);
    expect(read('-3', numberFields.maxFollowUps)).toMatch(/cannot be negative/);
    expect(read('0', numberFields.followUpAfterDays)).toMatch(/Wait at least one day/);
    expect(read('-2', numberFields.vettingWeight)).toMatch(/cannot be negative/);
    expect(read('0', numberFields.quantity)).toMatch(/remove the deliverable/);
  });

  it('shows a value back the way a person reads it, and as they would type it', () => {
    expect(shown(48_200, numberFields.followers)).toBe('48,200');
    expect(shown(0.034, numberFields.engagementRate)).toBe('3.4%');
    expect(shown(1_200.5, numberFields.fee)).toBe('1,200.50');
    expect(shown(1, numberFields.exclusivityDays)).toBe('1 day');
    expect(typedText(0.034, numberFields.engagementRate)).toBe('3.4');
    expect(typedText(1_200.5, numberFields.fee, 'de-DE')).toBe('1200,5');
    expect(read(typedText(1_200.5, numberFields.fee, 'de-DE'), numberFields.fee, 'de-DE')).toBe(1_200.5);
  });

  it('reads a form at once: every field’s value, or every field’s reason', () => {
    expect(readNumbers({ fee: { text: '1,500', spec: numberFields.fee }, days: { text: '30', spec: numberFields.exclusivityDays } }, 'en-US'))
      .toEqual({ ok: true, values: { fee: 1500, days: 30 } });
    const bad = readNumbers({ fee: { text: '-500', spec: numberFields.fee }, days: { text: '99999', spec: numberFields.exclusivityDays } }, 'en-US');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['fee', 'days']);
  });

  it('gives record schemas the same bounds as the forms', () => {
    expect(boundedNumber(numberFields.engagementRate).safeParse(1.5).success).toBe(false);
    expect(boundedNumber(numberFields.engagementRate).safeParse(0.5).success).toBe(true);
    expect(boundedNumber(numberFields.exclusivityDays).safeParse(99_999).error?.issues[0].message).toMatch(/ten years/);
    expect(boundedNumber(numberFields.followers).safeParse(-1).error?.issues[0].message).toMatch(/cannot be negative/);
  });
});

describe('readMoneyCell: one money cell reader for every import', () => {
  const revenue = { kind: 'money', label: 'Revenue', decimals: 2 } as NumberSpec;
  it('names the currency the cell gives, by code or symbol, and none when it gives none', () => {
    expect(readMoneyCell('GBP 12.5', revenue)).toEqual({ ok: true, value: 12.5, currency: 'GBP' });
    expect(readMoneyCell('1 234,50 zł', revenue)).toEqual({ ok: true, value: 1234.5, currency: 'PLN' });
    expect(readMoneyCell('A$40', revenue)).toEqual({ ok: true, value: 40, currency: 'AUD' });
    expect(readMoneyCell('99', revenue)).toEqual({ ok: true, value: 99, currency: null });
    expect(readMoneyCell('', revenue)).toEqual({ ok: true, value: null, currency: null });
  });
  it('reads a spreadsheet number without its binary noise and refuses what it cannot store', () => {
    expect(readMoneyCell(1451.0000000001, revenue)).toEqual({ ok: true, value: 1451, currency: null });
    expect(readMoneyCell('(12.50)', revenue)).toEqual({ ok: false, reason: expect.stringMatching(/Revenue cannot be negative/) });
    expect(readMoneyCell('$12.345', revenue)).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 2 decimals/) });
  });
});
