import { describe, expect, it } from 'vitest';
import { collections } from '../../../src/shared/data/schemas';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { latestRounds, reviewQueue } from '../../../src/shared/domain/review-rounds';
import { rightStatus } from '../../../src/shared/domain/usage-rights';

describe('the sample’s review rounds and usage rights', () => {
  const records = generateDemoWorkspace({ creators: 120, today: '2026-11-01' });
  // The review sample's own drafts (the reports sample adds first-round drafts of its own).
  const submissions = (records.content ?? []).filter((c) => c.input.kind === 'submission' && c.id.startsWith('demo-sub-'));

  it('are valid records of their collections', () => {
    for (const c of submissions) expect(collections.content.fields.safeParse(c.input).success).toBe(true);
    for (const r of records.rights ?? []) expect(collections.rights.fields.safeParse(r.input).success).toBe(true);
  });

  it('show every state of a review: approved at v2, waiting, sent back', () => {
    const rows = submissions.map((s) => {
      const parsed = collections.content.fields.parse(s.input);
      return { ...parsed, id: s.id, createdAt: '2026-11-01T00:00:00Z', deletedAt: null } as never;
    });
    const latest = latestRounds(rows) as { review: { status: string } | null; round: number }[];
    expect(latest.map((s) => `${s.review?.status}@v${s.round}`).sort()).toEqual(['approved@v2', 'changes-requested@v1', 'pending@v1', 'pending@v2']);
    expect(reviewQueue(rows, 'waiting', 'me')).toHaveLength(2);
  });

  it('have rights running, ending within two weeks, expired and without an end, on the sample’s day', () => {
    const states = (records.rights ?? []).map((r) => collections.rights.fields.parse(r.input)).map((r) => rightStatus({ id: 'x', ...r }, '2026-11-01').state);
    expect(states).toEqual(['active', 'expiring', 'expired', 'perpetual']);
  });
});
