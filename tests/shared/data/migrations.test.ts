import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateRecord, migrateWorkspace } from '../../../src/shared/data/migrations';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { collectionMap } from '../../../src/shared/data/ydoc';

/** A creator as version 1 of Fanfare wrote it: one email string. */
function writeV1Creator(doc: Y.Doc, id: string, email: string | null) {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({
    id, schemaVersion: 1, position: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: null, deletedAt: null, name: 'Алёна', email, accounts: [], tags: [],
  })) map.set(k, v);
  collectionMap(doc, 'creators').set(id, map);
}

describe('schema migrations', () => {
  it('moves a v1 creator to v2 in the Y.Doc: one email becomes a primary email', () => {
    const doc = new Y.Doc();
    writeV1Creator(doc, 'c1', ' Alena@Example.com ');
    writeV1Creator(doc, 'c2', null);
    expect(migrateWorkspace(doc)).toBe(2);
    const store = new WorkspaceStore(doc);
    const c1 = store.get('creators', 'c1') as unknown as Record<string, unknown>;
    expect(c1.schemaVersion).toBe(2);
    expect(c1.emails).toEqual([{ address: 'alena@example.com', primary: true }]);
    expect('email' in c1).toBe(false);
    expect((store.get('creators', 'c2') as unknown as Record<string, unknown>).emails).toEqual([]);
    // Migrated records are valid for the current commands.
    expect(store.update('creators', 'c1', { name: 'Alena' }).name).toBe('Alena');
  });

  it('is idempotent and does not touch current records', () => {
    const doc = new Y.Doc();
    new WorkspaceStore(doc).create('creators', { name: 'Current' });
    writeV1Creator(doc, 'old', 'a@b.co');
    expect(migrateWorkspace(doc)).toBe(1);
    expect(migrateWorkspace(doc)).toBe(0);
  });

  it('is not undoable: the user did not make that change', () => {
    const doc = new Y.Doc();
    const store = new WorkspaceStore(doc);
    writeV1Creator(doc, 'old', 'a@b.co');
    migrateWorkspace(doc);
    expect(store.undo()).toBe(false);
  });

  it('migrates a v1 record from a teammate the same way (pure step)', () => {
    const migrated = migrateRecord('creators', { id: 'x', schemaVersion: 1, email: 'X@Y.CO' });
    expect(migrated).toMatchObject({ schemaVersion: 2, emails: [{ address: 'x@y.co', primary: true }] });
  });
});
