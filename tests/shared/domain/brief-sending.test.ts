import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { sendBriefOperations } from '../../../src/shared/domain/brief-sending';

const at = '2026-11-05T10:00:00.000Z';

describe('sending a brief', () => {
  it('marks the brief sent to each new creator, with a line in each timeline, and skips who already has this version', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const doc = store.create('documents', { kind: 'brief', title: 'Spring Glow brief', campaignId: 'ca', version: 2, sentTo: [{ creatorId: 'ana', at: '2026-11-01T10:00:00.000Z', by: 'sam' }] });
    const brief = store.get('documents', doc.id)!;
    let n = 0;
    const ops = sendBriefOperations({ ...brief, title: 'Spring Glow brief', version: 2 }, ['ana', 'ben', 'ben', 'cy'], { id: 'sam', name: 'Sam' }, at, () => `act-${++n}`);
    store.applyAll(ops);
    expect(store.get('documents', doc.id)).toMatchObject({ status: 'sent', sentTo: [{ creatorId: 'ana' }, { creatorId: 'ben', at, by: 'sam' }, { creatorId: 'cy', at, by: 'sam' }] });
    expect([store.get('activities', 'act-1'), store.get('activities', 'act-2')]).toMatchObject([
      { kind: 'note', title: 'Brief sent: Spring Glow brief (v2)', creatorId: 'ben', campaignId: 'ca', actorId: 'sam', data: { documentId: doc.id, version: 2, byName: 'Sam' } },
      { creatorId: 'cy' },
    ]);
    expect(store.get('activities', 'act-3')).toBeNull();
    store.undo();
    expect(store.get('documents', doc.id)?.sentTo).toHaveLength(1);
  });
});
