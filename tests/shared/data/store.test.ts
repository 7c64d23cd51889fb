import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../../../src/shared/data/command-error';
import { WorkspaceStore } from '../../../src/shared/data/store';

function newStore() {
  return new WorkspaceStore(new Y.Doc(), { actorId: 'me' });
}

describe('domain commands', () => {
  it('creates a creator with defaults, normalised handles and base fields', () => {
    const store = newStore();
    const creator = store.create('creators', {
      name: 'Zoë Łukasiewicz',
      accounts: [{ platform: 'instagram', handle: '@ZoeRuns' }],
      emails: [{ address: 'Zoe@Example.com', primary: true }],
    });
    expect(creator.accounts[0].handle).toBe('zoeruns');
    expect(creator.emails[0].address).toBe('zoe@example.com');
    expect(creator.schemaVersion).toBe(2);
    expect(creator.deletedAt).toBeNull();
    expect(creator.createdBy).toBe('me');
    expect(store.get('creators', creator.id)?.name).toBe('Zoë Łukasiewicz');
  });

  it('refuses invalid input with a message per field and writes nothing', () => {
    const store = newStore();
    let error: unknown;
    try {
      store.create('creators', { name: '  ', emails: [{ address: 'not-an-email', primary: true }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandError);
    const fields = (error as CommandError).fields;
    expect(fields.name).toBe('Name is required');
    expect(fields['emails.0.address']).toBe('This is not an email address');
    expect(store.list('creators')).toHaveLength(0);
  });

  it('validates a bulk create fully before writing any of it', () => {
    const store = newStore();
    expect(() => store.createMany('creators', [{ name: 'Ok' }, { name: '' }])).toThrow(/item 2/);
    expect(store.list('creators')).toHaveLength(0);
  });

  it('updates only the fields in the patch, validating the whole record', () => {
    const store = newStore();
    const c = store.create('campaigns', { name: 'Spring', startsOn: '2026-03-01', endsOn: '2026-04-01' });
    store.update('campaigns', c.id, { name: 'Spring Glow' });
    expect(store.get('campaigns', c.id)?.name).toBe('Spring Glow');
    expect(() => store.update('campaigns', c.id, { endsOn: '2026-02-01' })).toThrow(/end date is before the start date/);
    expect(store.get('campaigns', c.id)?.endsOn).toBe('2026-04-01');
  });

  it('soft-deletes and restores', () => {
    const store = newStore();
    const c = store.create('creators', { name: 'Alena' });
    store.softDelete('creators', [c.id]);
    expect(store.list('creators')).toHaveLength(0);
    expect(store.list('creators', { includeDeleted: true })[0].deletedAt).toMatch(/^\d{4}-/);
    store.restore('creators', [c.id]);
    expect(store.list('creators')).toHaveLength(1);
  });

  it('says a record no longer exists instead of failing obscurely', () => {
    const store = newStore();
    expect(() => store.update('creators', 'nope', { name: 'x' })).toThrow('This creator no longer exists.');
  });

  it('undoes and redoes the user’s own edits, not system changes', () => {
    const store = newStore();
    const system = store.create('creators', { name: 'From demo' }, { origin: 'fanfare:system' });
    const mine = store.create('creators', { name: 'Mine' });
    store.stopCapturing();
    store.update('creators', mine.id, { name: 'Mine, renamed' });
    store.stopCapturing();
    expect(store.undo()).toBe(true);
    expect(store.get('creators', mine.id)?.name).toBe('Mine');
    expect(store.undo()).toBe(true);
    expect(store.get('creators', mine.id)).toBeNull();
    expect(store.undo()).toBe(false);
    expect(store.get('creators', system.id)?.name).toBe('From demo');
    expect(store.redo()).toBe(true);
    expect(store.get('creators', mine.id)?.name).toBe('Mine');
  });

  it('undoes a soft delete', () => {
    const store = newStore();
    const c = store.create('creators', { name: 'Keep me' }, { origin: 'fanfare:system' });
    store.softDelete('creators', [c.id]);
    store.undo();
    expect(store.get('creators', c.id)?.deletedAt).toBeNull();
  });

  it('keeps concurrent edits to different fields of one record', () => {
    const a = newStore();
    const c = a.create('creators', { name: 'Maya', notes: '' });
    const b = new WorkspaceStore(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.update('creators', c.id, { name: 'Maya Johnson' });
    b.update('creators', c.id, { notes: 'Prefers email' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    for (const store of [a, b]) {
      expect(store.get('creators', c.id)).toMatchObject({ name: 'Maya Johnson', notes: 'Prefers email' });
    }
  });

  it('reorders by writing one position between neighbours', () => {
    const store = newStore();
    const [x, y, z] = store.createMany('creators', [{ name: 'x' }, { name: 'y' }, { name: 'z' }]);
    store.move('creators', z.id, { before: y.position, after: x.position });
    const order = store.list('creators').sort((p, q) => p.position - q.position).map((r) => r.name);
    expect(order).toEqual(['x', 'z', 'y']);
  });
});
