import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/shared/domain/merge-fields';
import { formatCalendarDate, mailtoUrl, outreachValues, renderMessage, type OutreachContext } from '../../../src/shared/domain/outreach-values';

const base: OutreachContext = {
  creator: { id: 'cr1', name: 'Zoë Łukasiewicz', accounts: [{ platform: 'instagram', handle: 'zoe.runs' }], emails: [{ address: 'old@example.com', primary: false }, { address: 'zoe@example.com', primary: true }] },
  campaign: { id: 'ca1', name: 'Spring Glow', startsOn: '2027-03-01', endsOn: '2027-03-31', budget: { amountMicros: 12_000_000_000, currency: 'USD' }, productIds: ['p1'] },
  engagement: { id: 'en1', terms: { fee: { amountMicros: 450_500_000, currency: 'EUR' }, productIds: [], deliverables: [{ dueOn: '2027-03-20' }, { dueOn: '2027-03-15' }, { dueOn: null }] } },
  products: [{ id: 'p1', name: 'Glow Serum 30 ml' }, { id: 'p2', name: 'Daily SPF 50' }],
  codes: [
    { kind: 'discount', creatorId: 'cr1', campaignId: 'ca1', engagementId: null, code: 'ZOE15', status: 'active', link: null },
    { kind: 'discount', creatorId: 'cr1', campaignId: 'ca1', engagementId: null, code: 'OLDZOE', status: 'revoked', link: null },
    { kind: 'link', creatorId: 'cr1', campaignId: 'ca1', engagementId: 'en1', code: '', status: 'active', link: { baseUrl: 'https://lumen.example/glow', utm: { source: 'instagram', medium: 'influencer', campaign: 'spring glow', content: '', term: '' } } },
  ],
  senderName: 'Sam Lee',
  brandName: 'Lumen Skin',
};

describe('outreachValues', () => {
  it('fills every field a creator in a campaign has', () => {
    const v = outreachValues(base);
    expect(v).toMatchObject({
      first_name: 'Zoë', creator_name: 'Zoë Łukasiewicz', handle: '@zoe.runs', campaign: 'Spring Glow',
      start_date: '1 Mar 2027', end_date: '31 Mar 2027', due_date: '15 Mar 2027', budget: '$12,000.00', fee: '€450.50',
      product: 'Glow Serum 30 ml', code: 'ZOE15', sender_name: 'Sam Lee', brand: 'Lumen Skin',
    });
    expect(v.link).toBe('https://lumen.example/glow?utm_source=instagram&utm_medium=influencer&utm_campaign=spring+glow');
  });

  it('prefers the creator’s own products, and joins several', () => {
    const v = outreachValues({ ...base, engagement: { id: 'en1', terms: { fee: null, productIds: ['p1', 'p2'], deliverables: [] } } });
    expect(v.product).toBe('Glow Serum 30 ml and Daily SPF 50');
    expect(v.fee).toBeUndefined();
  });

  it('leaves unknown values out, so the template flags them instead of sending a gap', () => {
    const v = outreachValues({ ...base, engagement: null, codes: [base.codes[1]], senderName: '  ', creator: { ...base.creator, accounts: [] }, campaign: { ...base.campaign, startsOn: null, productIds: [] } });
    for (const key of ['code', 'link', 'fee', 'due_date', 'sender_name', 'handle', 'start_date', 'product']) expect(v[key], key).toBeUndefined();
    const r = renderTemplate('Hi {{first_name}}, use {{code}}. {{sender_name}}', v);
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual(['code', 'sender_name']);
    expect(r.text).not.toContain('{{');
  });

  it('takes a code issued to this engagement before one for the campaign, and never another creator’s', () => {
    const codes = [
      { kind: 'discount' as const, creatorId: 'cr2', campaignId: 'ca1', engagementId: 'en1', code: 'NOTYOURS', status: 'active' as const, link: null },
      { kind: 'discount' as const, creatorId: 'cr1', campaignId: 'ca1', engagementId: null, code: 'CAMPAIGN', status: 'active' as const, link: null },
      { kind: 'discount' as const, creatorId: 'cr1', campaignId: 'ca1', engagementId: 'en1', code: 'MINE', status: 'active' as const, link: null },
    ];
    expect(outreachValues({ ...base, codes }).code).toBe('MINE');
    expect(outreachValues({ ...base, codes: codes.slice(0, 1) }).code).toBeUndefined();
  });

  it('reads calendar dates as dates in every time zone', () => {
    expect(formatCalendarDate('2027-01-01')).toBe('1 Jan 2027');
    expect(formatCalendarDate('not a date')).toBeNull();
  });
});

describe('mailtoUrl', () => {
  it('encodes subject and body for mail clients (%20 spaces, CRLF line breaks, & and ? escaped)', () => {
    const url = mailtoUrl('zoe@example.com', 'Spring & you?', 'Hi Zoë,\nLine two');
    expect(url).toBe('mailto:zoe@example.com?subject=Spring%20%26%20you%3F&body=Hi%20Zo%C3%AB%2C%0D%0ALine%20two');
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.search.split('body=')[1])).toBe('Hi Zoë,\r\nLine two');
  });
});

describe('renderMessage', () => {
  const template = { subject: 'For {{first_name}}', body: 'Use {{code}}', templateFor: 'outreach-email' };
  it('is ready when every field has a value and there is an address', () => {
    const m = renderMessage(template, { first_name: 'Zoë', code: 'ZOE15' }, { email: 'zoe@example.com' });
    expect(m).toMatchObject({ ready: true, problems: [] });
    expect(m.subject.text).toBe('For Zoë');
  });
  it('holds back a missing value, a missing address and a do-not-contact creator, saying why', () => {
    const m = renderMessage(template, { first_name: 'Zoë' }, { email: null, doNotContact: true });
    expect(m.ready).toBe(false);
    expect(m.problems).toEqual(['Missing discount code', 'No email address', 'Marked do not contact']);
  });
  it('needs no subject nor address for a direct message', () => {
    expect(renderMessage({ ...template, templateFor: 'dm', subject: '{{nonsense}}' }, { code: 'X' }, { email: null }).ready).toBe(true);
  });
});
