import { describe, expect, it } from 'vitest';
import { codeFields } from '../../../../src/shared/data/schemas/codes';
import { rightFields } from '../../../../src/shared/data/schemas/rights';
import { productFields } from '../../../../src/shared/data/schemas/seeding';

const usd = (amount: number) => ({ amountMicros: amount * 1_000_000, currency: 'USD' });
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

// A record that reaches the store another way (an import, a teammate's older app) meets the form's bounds.
describe('record bounds match the forms', () => {
  it('refuses a negative rights fee or extension price', () => {
    expect(messages(rightFields.safeParse({ fee: usd(-5) }))).toEqual(['fee.amountMicros: Fee cannot be negative']);
    expect(messages(rightFields.safeParse({ extensionPrice: usd(-1) }))).toEqual(['extensionPrice.amountMicros: Extension price cannot be negative']);
    expect(rightFields.safeParse({ fee: usd(0) }).success).toBe(true);
  });

  it('refuses a negative product value', () => {
    expect(messages(productFields.safeParse({ name: 'Glow Serum', value: usd(-50) }))).toEqual(['value.amountMicros: Value of one cannot be negative']);
    expect(productFields.safeParse({ name: 'Glow Serum', value: usd(12) }).success).toBe(true);
  });

  it('refuses a usage limit of 0 and a discount over 100%', () => {
    expect(messages(codeFields.safeParse({ kind: 'discount', usageLimit: 0 }))).toEqual(['usageLimit: A usage limit is at least 1: leave it empty for no limit.']);
    expect(messages(codeFields.safeParse({ kind: 'discount', discount: { type: 'percent', value: 150 } }))).toEqual(['discount.value: A discount is at most 100% off']);
    expect(codeFields.safeParse({ kind: 'discount', discount: { type: 'fixed', value: 150 }, usageLimit: null }).success).toBe(true);
  });
});
