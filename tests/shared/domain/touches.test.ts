import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { planFollowUp } from '../../../src/shared/domain/follow-ups';
import { channelOf, TouchError, touchWrites, type TouchInput } from '../../../src/shared/domain/touches';

const steps = [{ id: 's-short', name: 'Shortlisted', position: 0 }, { id: 's-contacted', name: 'Contacted', position: 1 }, { id: 's-replied', name: 'Replied', position: 2 }];
const rule = { afterDays: 3, maxFollowUps: 2, businessDays: false, timeZone: 'UTC' };

function setup(engagement: { lastContactedAt?: string | null; repliedAt?: string | null; stepId?: string; followUpsSent?: number } = {}) {
  const store = new WorkspaceStore(new Y.Doc());
  const c = store.create('creators', { name: 'Ελένη Παπαδοπούλου' });
  const k = store.create('campaigns', { name: 'Spring Glow' });
  const e = store.create('engagements', { campaignId: k.id, creatorId: c.id, stepId: 's-short', ...engagement });
  let n = 0;
  const base = (over: Partial<TouchInput> = {}): TouchInput => ({
    creatorId: c.id, engagement: store.get('engagements', e.id)!, steps, channel: 'instagram-dm', direction: 'out', at: '2026-11-02T10:00:00.000Z', text: 'Loved your serum reel!',
    actor: { id: 'me', name: 'Sam' }, now: '2026-11-02T12:00:00.000Z', newId: () => `t-${++n}`, ...over,
  });
  return { store, c, e, base };
}

describe('logging a touch', () => {
  it('an Instagram DM from us starts the follow-up clock and moves the creator to Contacted, as one undo', () => {
    const { store, e, base } = setup();
    store.applyAll(touchWrites(base()));
    const after = store.get('engagements', e.id)!;
    expect(after).toMatchObject({ lastContactedAt: '2026-11-02T10:00:00.000Z', stepId: 's-contacted', followUpsSent: 0 });
    const lines = store.list('activities');
    expect(lines.map((a) => [a.kind, a.title, a.channel])).toEqual([['outreach', 'Sent an Instagram DM', 'instagram-dm'], ['stage-change', 'Moved to Contacted', null]]);
    expect(planFollowUp({ ...after, followUpsSent: after.followUpsSent }, rule, '2026-11-06T09:00:00Z')).toMatchObject({ status: 'due', overdueDays: 1 });
    expect(store.undo()).toBe(true);
    expect(store.get('engagements', e.id)!.lastContactedAt).toBeNull();
    expect(store.list('activities')).toHaveLength(0);
  });

  it('a second touch from us before they answer is a follow-up; an old call logged late does not restart the clock', () => {
    const { store, e, base } = setup({ lastContactedAt: '2026-11-01T09:00:00.000Z', stepId: 's-contacted' });
    store.applyAll(touchWrites(base({ channel: 'phone', at: '2026-11-03T09:00:00.000Z', now: '2026-11-03T10:00:00.000Z' })));
    expect(store.get('engagements', e.id)).toMatchObject({ lastContactedAt: '2026-11-03T09:00:00.000Z', followUpsSent: 1 });
    expect(store.list('activities')[0]).toMatchObject({ kind: 'follow-up', title: 'Called them', channel: 'phone' });
    store.applyAll(touchWrites(base({ channel: 'email', at: '2026-10-30T09:00:00.000Z', engagement: store.get('engagements', e.id)!, now: '2026-11-03T11:00:00.000Z' })));
    expect(store.get('engagements', e.id)).toMatchObject({ lastContactedAt: '2026-11-03T09:00:00.000Z', followUpsSent: 2 });
  });

  it('a TikTok DM from them is their reply: out of the follow-up queue and on to Replied', () => {
    const { store, e, base } = setup({ lastContactedAt: '2026-11-01T09:00:00.000Z', stepId: 's-contacted' });
    store.applyAll(touchWrites(base({ channel: 'tiktok-dm', direction: 'in', text: 'Yes please!' })));
    const after = store.get('engagements', e.id)!;
    expect(after).toMatchObject({ repliedAt: '2026-11-02T10:00:00.000Z', stepId: 's-replied', lastContactedAt: '2026-11-01T09:00:00.000Z' });
    expect(planFollowUp({ ...after }, rule, '2026-12-01T00:00:00Z').status).toBe('replied');
    expect(store.list('activities')[0]).toMatchObject({ kind: 'reply', title: 'They replied by TikTok DM', body: 'Yes please!', channel: 'tiktok-dm' });
  });

  it('a note changes no clock; a touch outside a campaign is only a timeline line', () => {
    const { store, e, c, base } = setup({ lastContactedAt: '2026-11-01T09:00:00.000Z' });
    store.applyAll(touchWrites(base({ channel: 'note', direction: 'in', text: 'Met at the Lisbon event' })));
    expect(store.get('engagements', e.id)).toMatchObject({ repliedAt: null, lastContactedAt: '2026-11-01T09:00:00.000Z' });
    const writes = touchWrites(base({ engagement: null, channel: 'in-person' }));
    expect(writes).toEqual([expect.objectContaining({ kind: 'create', collection: 'activities', input: expect.objectContaining({ creatorId: c.id, campaignId: null, engagementId: null, channel: 'in-person' }) })]);
  });

  it('refuses a touch in the future and an empty note, saying which field and why', () => {
    const { base } = setup();
    expect(() => touchWrites(base({ at: '2026-11-05T10:00:00.000Z' }))).toThrow(/future/);
    expect(() => touchWrites(base({ channel: 'note', text: '  ' }))).toThrow(TouchError);
    expect(() => touchWrites(base({ at: 'yesterday-ish' }))).toThrow('Choose when it happened');
  });

  it('reads the channel of sends from before channels were kept', () => {
    expect(channelOf({ channel: null, data: { channel: 'dm' } })).toBe('other-dm');
    expect(channelOf({ channel: null, data: { channel: 'email' } })).toBe('email');
    expect(channelOf({ channel: 'phone', data: {} })).toBe('phone');
    expect(channelOf({ data: {} })).toBeNull();
  });
});
