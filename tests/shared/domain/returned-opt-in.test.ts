import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { optInFromForm, optInSaveWrites, sizeLabel, type OptInSave } from '../../../src/shared/domain/returned-opt-in';

const blank = { name: '', email: '', phone: '', address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' }, sizes: {}, productIds: [], notes: '', agreed: false, signedName: '', signedOn: '', other: {} };

describe('optInFromForm', () => {
  it('takes what the creator filled in, the country as a code and products by name', () => {
    const read = optInFromForm({
      ...blank, name: 'Zoë Łukasiewicz', address: { ...blank.address, line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-001', country: 'Polska' },
      sizes: { top: 'M', 'shoe-size-eu': '39' }, productIds: ['serum', 'gone'], agreed: true,
    }, new Map([['serum', 'Glow Serum 30 ml']]));
    expect(read.address).toEqual({ name: 'Zoë Łukasiewicz', line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-001', country: 'PL' });
    expect(read.sizes).toEqual({ Top: 'M', 'Shoe size eu': '39' });
    expect(read.products).toEqual(['Glow Serum 30 ml']);
    expect(read.agreed).toBe(true);
    expect(read.review).toEqual(['A product they ticked is no longer in the catalogue (gone).']);
    expect(read.transcript).toContain('Product: gone');
  });

  it('keeps phone, email and their notes, and says when a country or an email cannot be used', () => {
    const read = optInFromForm({ ...blank, phone: '+44 7700 900123', email: 'maya@', notes: 'Sensitive skin, no fragrance please', address: { ...blank.address, country: 'Narnia' } }, new Map());
    expect(read.address).toEqual({});
    expect(read.phone).toBe('+44 7700 900123');
    expect(read.email).toBe('');
    expect(read.creatorNotes).toBe('Sensitive skin, no fragrance please');
    expect(read.review).toEqual(['Email “maya@” is not an email address: it is kept in the timeline note.', 'Country “Narnia” is not one we know: choose it from the list.']);
    expect(read.transcript).toEqual(['Email: maya@', 'Phone: +44 7700 900123', 'Country: Narnia', 'Notes: Sensitive skin, no fragrance please']);
  });

  it('puts a field it has no place for in the review list and the timeline, never drops it', () => {
    const read = optInFromForm({ ...blank, other: { 'creator.tiktok': '@maya' } }, new Map());
    expect(read.unplaced).toEqual([{ field: 'creator.tiktok', value: '@maya' }]);
    expect(read.review[0]).toContain('“creator.tiktok” (“@maya”)');
    expect(read.transcript).toEqual(['creator.tiktok: @maya']);
  });

  it('names sizes from the form’s keys', () => {
    expect(sizeLabel('t-shirt-size')).toBe('T shirt size');
  });
});

describe('saving an opt-in', () => {
  function setup(creator: { phone?: string; emails?: Array<{ address: string; primary: boolean }> } = {}) {
    const store = new WorkspaceStore(new Y.Doc());
    const c = store.create('creators', { name: 'Maya Johnson', ...creator });
    const k = store.create('campaigns', { name: 'Summer Glow' });
    const e = store.create('engagements', { campaignId: k.id, creatorId: c.id, stepId: 'opted-in' });
    let n = 0;
    const base: OptInSave = {
      creatorId: c.id, engagementId: e.id, campaignId: k.id, creatorName: 'Maya Johnson', address: null,
      optIn: { sizes: {}, productPreferences: [], addressConfirmedAt: null, agreedAt: null }, gaps: [],
      phone: null, emails: c.emails, addEmail: null, creatorNotes: '', fromForm: null,
      actor: { id: 'me', name: 'Sam' }, now: '2026-05-22T10:00:00.000Z', newId: () => `act-${++n}`,
    };
    return { store, c, e, base };
  }

  it('puts the phone on the creator, adds a new email, and their notes on the timeline, as one undo step', () => {
    const { store, c, base } = setup({ emails: [{ address: 'maya@old.example', primary: true }] });
    store.applyAll(optInSaveWrites({ ...base, phone: '+44 7700 900123', addEmail: 'Maya@New.example', creatorNotes: 'Sensitive skin, no fragrance please', fromForm: { fileName: 'opt-in.pdf', transcript: ['Phone: +44 7700 900123', 'Notes: Sensitive skin, no fragrance please'] } }));
    const after = store.get('creators', c.id)!;
    expect(after.phone).toBe('+44 7700 900123');
    expect(after.emails).toEqual([{ address: 'maya@old.example', primary: true }, { address: 'maya@new.example', primary: false }]);
    const notes = store.list('activities');
    expect(notes.map((a) => [a.title, a.body])).toEqual([
      ['Opt-in complete', 'From their returned form (opt-in.pdf): Phone: +44 7700 900123 · Notes: Sensitive skin, no fragrance please'],
      ['Note from Maya Johnson’s opt-in', 'Sensitive skin, no fragrance please'],
    ]);
    expect(store.undo()).toBe(true);
    expect(store.get('creators', c.id)!.phone).toBe('');
    expect(store.list('activities')).toHaveLength(0);
  });

  it('leaves the phone alone when it was not touched, and does not add an email twice', () => {
    const { store, c, base } = setup({ phone: '+1 555 0100', emails: [{ address: 'maya@old.example', primary: true }] });
    store.applyAll(optInSaveWrites({ ...base, addEmail: 'MAYA@old.example' }));
    expect(store.get('creators', c.id)).toMatchObject({ phone: '+1 555 0100', emails: [{ address: 'maya@old.example', primary: true }] });
  });

  it('makes a first email primary', () => {
    const { store, c, base } = setup();
    store.applyAll(optInSaveWrites({ ...base, addEmail: 'maya@new.example' }));
    expect(store.get('creators', c.id)!.emails).toEqual([{ address: 'maya@new.example', primary: true }]);
  });

  it('counts the opt-in as their reply when none was logged, and keeps an earlier reply date', () => {
    const { store, e, base } = setup();
    store.applyAll(optInSaveWrites({ ...base, repliedAt: null }));
    expect(store.get('engagements', e.id)!.repliedAt).toBe('2026-05-22T10:00:00.000Z');
    const again = setup();
    again.store.update('engagements', again.e.id, { repliedAt: '2026-05-01T09:00:00.000Z' });
    again.store.applyAll(optInSaveWrites({ ...again.base, repliedAt: '2026-05-01T09:00:00.000Z' }));
    expect(again.store.get('engagements', again.e.id)!.repliedAt).toBe('2026-05-01T09:00:00.000Z');
  });
});
