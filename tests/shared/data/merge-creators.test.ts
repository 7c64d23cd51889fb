import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { likelyDuplicates } from '../../../src/shared/data/likely-duplicates';
import { mergeCreators } from '../../../src/shared/data/merge-creators';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { duplicatePairKey, mergePreview } from '../../../src/shared/domain/merge-creator-fields';

/** The same creator added offline on two laptops, then synced. */
function addedTwice() {
  const alex = new WorkspaceStore(new Y.Doc(), { actorId: 'alex' });
  const sam = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
  const fromAlex = alex.create('creators', {
    name: 'Zoë Łukasiewicz', tags: ['vegan'], emails: [{ address: 'zoe@example.com', primary: true }],
    accounts: [{ platform: 'tiktok', handle: '@zoe.runs', followers: 52_000, engagementRate: null }],
  });
  const fromSam = sam.create('creators', {
    name: 'Zoe L.', tags: ['running', 'vegan'], phone: '+48 600 100 200', emails: [{ address: 'zoe.l@agency.pl', primary: true }],
    accounts: [{ platform: 'tiktok', handle: 'https://www.tiktok.com/@zoe.runs', followers: 51_000, engagementRate: 0.061 }, { platform: 'instagram', handle: 'zoeruns', followers: 8_000 }],
    location: { country: 'PL', region: '', city: 'Kraków' },
  });
  const campaign = sam.create('campaigns', { name: 'Spring run' });
  const engagement = sam.create('engagements', { campaignId: campaign.id, creatorId: fromSam.id, stepId: 'shortlisted' });
  const note = sam.create('activities', { kind: 'note', title: 'Called her', at: '2026-03-01T10:00:00.000Z', creatorId: fromSam.id });
  Y.applyUpdate(alex.doc, Y.encodeStateAsUpdate(sam.doc));
  Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(alex.doc));
  return { alex, sam, keepId: fromAlex.id, otherId: fromSam.id, engagementId: engagement.id, noteId: note.id };
}

describe('likely duplicates and merging', () => {
  it('flags the same creator added on two laptops, by handle on one platform', () => {
    const { alex, keepId, otherId } = addedTwice();
    expect(likelyDuplicates(alex.doc)).toEqual([{ ids: [keepId, otherId].sort(), reason: 'tiktok @zoe.runs', kind: 'handle' }]);
  });

  it('merges into one record that keeps everything, moves campaigns and timeline over, and undoes in one step', () => {
    const { alex, sam, keepId, otherId, engagementId, noteId } = addedTwice();
    mergeCreators(alex, keepId, otherId);
    const kept = alex.get('creators', keepId)!;
    expect(kept.name).toBe('Zoë Łukasiewicz');
    expect(kept.tags).toEqual(['vegan', 'running']);
    expect(kept.emails).toEqual([{ address: 'zoe@example.com', primary: true }, { address: 'zoe.l@agency.pl', primary: false }]);
    expect(kept.phone).toBe('+48 600 100 200');
    expect(kept.location.city).toBe('Kraków');
    expect(kept.accounts.map((a) => `${a.platform} ${a.handle} ${a.followers} ${a.engagementRate}`)).toEqual(['tiktok zoe.runs 52000 0.061', 'instagram zoeruns 8000 null']);
    expect(alex.get('engagements', engagementId)!.creatorId).toBe(keepId);
    expect(alex.get('activities', noteId)!.creatorId).toBe(keepId);
    expect(alex.get('creators', otherId)!.deletedAt).not.toBeNull();
    expect(likelyDuplicates(alex.doc)).toEqual([]);
    // The values the merge did not keep stay readable in the kept record's history.
    const notKept = alex.history('creators', keepId).filter((h) => h.note);
    expect(notKept.map((h) => [h.field, h.value])).toEqual(expect.arrayContaining([['name', 'Zoe L.']]));
    expect(notKept.every((h) => h.note === 'merged-from:Zoe L.' && !h.concurrent)).toBe(true);

    // The teammate sees the same result after sync.
    Y.applyUpdate(sam.doc, Y.encodeStateAsUpdate(alex.doc));
    expect(sam.get('engagements', engagementId)!.creatorId).toBe(keepId);

    alex.undo();
    expect(alex.history('creators', keepId).filter((h) => h.note)).toEqual([]);
    expect(alex.get('creators', otherId)!.deletedAt).toBeNull();
    expect(alex.get('engagements', engagementId)!.creatorId).toBe(otherId);
    expect(alex.get('creators', keepId)!.tags).toEqual(['vegan']);
  });

  it('refuses a merge when a teammate already trashed one of the two, and changes nothing', () => {
    const { alex, keepId, otherId } = addedTwice();
    alex.softDelete('creators', [otherId]);
    expect(() => mergeCreators(alex, keepId, otherId)).toThrow(/no longer here/);
    expect(alex.get('creators', keepId)!.tags).toEqual(['vegan']);
  });

  it('also flags near-identical names (accents, case, punctuation), after stronger reasons', () => {
    const store = new WorkspaceStore(new Y.Doc());
    const a = store.create('creators', { name: 'Zoë Łukasiewicz' });
    const b = store.create('creators', { name: 'zoe  lukasiewicz.' });
    store.create('creators', { name: 'Anna' });
    store.create('creators', { name: 'anna' }); // one word: too common to mean one person
    expect(likelyDuplicates(store.doc)).toEqual([]); // not on its own: namesakes are common
    expect(likelyDuplicates(store.doc, { names: true })).toEqual([{ ids: [a.id, b.id].sort(), reason: 'Zoë Łukasiewicz', kind: 'name' }]);
  });

  it('stops flagging a pair once someone says they are different people', () => {
    const { alex, keepId, otherId } = addedTwice();
    alex.create('settings', { kind: 'not-duplicate', name: 'Not the same person', data: { pair: duplicatePairKey([otherId, keepId]) } });
    expect(likelyDuplicates(alex.doc)).toEqual([]);
  });
});

describe('merge preview', () => {
  it('lists every differing value, what the merged record holds, and which values will not be kept', () => {
    const { alex, keepId, otherId } = addedTwice();
    const rows = mergePreview(alex.get('creators', keepId) as never, alex.get('creators', otherId) as never);
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(Object.keys(byField)).toEqual(['name', 'accounts', 'emails', 'phone', 'location', 'tags']);
    expect(byField.name).toMatchObject({ kept: 'Zoë Łukasiewicz', other: 'Zoe L.', result: 'Zoë Łukasiewicz', dropped: true });
    expect(byField.tags).toMatchObject({ result: ['vegan', 'running'], dropped: false });
    expect(byField.emails.dropped).toBe(false);
    expect(byField.phone).toMatchObject({ kept: '', result: '+48 600 100 200', dropped: false });
  });
});
