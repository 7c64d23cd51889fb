import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PDFCheckBox, PDFDocument, PDFTextField } from 'pdf-lib';
import { createInProcessHost } from '../../../../src/main/handlers';
import { WorkspaceStore } from '../../../../src/shared/data/store';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import { readOptInForm } from '../../../../src/shared/documents/read-form';
import { optInFromForm, optInSaveWrites } from '../../../../src/shared/domain/returned-opt-in';
import { writeTemp } from './pdf-tools';

const host = createInProcessHost();
const brand = { ...defaultBrandKit, name: 'Lumen Skin' };
const products = new Map([['pr-serum', 'Glow Serum 30 ml'], ['pr-spf', 'Daily SPF 50']]);

/** A value no two fields share, that the record's rules accept, so each can be found where it lands. */
function valueFor(name: string): string {
  if (name === 'creator.email') return 'maya.new@example.com';
  if (name === 'address.country') return 'Poland';
  if (name === 'creator.phone') return '+48 600 100 200';
  if (name === 'notes') return 'Sensitive skin, no fragrance please';
  if (name === 'signature.date') return '22 May 2026';
  return `${name} · Zoë`;
}

describe('a returned opt-in form', () => {
  it('lands whole in the record: every field of the form, enumerated from the PDF itself, has a destination', async () => {
    const file = await host['documents-render']({ document: {
      kind: 'opt-in-form', brand, campaignName: 'Summer Glow', creatorName: 'Maya Johnson', creatorEmail: 'maya@old.example',
      sizeQuestions: [{ key: 'shoe-size-eu', label: 'Shoe size (EU)' }, { key: 't-shirt', label: 'T-shirt size' }],
      products: [...products].map(([id, name]) => ({ id, name, options: '' })), agreement: 'I agree to post with #ad.', returnBy: '1 June 2026', returnTo: 'seeding@lumen.example',
    } });

    // The creator fills in every field there is (a field added to the form later is filled too).
    const doc = await PDFDocument.load(Buffer.from(file.pdfBase64, 'base64'));
    const filled = new Map<string, string | true>();
    for (const field of doc.getForm().getFields()) {
      const name = field.getName();
      if (field instanceof PDFTextField) { field.setText(valueFor(name)); filled.set(name, valueFor(name)); }
      else if (field instanceof PDFCheckBox) { field.check(); filled.set(name, true); }
      else throw new Error(`The opt-in form has a field “${name}” of a kind this test does not fill: teach it how.`);
    }
    expect(filled.size).toBeGreaterThanOrEqual(16);
    const returned = await doc.save();

    // An independent reader sees every value in the returned file.
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=acroform', writeTemp(returned)], { encoding: 'utf8' })) as { acroform: { fields: Array<{ fullname: string; value: string }> } };
    for (const [name, value] of filled) {
      const seen = json.acroform.fields.find((f) => f.fullname === name)?.value;
      if (value === true) expect(seen, name).toMatch(/^\/(Yes|On)$/);
      else expect(seen?.replace(/^u:/, ''), name).toBe(value);
    }

    const read = optInFromForm(await readOptInForm(returned), products);
    expect(read.unplaced, 'fields of the form that nothing reads').toEqual([]);
    expect(read.review).toEqual([]);

    const store = new WorkspaceStore(new Y.Doc());
    const creator = store.create('creators', { name: 'Maya Johnson', emails: [{ address: 'maya@old.example', primary: true }] });
    const campaign = store.create('campaigns', { name: 'Summer Glow' });
    const engagement = store.create('engagements', { campaignId: campaign.id, creatorId: creator.id, stepId: 'opted-in' });
    const now = '2026-05-22T10:00:00.000Z';
    let n = 0;
    store.applyAll(optInSaveWrites({
      creatorId: creator.id, engagementId: engagement.id, campaignId: campaign.id, creatorName: creator.name,
      address: { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '', ...read.address },
      optIn: { sizes: read.sizes, productPreferences: read.products, addressConfirmedAt: now, agreedAt: read.agreed ? now : null }, gaps: [],
      phone: read.phone, emails: creator.emails, addEmail: read.email, creatorNotes: read.creatorNotes,
      fromForm: { fileName: 'opt-in.pdf', transcript: read.transcript }, actor: { id: null, name: null }, now, newId: () => `act-${++n}`,
    }));

    const c = store.get('creators', creator.id)!;
    const e = store.get('engagements', engagement.id)!;
    const timeline = store.list('activities');
    const record = JSON.stringify([c, e, timeline]);
    // Where the fields the brief names must land, exactly.
    expect(c.phone).toBe('+48 600 100 200');
    expect(c.emails.map((m) => m.address)).toContain('maya.new@example.com');
    expect(c.shippingAddress?.country).toBe('PL');
    expect(timeline.find((a) => a.body === 'Sensitive skin, no fragrance please')?.creatorId).toBe(creator.id);
    // And every value filled in is somewhere in the record.
    for (const [name, value] of filled) {
      if (value === true) {
        if (name === 'agree') expect(e.optIn?.agreedAt, name).toBe(now);
        else if (name.startsWith('product.')) expect(e.optIn?.productPreferences, name).toContain(products.get(name.slice(8)));
        else throw new Error(`The tick box “${name}” has no destination in the record.`);
      } else {
        expect(record, `${name} (“${value}”)`).toContain(JSON.stringify(value).slice(1, -1));
      }
    }
  });
});
