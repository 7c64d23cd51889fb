import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../../../src/shared/data/command-error';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { writeFields } from '../../../src/shared/data/ydoc';

/** A creator whose first account holds a value today's rule refuses, as an older version of the app wrote it. */
function storeWithOldValue() {
  const doc = new Y.Doc();
  const store = new WorkspaceStore(doc, { actorId: 'me' });
  const creator = store.create('creators', { name: 'Maya Johnson', accounts: [{ platform: 'instagram', handle: 'mayamoves', followers: 48_200 }] });
  const accounts = [{ ...creator.accounts[0], followers: -5 }];
  writeFields(doc, 'creators', creator.id, { accounts });
  return { store, id: creator.id };
}

const refusal = (act: () => void): CommandError => {
  try {
    act();
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('the update was accepted');
};

describe('values stored before a rule tightened', () => {
  it('does not refuse an edit of another field for them, and keeps them as they were', () => {
    const { store, id } = storeWithOldValue();
    store.update('creators', id, { name: 'Maya J.' });
    const creator = store.get('creators', id)!;
    expect(creator.name).toBe('Maya J.');
    expect(creator.accounts[0].followers).toBe(-5);
  });

  it('accepts an edit that carries them over unchanged at the same place', () => {
    const { store, id } = storeWithOldValue();
    const creator = store.get('creators', id)!;
    store.update('creators', id, { accounts: [creator.accounts[0], { platform: 'tiktok', handle: 'MayaMoves', followers: 1_000 }] });
    const after = store.get('creators', id)!;
    expect(after.accounts.map((a) => a.followers)).toEqual([-5, 1_000]);
    // A field parsed on its own still gets the schema's normalising.
    expect(after.accounts[1].handle).toBe('mayamoves');
  });

  it('refuses a value the edit itself brings, and names only that field', () => {
    const { store, id } = storeWithOldValue();
    const creator = store.get('creators', id)!;
    const error = refusal(() => store.update('creators', id, { accounts: [{ ...creator.accounts[0], followers: -6 }] }));
    expect(Object.keys(error.fields)).toEqual(['accounts.0.followers']);
    const moved = refusal(() => store.update('creators', id, { accounts: [{ platform: 'tiktok', handle: 'new', followers: 10 }, creator.accounts[0]] }));
    expect(Object.keys(moved.fields)).toEqual(['accounts.1.followers']);
    expect(store.get('creators', id)!.accounts[0].followers).toBe(-5);
  });
});
