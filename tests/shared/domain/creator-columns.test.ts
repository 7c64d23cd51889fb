import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectAll } from '../../../src/shared/data/batches';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { columnRules, leadAccount } from '../../../src/shared/domain/creator-columns';
import type { ProjectedCreator } from '../../../src/shared/domain/projected-creator';
import { names } from './creator-table-fixture';

describe('the account a creator list row names', () => {
  it('is the one whose followers the row shows, not the first one added', () => {
    const store = new WorkspaceStore(new Y.Doc());
    store.create('creators', {
      name: 'Maya Johnson',
      accounts: [
        { platform: 'instagram', handle: 'mayamoves', followers: 48 },
        { platform: 'tiktok', handle: 'maya.tok', followers: 120_000 },
        { platform: 'youtube', handle: 'mayachannel' },
      ],
    });
    const [row] = projectAll(store.doc).creators as unknown as ProjectedCreator[];
    const lead = leadAccount(row);
    expect(lead?.handle).toBe('maya.tok');
    expect(lead?.followers).toBe(row.followersMax);
    const ctx = { ...names, facts: () => { throw new Error('not needed'); } };
    expect(columnRules.accounts.sortValue(row, ctx)).toBe('maya.tok');
  });

  it('is the first account when none has a follower count, and nothing without accounts', () => {
    expect(leadAccount({ accounts: [{ handle: 'a', followers: null }, { handle: 'b', followers: null }] } as unknown as ProjectedCreator)?.handle).toBe('a');
    expect(leadAccount({ accounts: [] })).toBeNull();
  });
});
