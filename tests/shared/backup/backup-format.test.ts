import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BACKUP_END, backupFileName, bytesOfSource, encodeBackup, encodeBackupStart, encodeSectionHead, readBackupHeader, readBackupIndex, readSection,
  restoredWorkspaceName, sha256Hex, type BackupHeader,
} from '../../../src/shared/backup/backup-format';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { projectAll } from '../../../src/shared/data/batches';

function header(overrides: Partial<BackupHeader> = {}): BackupHeader {
  return {
    format: 'fanfare-workspace-backup', version: 1, workspace: { id: 'ws_1', name: 'Acme Beauty' }, createdAt: '2026-12-06T09:30:00.000Z',
    reason: 'manual', appVersion: '1.0.0', counts: { richText: 1, media: 1, records: { creators: 1 } }, includesMedia: true, mediaBytes: 5, ...overrides,
  };
}

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

/** A workspace as y-indexeddb keeps it: many small updates, one per edit. */
function editedWorkspace() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const store = new WorkspaceStore(doc, { actorId: 'alex', actorName: 'Alex' });
  const zoe = store.create('creators', { name: 'Zoë Runs' } as never);
  store.update('creators', zoe.id, { name: 'Zoë Martin' } as never);
  store.update('creators', zoe.id, { tags: ['running'] } as never);
  const other = store.create('creators', { name: 'Sam Lee' } as never);
  store.softDelete('creators', [other.id]);
  return { doc, updates, store, id: zoe.id };
}

async function sampleFile() {
  const ws = editedWorkspace();
  const rich = new Y.Doc();
  rich.getXmlFragment('body').insert(0, [new Y.XmlText('Brief for June')]);
  const media = new TextEncoder().encode('hello');
  const parts = await encodeBackup(header(), [
    { kind: 'workspace', key: 'workspace', bytes: Y.mergeUpdates(ws.updates) },
    { kind: 'rich-text', key: 'doc_brief', bytes: Y.encodeStateAsUpdate(rich) },
    { kind: 'media', key: await sha256Hex(media), bytes: media, name: 'hello.txt' },
  ]);
  return { ws, rich, media, bytes: join(parts) };
}

describe('workspace backup file', () => {
  it('round-trips every record, its history and a rich-text document exactly', async () => {
    const { ws, rich, media, bytes } = await sampleFile();
    const index = await readBackupIndex(bytesOfSource(bytes));
    expect(index.header).toEqual(header());
    expect(index.sections.map((s) => s.kind)).toEqual(['workspace', 'rich-text', 'media']);

    const restored = new Y.Doc();
    Y.applyUpdate(restored, await readSection(bytesOfSource(bytes), index.sections[0]));
    expect(projectAll(restored)).toEqual(projectAll(ws.doc));
    const history = new WorkspaceStore(restored, { actorId: 'x' }).history('creators', ws.id);
    expect(history.map((h) => [h.field, h.value])).toEqual(ws.store.history('creators', ws.id).map((h) => [h.field, h.value]));
    expect(history.length).toBeGreaterThanOrEqual(2);
    // The whole state, deletions included, is byte-for-byte the same document.
    expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(ws.doc));
    expect(Y.encodeSnapshot(Y.snapshot(restored))).toEqual(Y.encodeSnapshot(Y.snapshot(ws.doc)));

    const restoredRich = new Y.Doc();
    Y.applyUpdate(restoredRich, await readSection(bytesOfSource(bytes), index.sections[1]));
    expect(restoredRich.getXmlFragment('body').toString()).toBe(rich.getXmlFragment('body').toString());
    expect(await readSection(bytesOfSource(bytes), index.sections[2])).toEqual(media);
    expect(index.sections[2].name).toBe('hello.txt');
  });

  it('refuses a file cut short, at any length, with a sentence that says so', async () => {
    const { bytes } = await sampleFile();
    for (const length of [3, 10, 20, 100, bytes.length - 40, bytes.length - 4, bytes.length - 1]) {
      await expect(readBackupIndex(bytesOfSource(bytes.subarray(0, length))), `cut at ${length}`).rejects.toThrow(/incomplete|not a Fanfare backup/);
    }
    await expect(readBackupIndex(bytesOfSource(new Uint8Array()))).rejects.toThrow('This backup file is empty');
  });

  it('refuses a file cut exactly between two parts (the end mark and the counts tell)', async () => {
    const h = header({ counts: { richText: 2, media: 0, records: {} }, includesMedia: false });
    const ws = Y.encodeStateAsUpdate(new Y.Doc());
    const sha = await sha256Hex(ws);
    const cut = join([encodeBackupStart(h), encodeSectionHead({ kind: 'workspace', key: 'workspace', size: ws.length, sha256: sha }), ws]);
    await expect(readBackupIndex(bytesOfSource(cut))).rejects.toThrow(/incomplete/);
    const missingPart = join([cut, BACKUP_END]);
    await expect(readBackupIndex(bytesOfSource(missingPart))).rejects.toThrow(/different number of parts/);
  });

  it('says plainly when a file is not a backup at all', async () => {
    const { bytes } = await sampleFile();
    const wrong = bytes.slice();
    wrong.set(new TextEncoder().encode('PK\u0003\u0004'), 0);
    await expect(readBackupHeader(bytesOfSource(wrong))).rejects.toThrow('This is not a Fanfare backup. Choose a file whose name ends in .fanfare-backup.');
    await expect(readBackupHeader(bytesOfSource(new TextEncoder().encode('name,email\nZoë,z@x.com\n')))).rejects.toThrow(/not a Fanfare backup/);
  });

  it('asks for a newer Fanfare when the file is from one', async () => {
    const { bytes } = await sampleFile();
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(8, 99, true);
    await expect(readBackupHeader(bytesOfSource(newer))).rejects.toThrow(/newer version of Fanfare/);
  });

  it('names a media file whose bytes do not match their SHA-256, and the records part when it is damaged', async () => {
    const { bytes } = await sampleFile();
    const index = await readBackupIndex(bytesOfSource(bytes));
    const damaged = bytes.slice();
    damaged[index.sections[2].offset] ^= 0xff;
    await expect(readSection(bytesOfSource(damaged), index.sections[2])).rejects.toThrow('the media file “hello.txt” does not match its fingerprint');
    damaged[index.sections[0].offset + 5] ^= 0xff;
    await expect(readSection(bytesOfSource(damaged), index.sections[0])).rejects.toThrow('the workspace’s records does not match');
  });

  it('names files safely and restored workspaces recognisably', () => {
    expect(backupFileName('Acme: Beauty/EU', new Date(2026, 11, 6, 9, 5))).toBe('Acme Beauty EU 2026-12-06 0905.fanfare-backup');
    expect(restoredWorkspaceName('Acme Beauty', new Date(2026, 11, 6))).toBe('Acme Beauty (restored 6 Dec 2026)');
    expect(restoredWorkspaceName('Acme Beauty (restored 6 Dec 2026)', new Date(2026, 11, 7))).toBe('Acme Beauty (restored 7 Dec 2026)');
  });
});
