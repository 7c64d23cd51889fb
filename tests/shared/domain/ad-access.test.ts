import { describe, expect, it } from 'vitest';
import { rightFields } from '../../../src/shared/data/schemas/rights';
import {
  adAccessProblems, adAccessView, adAccessWrite, adCodeProblem, dueAdAccessAlerts, maskCode, SPARK_CODE_MAX, type AdAccessInput,
} from '../../../src/shared/domain/ad-access';

const day = (d: string) => d;
const today = '2026-12-07';
const access = (over: Partial<AdAccessInput> = {}): AdAccessInput => ({
  status: 'granted', platform: 'tiktok', sparkCode: '#AbCdEfGhIjKlMnOp1234', accessStartsOn: '2026-11-01', accessExpiresOn: '2026-12-31', adAccount: 'Glow Ads EU', ...over,
});

describe('ad access codes', () => {
  it('masks a code to its last four characters, and a short one entirely', () => {
    expect(maskCode('#AbCdEfGhIjKlMnOp1234')).toBe('••••1234');
    expect(maskCode('#AbCdEfGhIjKlMnOp1234')).not.toContain('AbCd');
    expect(maskCode('abc123')).toBe('••••');
    expect(maskCode('   ')).toBe('');
  });

  it('refuses only an over-long code, or a missing one where Spark Ads need it', () => {
    expect(adCodeProblem('x'.repeat(SPARK_CODE_MAX + 1), 'granted', 'tiktok')).toMatch(/201 characters; codes are at most 200/);
    expect(adCodeProblem('  ', 'granted', 'tiktok')).toMatch(/Paste the Spark Ads code/);
    expect(adCodeProblem('', 'requested', 'tiktok')).toBeNull();
    expect(adCodeProblem('', 'granted', 'meta')).toBeNull();
    // No invented format: any characters TikTok may hand out are kept.
    expect(adCodeProblem('#v2_ü+/=abc', 'granted', 'tiktok')).toBeNull();
  });

  it('says every problem of the form at once, by field', () => {
    expect(adAccessProblems(access({ platform: null, accessStartsOn: '2026-12-10', accessExpiresOn: '2026-12-01' }))).toEqual({
      platform: 'Choose the platform the ads run on', accessExpiresOn: 'The access ends before it starts',
    });
    expect(adAccessProblems(access({ accessExpiresOn: null })).accessExpiresOn).toMatch(/Spark Ads codes run out/);
    expect(adAccessProblems(access())).toEqual({});
  });
});

describe('ad access status', () => {
  it('reads a lapsed code as expired without anyone flipping it', () => {
    expect(adAccessView(access({ accessExpiresOn: '2026-12-06' }), today, day)).toMatchObject({ state: 'expired', label: 'Expired 2026-12-06' });
    expect(adAccessView(access({ accessExpiresOn: '2026-12-07' }), today, day)).toMatchObject({ state: 'expiring', label: 'Granted · last day today', daysLeft: 1 });
    expect(adAccessView(access({ status: 'active', accessExpiresOn: '2026-12-12' }), today, day)).toMatchObject({ label: 'Active · 6 days left', color: 'yellow' });
    expect(adAccessView(access({ status: 'active' }), today, day)).toMatchObject({ state: 'active', label: 'Active until 2026-12-31' });
    expect(adAccessView(access({ status: 'revoked' }), today, day).state).toBe('revoked');
    expect(adAccessView(access({ status: 'requested', sparkCode: '' }), today, day).label).toBe('Requested');
    expect(adAccessView(access({ accessStartsOn: '2026-12-20' }), today, day).state).toBe('not-started');
  });

  it('raises the tightest reminder reached, once, and none for requested, revoked or deleted access', () => {
    const rights = [
      { id: 'a', whitelisting: access({ accessExpiresOn: '2026-12-12' }) },
      { id: 'b', whitelisting: access({ status: 'requested', accessExpiresOn: '2026-12-08' }) },
      { id: 'c', whitelisting: access({ status: 'revoked', accessExpiresOn: '2026-12-08' }) },
      { id: 'd', deletedAt: '2026-12-01T00:00:00Z', whitelisting: access({ accessExpiresOn: '2026-12-08' }) },
      { id: 'e', whitelisting: access({ status: 'active', accessExpiresOn: '2026-12-08' }) },
      { id: 'f', whitelisting: access({ accessExpiresOn: '2027-02-01' }) },
      { id: 'g', whitelisting: null },
    ];
    expect(dueAdAccessAlerts(rights, new Set(), today)).toEqual([
      { rightId: 'a', threshold: 7, daysLeft: 6, endsOn: '2026-12-12', taskId: 'ad-access-a-7' },
      { rightId: 'e', threshold: 2, daysLeft: 2, endsOn: '2026-12-08', taskId: 'ad-access-e-2' },
    ]);
    expect(dueAdAccessAlerts(rights, new Set(['ad-access-a-7', 'ad-access-e-2']), today)).toEqual([]);
  });
});

describe('recording ad access', () => {
  const subject = { contentId: 'post1', assetId: null, creatorId: 'cr1', campaignId: 'ca1' };

  it('goes onto a chosen usage right, or makes a right for the access alone that the schema accepts', () => {
    expect(adAccessWrite(access({ sparkCode: '  #code-with-spaces-around  ' }), { rightId: 'r1', rightChannels: ['paid-social-tiktok'] })).toEqual({
      op: 'update', collection: 'rights', id: 'r1', patch: { whitelisting: access({ sparkCode: '#code-with-spaces-around' }) },
    });
    // A right that exists only for the access follows the access's dates.
    expect(adAccessWrite(access({ accessExpiresOn: '2027-01-15' }), { rightId: 'r2', rightChannels: ['whitelisting'] })).toMatchObject({
      patch: { startsOn: '2026-11-01', endsOn: '2027-01-15' },
    });
    const write = adAccessWrite(access(), { subject });
    if (write.op !== 'create') throw new Error('expected a new right');
    const parsed = rightFields.parse(write.record);
    expect(parsed).toMatchObject({ contentId: 'post1', channels: ['whitelisting'], paidUse: true, startsOn: '2026-11-01', endsOn: '2026-12-31' });
    expect(parsed.whitelisting).toMatchObject({ platform: 'tiktok', adAccount: 'Glow Ads EU' });
  });

  it('refuses bad access with its reason and writes nothing', () => {
    expect(() => adAccessWrite(access({ platform: null }), { subject })).toThrow('Choose the platform the ads run on');
    expect(() => adAccessWrite(access(), { subject: { ...subject, contentId: null } })).toThrow('Choose the post or file');
  });

  it('still reads older records: no whitelisting, and the old shape with “not-requested”', () => {
    expect(rightFields.parse({}).whitelisting).toBeNull();
    expect(rightFields.parse({ whitelisting: { status: 'not-requested', platform: 'meta', sparkCode: '', accessExpiresOn: null } }).whitelisting)
      .toEqual({ status: 'not-requested', platform: 'meta', sparkCode: '', accessStartsOn: null, accessExpiresOn: null, adAccount: '' });
    expect(rightFields.safeParse({ whitelisting: { ...access(), accessStartsOn: '2027-01-10' } }).success).toBe(false);
  });
});
