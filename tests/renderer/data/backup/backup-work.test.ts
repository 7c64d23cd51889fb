import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { collect, restoreDocs } from '../../../../src/renderer/src/data/backup/backup-work';
import { readUpdates } from '../../../../src/renderer/src/data/backup/y-indexeddb-files';
import { DataEngine } from '../../../../src/renderer/src/data/engine/engine';
import { ydocDatabaseName } from '../../../../src/renderer/src/data/engine/names';
import { richTextDatabasePrefix } from '../../../../src/renderer/src/data/rich-text/rich-text-doc';
import { loadSnapshot } from '../../../../src/renderer/src/data/snapshot-store';
import { encodeBackup, type BackupHeader } from '../../../../src/shared/backup/backup-format';
import { projectAll } from '../../../../src/shared/data/batches';

// The backup's reading and writing over real IndexedDB semantics (fake-indexeddb), with y-indexeddb and the data engine themselves.

const header = (richText: number): BackupHeader => ({
  format: 'fanfare-workspace-backup', version: 1, workspace: { id: 'ws', name: 'Acme' }, createdAt: new Date().toISOString(), reason: 'manual',
  appVersion: null, counts: { richText, media: 0, records: {} }, includesMedia: false, mediaBytes: 0,
});

async function fileOf(workspaceId: string, richTextIds: string[]): Promise<Blob> {
  const collected = await collect({
    op: 'collect', workspaceDatabase: ydocDatabaseName(workspaceId),
    richText: richTextIds.map((docId) => ({ docId, database: richTextDatabasePrefix(workspaceId) + docId })),
  }, () => undefined);
  const parts = await encodeBackup(header(collected.richText.length), [
    { kind: 'workspace', key: 'workspace', bytes: collected.workspace.bytes, sha256: collected.workspace.sha256 },
    ...collected.richText.map((d) => ({ kind: 'rich-text' as const, key: d.key, bytes: d.bytes, sha256: d.sha256 })),
  ]);
  return new Blob(parts as BlobPart[]);
}

async function reopen(workspaceId: string) {
  const engine = new DataEngine(() => undefined);
  await engine.open(workspaceId, 'me', null);
  return engine;
}

describe('backing up and restoring IndexedDB as y-indexeddb keeps it', () => {
  it('restores every record, its history and a rich-text document into new databases that the engine and y-indexeddb open as their own', async () => {
    const engine = new DataEngine(() => undefined);
    await engine.open('ws-src', 'alex', null, 'Alex');
    const zoe = engine.create('creators', { name: 'Zoë Runs' });
    engine.update('creators', String(zoe.id), { name: 'Zoë Martin' });
    engine.update('creators', String(zoe.id), { tags: ['running'] });
    const gone = engine.create('creators', { name: 'Sam Lee' });
    engine.softDelete('creators', [String(gone.id)]);
    await engine.flush();
    const original = { records: projectAll((engine as unknown as { doc: Y.Doc }).doc), history: engine.history('creators', String(zoe.id)) };
    await engine.close();

    const note = new Y.Doc();
    const local = new IndexeddbPersistence(`${richTextDatabasePrefix('ws-src')}note_1`, note);
    await local.whenSynced;
    const noteDatabase = `${richTextDatabasePrefix('ws-src')}note_1`;
    const rowsBefore = (await readUpdates(noteDatabase)).length;
    note.getXmlFragment('body').insert(0, [new Y.XmlText('Loves trail running')]);
    // y-indexeddb reports no write; its row appearing is the event to wait for.
    await expect.poll(async () => (await readUpdates(noteDatabase)).length).toBe(rowsBefore + 1);
    await local.destroy();

    const file = await fileOf('ws-src', ['note_1']);
    await restoreDocs({ op: 'restore', file, workspaceId: 'ws-new', workspaceDatabase: ydocDatabaseName('ws-new'), richTextPrefix: richTextDatabasePrefix('ws-new') }, () => undefined);

    const restored = await reopen('ws-new');
    expect(projectAll((restored as unknown as { doc: Y.Doc }).doc)).toEqual(original.records);
    expect(restored.history('creators', String(zoe.id))).toEqual(original.history);
    await restored.close();
    // The restored workspace opens from the snapshot made while restoring.
    expect((await loadSnapshot('ws-new'))?.docs.creators?.map((c) => c.name).sort()).toEqual(['Sam Lee', 'Zoë Martin']);

    const back = new Y.Doc();
    const reopened = new IndexeddbPersistence(`${richTextDatabasePrefix('ws-new')}note_1`, back);
    await reopened.whenSynced;
    expect(back.getXmlFragment('body').toString()).toBe(note.getXmlFragment('body').toString());
    await reopened.destroy();
  });

  it('never writes over a workspace that exists, and leaves nothing behind when it refuses', async () => {
    const engine = new DataEngine(() => undefined);
    await engine.open('ws-there', 'me', null);
    engine.create('creators', { name: 'Already here' });
    await engine.close();
    const file = await fileOf('ws-there', []);
    await expect(restoreDocs({ op: 'restore', file, workspaceId: 'ws-there', workspaceDatabase: ydocDatabaseName('ws-there'), richTextPrefix: richTextDatabasePrefix('ws-there') }, () => undefined))
      .rejects.toThrow(/already holds data; nothing was written over it/);
    const damaged = new Uint8Array(await file.arrayBuffer());
    damaged[damaged.length - 10] ^= 0xff;
    await expect(restoreDocs({ op: 'restore', file: new Blob([damaged]), workspaceId: 'ws-x', workspaceDatabase: ydocDatabaseName('ws-x'), richTextPrefix: richTextDatabasePrefix('ws-x') }, () => undefined))
      .rejects.toThrow(/does not match its fingerprint/);
    expect(await readUpdates(ydocDatabaseName('ws-x'))).toEqual([]);
  });

  it('a backup taken while edits arrive holds a whole prefix of them, each edit entire, and restores', async () => {
    const engine = new DataEngine(() => undefined);
    await engine.open('ws-busy', 'me', null);
    const creator = engine.create('creators', { name: 'Edit 0' });
    let editing = true;
    let last = 0;
    const edits = (async () => {
      for (let i = 1; editing || i < 20; i++) {
        last = i;
        engine.update('creators', String(creator.id), { name: `Edit ${i}`, notes: `note ${i}` });
        await new Promise((r) => setTimeout(r, 0));
        if (i > 2000) break;
      }
    })();
    // The backup starts while edits are arriving.
    await expect.poll(() => last).toBeGreaterThan(5);
    const file = await fileOf('ws-busy', []);
    editing = false;
    await edits;
    await engine.close();

    await restoreDocs({ op: 'restore', file, workspaceId: 'ws-busy-back', workspaceDatabase: ydocDatabaseName('ws-busy-back'), richTextPrefix: richTextDatabasePrefix('ws-busy-back') }, () => undefined);
    const restored = await reopen('ws-busy-back');
    const [record] = projectAll((restored as unknown as { doc: Y.Doc }).doc).creators!;
    const n = Number(String(record.name).replace('Edit ', ''));
    // Name and notes were set together in each edit: a backup never splits one.
    if (n > 0) expect(record.notes).toBe(`note ${n}`);
    // Every edit up to the one shown is in the history (order within one millisecond is the history's own).
    const history = restored.history('creators', String(creator.id)).filter((h) => h.field === 'name').map((h) => Number(String(h.value).replace('Edit ', '')));
    expect(history.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(last); // taken in the middle of the stream, not after it
    expect(last).toBeLessThan(2000);
    await restored.close();
  });
});
