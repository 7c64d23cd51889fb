import { describe, expect, it } from 'vitest';
import { clauseLibrary, contractSpec, defaultClauseIds, mergeText, missingMergeFields } from '../../../src/shared/documents/creator-agreement';
import { contractValuesFor } from '../../../src/shared/documents/contract-from-records';
import { defaultBrandKit } from '../../../src/shared/documents/model';

const options = { brand: defaultBrandKit, legalName: 'Tempo Running Ltd', paymentDays: 45, governingLaw: 'Poland', competitors: '', issuedOn: '2026-02-20' };
const creator = { id: 'c1', name: 'Zoë Łukasiewicz', accounts: [{ platform: 'instagram', handle: 'zoeruns' }], emails: [{ address: 'zoe@example.com', primary: true }], shippingAddress: null };
const campaign = { id: 'k1', name: 'Run Club', startsOn: '2026-05-01', endsOn: null };

describe('contract merge values', () => {
  it('come from the creator, the campaign and the negotiated terms', () => {
    const v = contractValuesFor(creator, campaign, {
      id: 'e1', creatorId: 'c1', campaignId: 'k1',
      terms: { fee: { amountMicros: 2_900_000_000, currency: 'USD' }, exclusivityDays: 14, deliverables: [{ platform: 'tiktok', format: 'video', quantity: 2, dueOn: '2026-05-10', usageRights: 'Spark Ads for 60 days' }] },
    }, options);
    expect(v).toMatchObject({ 'creator.name': 'Zoë Łukasiewicz', 'creator.handle': '@zoeruns', 'brand.legalName': 'Tempo Running Ltd', fee: '$2,900.00', 'payment.days': '45', usageRights: 'Spark Ads for 60 days', 'exclusivity.days': '14', governingLaw: 'Poland', 'campaign.startsOn': '1 May 2026' });
    expect(defaultClauseIds(v)).toContain('exclusivity');
    expect(missingMergeFields(clauseLibrary.map((c) => c.id), v)).toEqual([]);
  });

  it('say what is still to agree when a creator has no terms yet, rather than leaving blanks', () => {
    const v = contractValuesFor(creator, campaign, null, options);
    expect(v.fee).toBe('the fee the parties agree in writing');
    expect(defaultClauseIds(v)).not.toContain('exclusivity');
    const spec = contractSpec(v, defaultClauseIds(v), defaultBrandKit);
    expect(JSON.stringify(spec)).not.toMatch(/\{\{|\[[a-z]+\.[a-z]+\]/);
  });

  it('always keep the required clauses, whatever is ticked', () => {
    const spec = contractSpec(contractValuesFor(creator, campaign, null, options), [], defaultBrandKit);
    const headings = spec.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.runs[0].text : ''));
    for (const title of ['The parties', 'Fee and payment', 'Usage rights', 'Disclosure', 'Ending the agreement', 'Signatures']) expect(headings.some((h) => h.includes(title))).toBe(true);
    expect(mergeText('Hi {{ creator.name }} {{nope}}', { 'creator.name': 'Ψυχή' })).toBe('Hi Ψυχή [nope]');
  });
});
