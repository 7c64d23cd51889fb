import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectAll } from '../../../src/shared/data/batches';
import { isCommandError } from '../../../src/shared/data/command-error';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { aboutEngagement, activityInput, activityRecord, actorOf } from '../../../src/shared/domain/activities';

describe('activity records', () => {
  it('files a line under the engagement’s creator and campaign, with the schema’s defaults for the rest', () => {
    const store = new WorkspaceStore(new Y.Doc());
    const op = activityRecord({
      kind: 'stage-change', title: 'Moved to Contacted', at: '2026-11-05T10:00:00.000Z', actorId: 'sam',
      ...aboutEngagement({ id: 'en-1', creatorId: 'cr-1', campaignId: null }), data: { from: 's1', to: 's2' },
    }, 'act-1');
    expect(op).toMatchObject({ kind: 'create', collection: 'activities', id: 'act-1' });
    store.applyAll([op]);
    expect(projectAll(store.doc).activities![0]).toMatchObject({
      id: 'act-1', kind: 'stage-change', creatorId: 'cr-1', campaignId: null, engagementId: 'en-1', body: '', dueAt: null, doneAt: null, channel: null, data: { from: 's1', to: 's2' },
    });
  });

  it('leaves out what was not given, so a reminder raised by the app has no author', () => {
    const input = activityInput({ kind: 'task', title: 'Renew', at: '2026-11-05T10:00:00.000Z', actorId: undefined, dueAt: '2026-11-20T09:00:00.000Z' });
    expect(Object.keys(input).sort()).toEqual(['at', 'dueAt', 'kind', 'title']);
  });

  it('names the author only once they have chosen a name', () => {
    expect(actorOf({ id: 'p1', name: 'A teammate', named: false })).toEqual({ id: 'p1', name: null });
    expect(actorOf({ id: 'p1', name: 'Sam', named: true })).toEqual({ id: 'p1', name: 'Sam' });
  });

  it('is refused by the store when the title is empty, as any record is', () => {
    const store = new WorkspaceStore(new Y.Doc());
    expect(() => store.applyAll([activityRecord({ kind: 'note', title: '  ', at: '2026-11-05T10:00:00.000Z' }, 'act-1')])).toThrow(/Title is required/);
  });

  it('refuses a reminder raised twice under one id with a code, so the second laptop can tell it is the same task', () => {
    const store = new WorkspaceStore(new Y.Doc());
    const reminder = activityInput({ kind: 'task', title: 'Renew usage rights', at: '2026-11-05T10:00:00.000Z' });
    store.create('activities', reminder, { id: 'renewal-r1-30' });
    let refused: unknown;
    try {
      store.create('activities', reminder, { id: 'renewal-r1-30' });
    } catch (error) {
      refused = error;
    }
    expect(isCommandError(refused, 'exists')).toBe(true);
    expect(isCommandError(new Error('already there'), 'exists')).toBe(false);
  });
});
