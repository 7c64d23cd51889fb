import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectAll } from '../../../src/shared/data/batches';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { creatorMatches, matchLookup, matchSentence, type ExistingCreator } from '../../../src/shared/domain/creator-match';

function workspace() {
  const store = new WorkspaceStore(new Y.Doc());
  const maya = store.create('creators', {
    name: 'Maya Johnson', accounts: [{ platform: 'instagram', handle: '@MayaMoves' }], emails: [{ address: 'Maya@Example.com', primary: true }],
  });
  const zoe = store.create('creators', { name: 'Zoë Łukasiewicz', accounts: [{ platform: 'tiktok', handle: 'zoe.runs' }], emails: [{ address: 'zoe@example.com', primary: true }] });
  const gone = store.create('creators', { name: 'Gone Person', accounts: [{ platform: 'instagram', handle: 'gone' }] });
  store.softDelete('creators', [gone.id]);
  const rows = projectAll(store.doc).creators as unknown as ExistingCreator[];
  return { maya, zoe, rows };
}

describe('a creator added by hand is checked like an import row', () => {
  it('finds the same handle on the same platform, whatever its case, "@" or profile link', () => {
    const { maya, rows } = workspace();
    for (const handle of ['mayamoves', '@MAYAMOVES', 'https://www.instagram.com/mayamoves/']) {
      const [match] = creatorMatches({ accounts: [{ platform: 'instagram', handle }], emails: [] }, rows);
      expect(match).toEqual({ id: maya.id, name: 'Maya Johnson', by: 'handle', shared: ['@mayamoves on Instagram'] });
    }
    expect(matchSentence(creatorMatches({ accounts: [{ platform: 'instagram', handle: '@mayamoves' }], emails: [] }, rows)[0]))
      .toBe('Maya Johnson already has @mayamoves on Instagram.');
  });

  it('does not match the same handle on another platform', () => {
    const { rows } = workspace();
    expect(creatorMatches({ accounts: [{ platform: 'tiktok', handle: 'mayamoves' }], emails: [] }, rows)).toEqual([]);
  });

  it('finds the same email, and names both when handle and email are shared', () => {
    const { maya, zoe, rows } = workspace();
    expect(creatorMatches({ accounts: [], emails: [{ address: ' ZOE@example.com ' }] }, rows)).toEqual([{ id: zoe.id, name: 'Zoë Łukasiewicz', by: 'email', shared: ['zoe@example.com'] }]);
    const both = creatorMatches({ accounts: [{ platform: 'instagram', handle: 'mayamoves' }], emails: [{ address: 'maya@example.com' }] }, rows);
    expect(both).toHaveLength(1);
    expect(both[0].id).toBe(maya.id);
    expect(matchSentence(both[0])).toBe('Maya Johnson already has @mayamoves on Instagram and maya@example.com.');
  });

  it('lists every creator matched, handle matches first, and leaves the trash out', () => {
    const { maya, zoe, rows } = workspace();
    const matches = creatorMatches({ accounts: [{ platform: 'instagram', handle: 'gone' }, { platform: 'instagram', handle: 'mayamoves' }], emails: [{ address: 'zoe@example.com' }] }, rows);
    expect(matches.map((m) => [m.id, m.by])).toEqual([[maya.id, 'handle'], [zoe.id, 'email']]);
  });

  it('looks candidates up by stored handle and email', () => {
    expect(matchLookup({ accounts: [{ platform: 'instagram', handle: 'https://instagram.com/MayaMoves' }, { platform: 'tiktok', handle: ' ' }], emails: [{ address: ' Maya@Example.com' }, { address: '' }] }))
      .toEqual({ handles: ['mayamoves'], emails: ['maya@example.com'] });
  });
});
