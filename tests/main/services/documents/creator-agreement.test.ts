import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { contractMergeValues, defaultClauseIds, type ContractSource } from '../../../../src/shared/documents/creator-agreement';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import { pdfInfo, pdfText, qpdfCheck, writeTemp } from './pdf-tools';
import { readFormFields } from '../../../../src/shared/documents/read-form';

const store = new MediaStore(mkdtempSync(join(tmpdir(), 'fanfare-docs-media-')));
const host = createInProcessHost(createHostHandlers({ mediaStore: store }));
const brand = { ...defaultBrandKit, name: 'Lumen Skin' };

function source(name: string, deliverables = 2): ContractSource {
  return {
    brand,
    brandLegalName: 'Lumen Skin Ltd',
    creator: { name, handle: '@creator', email: 'c@example.com', address: '' },
    campaign: { name: 'Spring glow', startsOn: '2026-03-01', endsOn: '2026-03-31' },
    terms: {
      fee: { amountMicros: 1_250_000_000, currency: 'EUR' },
      bonus: { amountMicros: 200_000_000, currency: 'EUR' },
      productValue: { amountMicros: 89_000_000, currency: 'EUR' },
      commissionPercent: 10,
      exclusivityDays: 30,
      deliverables: Array.from({ length: deliverables }, (_, i) => ({ platform: i % 2 ? 'tiktok' : 'instagram', format: 'reel', quantity: 1, dueOn: '2026-03-12', usageRights: 'Paid use on Meta for 90 days, worldwide' })),
    },
    competitors: 'GlowCo, Dewy Labs',
    issuedOn: '2026-02-20',
  };
}

async function contract(name: string, deliverables = 2) {
  const mergeValues = contractMergeValues(source(name, deliverables));
  return host['documents-render']({ document: { kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) } });
}

describe('contracts', () => {
  it.each(['Zoë Łukasiewicz', 'Ψυχή', 'Алёна', 'Nguyễn Thị Hương', '王小明'])('merges every value for %s, readable by pdftotext', async (name) => {
    const file = await contract(name);
    const path = writeTemp(Buffer.from(file.pdfBase64, 'base64'));
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const value of [name, '@creator', 'Lumen Skin Ltd', 'Spring glow', '€1,250.00', '€200.00', '€89.00', '10%', '30 days', 'GlowCo, Dewy Labs', 'Paid use on Meta for 90 days, worldwide', '12 March 2026', '1 March 2026', '31 March 2026', 'England and Wales', '#ad']) {
      expect(text, value).toContain(value);
    }
    expect(file.fileName).toBe(`Creator agreement – ${name}.pdf`);
    expect(pdfInfo(path).Title).toContain(name);
  });

  it('has signature, name and date fields a creator can fill in, and they read back', async () => {
    const file = await contract('Zoë Łukasiewicz');
    expect(file.fields).toEqual(['creator.signature', 'creator.name', 'creator.date', 'brand.signature', 'brand.name', 'brand.date']);
    const doc = await PDFDocument.load(Buffer.from(file.pdfBase64, 'base64'));
    const form = doc.getForm();
    form.getTextField('creator.signature').setText('Zoe L.');
    form.getTextField('creator.name').setText('ZOE LUKASIEWICZ');
    form.getTextField('creator.date').setText('2026-02-21');
    const filled = await doc.save();
    const path = writeTemp(filled);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    expect(await readFormFields(filled)).toMatchObject({ 'creator.signature': 'Zoe L.', 'creator.name': 'ZOE LUKASIEWICZ', 'creator.date': '2026-02-21', 'brand.name': '' });
  });

  it('grows by pages as deliverables are added, and the table header repeats', async () => {
    const small = await contract('Алёна', 1);
    const big = await contract('Алёна', 80);
    expect(big.pageCount).toBeGreaterThan(small.pageCount + 1);
    const text = pdfText(writeTemp(Buffer.from(big.pdfBase64, 'base64')));
    const headerRepeats = text.split('\n').filter((l) => /Platform\s+Content\s+Qty\s+Due\s+Usage rights/.test(l)).length;
    expect(headerRepeats).toBeGreaterThan(1);
  });

  it('describes each page for the on-screen preview', async () => {
    const mergeValues = contractMergeValues(source('Ψυχή'));
    const file = await host['documents-render']({ document: { kind: 'contract', brand, mergeValues, clauseIds: [] }, preview: true });
    expect(file.preview?.pages).toHaveLength(file.pageCount);
    // The name is drawn as the brand font's glyphs for Ψ υ χ ή, with their outlines sent along.
    const psi = file.preview?.pages[0].flatMap((op) => (op.op === 'glyphs' ? op.glyphs.map((g) => file.preview?.fonts[op.font]?.paths[g.id]) : []));
    expect(psi?.length).toBeGreaterThan(20);
    expect(psi?.every((path) => typeof path === 'string')).toBe(true);
  });

  it('keeps a signed copy in the media store', async () => {
    const file = await contract('Zoë Łukasiewicz');
    const stored = await host['documents-store-file']({ fileName: 'signed.pdf', base64: file.pdfBase64 });
    expect(stored).toMatchObject({ fileName: 'signed.pdf', kind: 'document', mimeType: 'application/pdf', sizeBytes: file.sizeBytes });
    expect((await store.status([stored.sha256])).present).toEqual([stored.sha256]);
    const doc = await PDFDocument.load(Buffer.from(file.pdfBase64, 'base64'));
    doc.getForm().getTextField('creator.name').setText('ZOË ŁUKASIEWICZ');
    const signed = await host['documents-store-file']({ fileName: 'signed.pdf', base64: Buffer.from(await doc.save({ updateFieldAppearances: false })).toString('base64') });
    expect((await host['documents-read-form']({ sha256: signed.sha256 })).fields).toMatchObject({ 'creator.name': 'ZOË ŁUKASIEWICZ', 'creator.date': '' });
    const notPdf = await host['documents-store-file']({ fileName: 'note.txt', base64: Buffer.from('hello').toString('base64') });
    await expect(host['documents-read-form']({ sha256: notPdf.sha256 })).rejects.toThrow('not a PDF Fanfare can read');
  });
});
