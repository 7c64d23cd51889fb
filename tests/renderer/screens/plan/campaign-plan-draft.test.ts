import { describe, expect, it } from 'vitest';
import { campaignDraftOf, defaultBuckets, planFromDraft, type CampaignDraft, type EditableCampaign } from '../../../../src/renderer/src/screens/plan/campaign-plan-draft';

const draft = (over: Partial<CampaignDraft> = {}): CampaignDraft => ({ ...campaignDraftOf(null, 'me'), name: 'Autumn Glow', ...over });
const bucket = (over: Partial<CampaignDraft['buckets'][number]> = {}) => ({ id: 'b1', name: 'Micro', minFollowers: '10k', maxFollowers: '99,999', targetCount: '10', ...over });

describe('the campaign form’s numbers', () => {
  it('refuses a budget of -5,000 with the reason instead of saving 0', () => {
    expect(planFromDraft(draft({ budget: '-5,000' }))).toEqual({ ok: false, errors: { budget: 'Budget cannot be negative (“-5,000”).' } });
    expect(planFromDraft(draft({ budget: '12.345' }))).toEqual({ ok: false, errors: { budget: 'Budget has at most 2 decimals; “12.345” has more. Nothing is rounded for you.' } });
  });

  it('reads "5k", "1.5M" and "10k" as typed, with the budget in exact micros', () => {
    const read = planFromDraft(draft({ budget: '5k', kpis: [{ key: 'k', kpi: 'Reach', target: '1.5M' }], buckets: [bucket()] }));
    expect(read).toMatchObject({ ok: true, fields: {
      budget: { amountMicros: 5_000_000_000, currency: 'USD' },
      kpiTargets: [{ kpi: 'Reach', target: 1_500_000 }],
      buckets: [{ id: 'b1', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999, targetCount: 10 }],
    } });
    expect(planFromDraft(draft()).ok && planFromDraft(draft())).toMatchObject({ fields: { budget: null, kpiTargets: [], buckets: [] } });
  });

  it('names each bucket and KPI problem under its own path', () => {
    const read = planFromDraft(draft({
      kpis: [{ key: 'k', kpi: 'Reach', target: '' }, { key: 'l', kpi: 'Posts', target: '-3' }],
      buckets: [bucket({ minFollowers: '100k', maxFollowers: '10k' }), bucket({ id: 'b2', minFollowers: '12.5', targetCount: '' }), bucket({ id: 'b3', targetCount: '2.5' })],
    }));
    expect(read).toEqual({ ok: false, errors: {
      'kpiTargets.0.target': 'Set a target',
      'kpiTargets.1.target': 'Target cannot be negative (“-3”).',
      'buckets.0.maxFollowers': 'Below the minimum',
      'buckets.1.minFollowers': 'Followers from should be a whole number, not “12.5”.',
      'buckets.1.targetCount': 'How many creators?',
      'buckets.2.targetCount': 'Creators wanted should be a whole number, not “2.5”.',
    } });
  });

  it('starts an edit from the stored plan as a person would type it, and reads it back unchanged', () => {
    const stored: EditableCampaign = {
      id: 'ca', name: 'Spring', kind: 'campaign', activationModels: ['gifting'], objective: 'awareness', ownerId: null, keyMessages: [], startsOn: null, endsOn: null, status: 'planning', notes: '',
      budget: { amountMicros: 12_000_500_000, currency: 'EUR' }, kpiTargets: [{ kpi: 'Engagement rate (%)', target: 3.5 }],
      buckets: [{ id: 'b1', name: 'Nano', minFollowers: 1000, maxFollowers: null, targetCount: 20 }],
    };
    const d = campaignDraftOf(stored, 'me');
    expect(d).toMatchObject({ budget: '12000.5', currency: 'EUR', kpis: [{ target: '3.5' }], buckets: [{ minFollowers: '1000', maxFollowers: '', targetCount: '20' }] });
    expect(planFromDraft(d)).toMatchObject({ ok: true, fields: { budget: stored.budget, kpiTargets: stored.kpiTargets, buckets: stored.buckets } });
    expect(planFromDraft(draft({ buckets: defaultBuckets() })).ok).toBe(true);
  });

  it('keeps the featured products in the order chosen, a product deleted since included', () => {
    const stored = { ...campaignDraftOf(null, 'me'), name: 'Spring' };
    expect(stored.productIds).toEqual([]);
    const d = campaignDraftOf({ id: 'ca', name: 'Spring', kind: 'campaign', activationModels: ['gifting'], objective: 'awareness', ownerId: null, keyMessages: [], startsOn: null, endsOn: null, status: 'planning', notes: '', budget: null, kpiTargets: [], buckets: [], productIds: ['spf', 'deleted-balm', 'serum'] }, 'me');
    expect(planFromDraft(d)).toMatchObject({ ok: true, fields: { productIds: ['spf', 'deleted-balm', 'serum'] } });
  });
});
