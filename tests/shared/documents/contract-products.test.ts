import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../src/shared/documents/creator-agreement';
import { contractValuesFor } from '../../../src/shared/documents/contract-from-records';
import { defaultBrandKit } from '../../../src/shared/documents/model';

const creator = { id: 'c1', name: 'Ana Lima' };
const options = { brand: defaultBrandKit, legalName: 'Lumen Skin Ltd', paymentDays: 30, governingLaw: '', competitors: '', issuedOn: '2026-12-07' };
const products = [{ id: 'serum', name: 'Glow Serum 30 ml' }, { id: 'spf', name: 'Daily SPF 50' }, { id: 'tee', name: 'Run Club Tee' }];

describe('the products a contract names', () => {
  it('are the campaign’s, in its order, when the creator’s terms name none', () => {
    const v = contractValuesFor(creator, { id: 'k', name: 'Spring Glow', productIds: ['spf', 'serum'] }, null, { ...options, products });
    expect(v.products).toBe('Daily SPF 50 and Glow Serum 30 ml');
    expect(mergeText('The Brand sends the Creator {{products.phrase}}.', v)).toBe('The Brand sends the Creator the products Daily SPF 50 and Glow Serum 30 ml.');
  });

  it('are the creator’s own agreed products first', () => {
    const v = contractValuesFor(creator, { id: 'k', name: 'Spring Glow', productIds: ['spf'] }, { id: 'e', creatorId: 'c1', campaignId: 'k', terms: { productIds: ['tee'] } }, { ...options, products });
    expect(v['products.phrase']).toBe('the product Run Club Tee');
  });

  it('say just “products” when none are known, never a wrong name', () => {
    const v = contractValuesFor(creator, { id: 'k', name: 'Spring Glow', productIds: ['unknown'] }, null, { ...options, products });
    expect(v.products).toBe('');
    expect(v['products.phrase']).toBe('products');
  });
});
