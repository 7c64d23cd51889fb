import { describe, expect, it } from 'vitest';
import { addProduct, campaignProductEntries, chooseCampaignProduct, moveProduct } from '../../../src/shared/domain/campaign-products';

const tee = { id: 'tee', name: 'Run Club Tee', sku: 'TEE', variants: ['S', 'M', 'L'].map((s) => ({ id: s, name: s, sku: `TEE-${s}` })) };
const serum = { id: 'serum', name: 'Glow Serum 30 ml', sku: 'GLW', variants: [] };
const spf = { id: 'spf', name: 'Daily SPF 50', sku: 'SPF', variants: [] };
const old = { id: 'old', name: 'Winter Balm', sku: 'BALM', variants: [], deletedAt: '2026-11-01T00:00:00.000Z' };

describe('a campaign’s products', () => {
  it('are listed in the team’s order, a deleted one said as deleted, not dropped', () => {
    expect(campaignProductEntries(['serum', 'old', 'gone'], [serum, old])).toEqual([
      { id: 'serum', name: 'Glow Serum 30 ml', state: 'live' },
      { id: 'old', name: 'Winter Balm', state: 'deleted' },
      { id: 'gone', name: 'A product no longer in the catalogue', state: 'missing' },
    ]);
  });

  it('are added once and reordered', () => {
    expect(addProduct(['a'], 'a')).toEqual(['a']);
    expect(addProduct(['a'], 'b')).toEqual(['a', 'b']);
    expect(moveProduct(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveProduct(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('are offered first for a new shipment', () => {
    // "Glow" fits the serum in the catalogue, but the campaign features the SPF: with no clear preference the campaign's product wins.
    expect(chooseCampaignProduct(null, [serum, spf], ['spf'])).toMatchObject({ status: 'matched', productId: 'spf', because: "Daily SPF 50 is this campaign's product" });
    expect(chooseCampaignProduct({ productPreferences: ['glow serum'], sizes: {} }, [serum, spf], ['spf'])).toMatchObject({ status: 'matched', productId: 'serum' });
    expect(chooseCampaignProduct({ productPreferences: [], sizes: { Top: 'L' } }, [tee, serum], ['tee'])).toMatchObject({ status: 'matched', productId: 'tee', variantId: 'L' });
    expect(chooseCampaignProduct(null, [tee, serum], ['tee'])).toMatchObject({ status: 'choose-variant', productId: 'tee' });
    expect(chooseCampaignProduct(null, [serum, spf], ['serum', 'spf'])).toMatchObject({ status: 'no-match' });
    expect(chooseCampaignProduct(null, [old, serum], ['old'])).toMatchObject({ status: 'no-match' });
  });
});
