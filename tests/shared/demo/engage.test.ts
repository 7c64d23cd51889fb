import { describe, expect, it } from 'vitest';
import { collections } from '../../../src/shared/data/schemas';
import { addEngageDemo } from '../../../src/shared/demo/engage';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { engageCounts } from '../../../src/shared/domain/engage-queue';

describe('the sample’s Engage queue', () => {
  const today = '2026-11-01';
  // The sample generator adds the Engage records itself (generate.ts).
  const records = generateDemoWorkspace({ creators: 120, today });
  const now = new Date(`${today}T12:00:00.000Z`);
  const posts = (records.content ?? []).map((c) => ({ ...collections.content.fields.parse(c.input), id: c.id, createdAt: `${today}T00:00:00.000Z` }));

  it('writes valid posts and saved replies', () => {
    for (const c of records.content ?? []) expect(collections.content.fields.safeParse(c.input).success).toBe(true);
    const replies = (records.settings ?? []).filter((s) => s.input.kind === 'saved-reply');
    expect(replies.length).toBe(3);
    expect(new Set(replies.map((r) => r.id)).size).toBe(replies.length);
    for (const r of replies) expect(collections.settings.fields.safeParse(r.input).success).toBe(true);
  });

  it('splits the live posts between teammates and leaves some for anyone, with one already done', () => {
    const counts = engageCounts(posts, 'someone-new', now);
    expect(counts.unassigned).toBeGreaterThan(0);
    expect(counts.byPerson.get('demo-person-ana')).toBeGreaterThan(0);
    expect(counts.byPerson.get('demo-person-ben')).toBeGreaterThan(0);
    expect(counts.done).toBe(1);
  });

  it('leaves the input records as they were', () => {
    const plain = { ...records, content: (records.content ?? []).map((c) => ({ ...c, input: { ...c.input, engageAssigneeId: null, engaged: null } })) };
    const snapshot = JSON.stringify(plain);
    const added = addEngageDemo(plain, today);
    expect(JSON.stringify(plain)).toBe(snapshot);
    expect((added.content ?? []).some((c) => c.input.engageAssigneeId)).toBe(true);
  });
});
