import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { StoredBackupInfo } from '../../../../src/shared/api/contract';
import { bytesOfSource, readBackupIndex, readSection } from '../../../../src/shared/backup/backup-format';
import { creatorFields } from '../../../../src/shared/data/schemas/creators';
import { collectionMap, readRecord } from '../../../../src/shared/data/ydoc';

// A workspace written by an older Fanfare, opened the way the app opens one
// (WorkspaceSession, the real data engine, IndexedDB through fake-indexeddb):
// a "before a migration" backup is kept, holding the records as they were.
//
// The renderer reaches the backups folder through the host; here the host
// keeps those files in memory (the folder itself is tested on a real disk in
// tests/main/services/backups). Every other part is the app's own.
const kept = vi.hoisted(() => ({ files: [] as { info: { id: string; sizeBytes: number; header: unknown }; bytes: Uint8Array }[], refuse: null as string | null }));
vi.mock('../../../../src/renderer/src/host', async () => {
  const { readBackupHeader, bytesOfSource: source } = await import('../../../../src/shared/backup/backup-format');
  const uploads = new Map<string, Uint8Array[]>();
  return {
    host: {
      'app-info': async () => ({ version: 'test' }),
      'backup-list': async ({ workspaceId }: { workspaceId?: string }) => ({
        backups: kept.files.map((f) => f.info).filter((i) => !workspaceId || (i.header as { workspace: { id: string } }).workspace.id === workspaceId).reverse(),
        folder: '/backups',
      }),
      'backup-save': async ({ uploadId, data, last }: { uploadId: string; data: string; last: boolean }) => {
        if (kept.refuse) throw new Error(kept.refuse);
        const parts = uploads.get(uploadId) ?? [];
        parts.push(Uint8Array.from(Buffer.from(data, 'base64')));
        uploads.set(uploadId, parts);
        const receivedBytes = parts.reduce((n, p) => n + p.length, 0);
        if (!last) return { done: false, receivedBytes };
        const bytes = new Uint8Array(Buffer.concat(parts));
        const { header } = await readBackupHeader(source(bytes));
        const info = { id: `${uploadId}.fanfare-backup`, sizeBytes: bytes.length, header };
        kept.files.push({ info, bytes });
        return { done: true, backup: info };
      },
    },
  };
});

const { LocalStore } = await import('../../../../src/renderer/src/data/local-store');
const { ydocDatabaseName } = await import('../../../../src/renderer/src/data/engine/names');
const { WorkspaceSession } = await import('../../../../src/renderer/src/data/workspace-session');
const { readUpdates } = await import('../../../../src/renderer/src/data/backup/y-indexeddb-files');
const { backUpBeforeMigration } = await import('../../../../src/renderer/src/data/backup/automatic-backups');

// Two browser parts Node 20 lacks: localStorage (getMe() keeps who is at this
// computer there) and FileReader (backups travel to the host base64-encoded).
const storage = new Map<string, string>();
class NodeFileReader {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(blob: Blob) {
    blob.arrayBuffer().then((bytes) => {
      this.result = `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(bytes).toString('base64')}`;
      this.onload?.();
    }, (error: Error) => {
      this.error = error;
      this.onerror?.();
    });
  }
}
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) },
  ...(typeof FileReader === 'undefined' ? { FileReader: NodeFileReader } : {}),
});

/** Stores creators as version 1 of Fanfare wrote them (one email string) in the workspace's IndexedDB. */
async function writeOldWorkspace(workspaceId: string, emails: Record<string, string>): Promise<void> {
  const doc = new Y.Doc();
  const local = new LocalStore(ydocDatabaseName(workspaceId), doc);
  await local.loaded;
  doc.transact(() => {
    for (const [id, email] of Object.entries(emails)) {
      const map = new Y.Map<unknown>();
      // Today's fields with their defaults, but one email string where v2 keeps a list.
      const { emails: _, ...fields } = creatorFields.parse({ name: `Creator ${id}` });
      for (const [k, v] of Object.entries({
        ...fields, id, schemaVersion: 1, position: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
        createdBy: null, deletedAt: null, email,
      })) map.set(k, v);
      collectionMap(doc, 'creators').set(id, map);
    }
  });
  await local.flush();
  await local.destroy();
  doc.destroy();
}

async function workspaceInBackup(bytes: Uint8Array): Promise<Y.Doc> {
  const source = bytesOfSource(bytes);
  const index = await readBackupIndex(source);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await readSection(source, index.sections.find((s) => s.kind === 'workspace')!));
  return doc;
}

async function storedWorkspace(workspaceId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await readUpdates(ydocDatabaseName(workspaceId))) Y.applyUpdate(doc, update);
  return doc;
}

const sessions: Awaited<ReturnType<typeof WorkspaceSession.open>>[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  kept.files.length = 0;
  kept.refuse = null;
});

describe('a backup before a migration', () => {
  it('is kept with the records as they were, before the engine changes them', async () => {
    await writeOldWorkspace('ws-old', { c1: 'Alena@Example.com', c2: 'sam@example.com' });
    const entry = { id: 'ws-old', name: 'Acme', createdAt: '2026-01-01T00:00:00.000Z' };
    let backups: (StoredBackupInfo | null)[] = [];
    const storedWhileBackingUp: unknown[] = [];
    const session = await WorkspaceSession.open('ws-old', {
      beforeMigration: async (state) => {
        backups.push(await backUpBeforeMigration(entry as never, state));
        // The engine waits for the backup: what this computer holds is still the old shape.
        storedWhileBackingUp.push(readRecord(await storedWorkspace('ws-old'), 'creators', 'c1')?.schemaVersion);
      },
    });
    sessions.push(session);
    await session.caughtUp;

    expect(backups).toHaveLength(1);
    expect(storedWhileBackingUp).toEqual([1]);
    expect(kept.files).toHaveLength(1);
    expect(kept.files[0].info.header).toMatchObject({ reason: 'before-migration', workspace: { id: 'ws-old', name: 'Acme' } });
    const before = await workspaceInBackup(kept.files[0].bytes);
    expect(readRecord(before, 'creators', 'c1')).toMatchObject({ schemaVersion: 1, email: 'Alena@Example.com' });
    expect(readRecord(before, 'creators', 'c2')).toMatchObject({ schemaVersion: 1, email: 'sam@example.com' });

    // The workspace itself moved on to the current shape, in the projection and on this computer.
    await session.flush();
    expect(readRecord(await storedWorkspace('ws-old'), 'creators', 'c1')).toMatchObject({ schemaVersion: 2 });
    const [c1] = await session.projection.collections.creators.find({ selector: { id: 'c1' } }).exec();
    expect(c1.toJSON()).toMatchObject({ schemaVersion: 2, emails: [{ address: 'alena@example.com', primary: true }] });

    // Opened again, nothing needs migrating: no second backup.
    await session.close();
    sessions.length = 0;
    backups = [];
    const again = await WorkspaceSession.open('ws-old', { beforeMigration: async (state) => { backups.push(await backUpBeforeMigration(entry as never, state)); } });
    sessions.push(again);
    await again.caughtUp;
    expect(backups).toEqual([]);
    expect(kept.files).toHaveLength(1);
  });

  it('does not stop the migration when the backup cannot be kept, and the failure reaches the caller', async () => {
    await writeOldWorkspace('ws-full', { c1: 'a@b.co' });
    kept.refuse = 'There is not enough space on this computer to keep the backup.';
    const failures: string[] = [];
    const session = await WorkspaceSession.open('ws-full', {
      beforeMigration: (state) => backUpBeforeMigration({ id: 'ws-full', name: 'Full' } as never, state).catch((error: Error) => { failures.push(error.message); }),
    });
    sessions.push(session);
    await session.caughtUp;
    expect(failures).toEqual(['There is not enough space on this computer to keep the backup.']);
    expect(kept.files).toEqual([]);
    const [c1] = await session.projection.collections.creators.find({ selector: { id: 'c1' } }).exec();
    expect(c1.toJSON()).toMatchObject({ schemaVersion: 2, emails: [{ address: 'a@b.co', primary: true }] });
  });
});
