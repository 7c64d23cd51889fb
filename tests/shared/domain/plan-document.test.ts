import { describe, expect, it } from 'vitest';
import { bucketOf, followerRange, planDocument, planFileName } from '../../../src/shared/domain/plan-document';

describe('plan document', () => {
  const campaign = { buckets: [
    { id: 'nano', name: 'Nano', minFollowers: 1_000, maxFollowers: 9_999, targetCount: 10 },
    { id: 'macro', name: 'Macro', minFollowers: 100_000, maxFollowers: null, targetCount: 2 },
  ] };

  it('puts a creator in their chosen bucket, else by followers, else in none', () => {
    expect(bucketOf(campaign, { bucketId: 'macro' }, 500)).toBe('macro');
    expect(bucketOf(campaign, { bucketId: 'gone' }, 5_000)).toBe('nano');
    expect(bucketOf(campaign, {}, 2_000_000)).toBe('macro');
    expect(bucketOf(campaign, {}, 50_000)).toBeNull();
    expect(bucketOf(campaign, {}, undefined)).toBeNull();
  });

  it('says follower ranges the way marketers do', () => {
    expect(followerRange(1_000, 9_999)).toBe('1k–10k followers');
    expect(followerRange(100_000, null)).toBe('100k+ followers');
    expect(followerRange(null, 1_500_000)).toBe('Up to 1.5M followers');
    expect(followerRange(null, null)).toBe('Any size');
    expect(followerRange(0, 999)).toBe('0–999 followers');
  });

  it('names the file after the campaign, without characters a file system refuses', () => {
    expect(planFileName('Spring: Glow / "launch"')).toBe('Spring Glow launch - plan.xlsx');
    expect(planFileName('   ')).toBe('Campaign - plan.xlsx');
  });

  it('refuses a malformed plan with the field that is wrong', () => {
    const result = planDocument.safeParse({ name: 'X' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('budget');
  });
});
