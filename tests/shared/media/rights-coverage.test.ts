import { describe, expect, it } from 'vitest';
import { channelCovered, paidUseCoverage, type RightLike } from '../../../src/shared/media/rights-coverage';

const right = (r: Partial<RightLike>): RightLike => ({ channels: [], paidUse: true, startsOn: null, endsOn: null, ...r });
const today = '2026-11-21';

describe('paid-use coverage', () => {
  it('is covered by a current paid right on the channel', () => {
    expect(paidUseCoverage([right({ channels: ['TikTok'], endsOn: '2027-01-31' })], 'TikTok ads', today)).toMatchObject({ covered: true, message: 'Paid use is covered until 31 Jan 2027.' });
    expect(paidUseCoverage([right({})], 'Meta Reels ads', today).covered).toBe(true);
    expect(paidUseCoverage([right({ channels: ['Instagram'] })], 'Meta Reels ads', today).covered).toBe(true);
    // The last day is included.
    expect(paidUseCoverage([right({ endsOn: today })], 'TikTok ads', today).covered).toBe(true);
  });

  it('says why not: none, organic only, other channels, expired, not started, deleted', () => {
    expect(paidUseCoverage([], 'TikTok ads', today).problem).toBe('no-rights');
    expect(paidUseCoverage([right({ paidUse: false })], 'TikTok ads', today).problem).toBe('organic-only');
    expect(paidUseCoverage([right({ channels: ['Instagram'] })], 'TikTok ads', today)).toMatchObject({ problem: 'other-channels', message: 'Paid use is granted for Instagram only, not for TikTok ads.' });
    expect(paidUseCoverage([right({ endsOn: '2026-10-01' }), right({ endsOn: '2026-11-20' })], 'TikTok ads', today))
      .toMatchObject({ problem: 'expired', message: expect.stringContaining('20 Nov 2026') });
    expect(paidUseCoverage([right({ startsOn: '2026-12-01' })], 'TikTok ads', today).problem).toBe('not-started');
    expect(paidUseCoverage([right({ deletedAt: '2026-11-01T00:00:00Z' })], 'TikTok ads', today).problem).toBe('no-rights');
  });

  it('names the granted channels in words, not as stored ids', () => {
    const coverage = paidUseCoverage([right({ channels: ['organic-social', 'paid-social-meta'] })], 'TikTok ads', today);
    expect(coverage).toMatchObject({ problem: 'other-channels', message: 'Paid use is granted for Paid social: Meta (Instagram, Facebook) only, not for TikTok ads.' });
    expect(paidUseCoverage([right({ channels: ['paid-social-youtube', 'website', 'whitelisting'] })], 'TikTok ads', today).message)
      .toBe('Paid use is granted for Paid social: YouTube and Whitelisting / Spark Ads (creator’s handle) only, not for TikTok ads.');
  });

  it('matches channels by platform, not by exact wording', () => {
    expect(channelCovered(['tiktok organic + spark ads'], 'TikTok ads')).toBe(true);
    expect(channelCovered(['YouTube'], 'TikTok ads')).toBe(false);
    expect(channelCovered(['All channels'], 'YouTube')).toBe(true);
    expect(channelCovered(['FB'], 'Meta Reels ads')).toBe(true);
  });
});
