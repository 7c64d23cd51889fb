import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { createInProcessHost } from '../../../../src/main/handlers';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import { readOptInForm } from '../../../../src/shared/documents/read-form';
import { pdfText, qpdfCheck, writeTemp } from './pdf-tools';

const host = createInProcessHost();
const brand = { ...defaultBrandKit, name: 'Tempo Running' };
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
// Set FANFARE_DOCS_LOOK=/some/dir to keep the PDFs for a look (pdftoppm -png -r 60).
const keep = (name: string, bytes: Uint8Array) => process.env.FANFARE_DOCS_LOOK && writeFileSync(`${process.env.FANFARE_DOCS_LOOK}/${name}.pdf`, bytes);

describe('opt-in forms', () => {
  it('have fields for address, sizes, products and agreement that any reader fills, and read back into answers', async () => {
    const file = await host['documents-render']({ document: {
      kind: 'opt-in-form', brand, campaignName: 'Run Club ambassadors', creatorName: 'Алёна Смирнова', creatorEmail: 'alena@example.com',
      sizeQuestions: [{ key: 'shoe-eu', label: 'Shoe size (EU)' }, { key: 'top', label: 'T-shirt size' }],
      products: [{ id: 'demo-pr-shoe', name: 'Tempo Runner', options: 'EU 38–44' }, { id: 'demo-pr-socks', name: 'Race socks', options: '' }],
      agreement: 'I agree to post one Reel and one TikTok with #ad within 30 days of receiving the products.', returnBy: '1 March 2026', returnTo: 'hello@tempo.example',
    } });
    keep('opt-in-form', bytesOf(file.pdfBase64));
    const path = writeTemp(bytesOf(file.pdfBase64));
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfText(path)).toContain('Алёна Смирнова');
    expect(file.fields).toEqual(expect.arrayContaining(['address.line1', 'address.postalCode', 'address.country', 'size.shoe-eu', 'size.top', 'product.demo-pr-shoe', 'product.demo-pr-socks', 'agree', 'signature.name', 'signature.date']));

    // The creator fills it in (here with pdf-lib, as a reader would) and sends it back.
    const doc = await PDFDocument.load(bytesOf(file.pdfBase64));
    const form = doc.getForm();
    form.getTextField('address.line1').setText('Kazimierza Wielkiego 12');
    form.getTextField('address.postalCode').setText('50-077');
    form.getTextField('address.city').setText('Wroclaw');
    form.getTextField('address.country').setText('Poland');
    form.getTextField('size.shoe-eu').setText('39');
    form.getCheckBox('product.demo-pr-shoe').check();
    form.getCheckBox('agree').check();
    form.getTextField('signature.name').setText('Alena Smirnova');
    form.getTextField('signature.date').setText('2026-02-22');
    const returned = await doc.save();
    expect(qpdfCheck(writeTemp(returned))).toMatch(/No syntax or stream encoding errors/);

    expect(await readOptInForm(returned)).toEqual({
      name: 'Алёна Смирнова', email: 'alena@example.com', phone: '',
      address: { line1: 'Kazimierza Wielkiego 12', line2: '', city: 'Wroclaw', region: '', postalCode: '50-077', country: 'Poland' },
      sizes: { 'shoe-eu': '39' }, productIds: ['demo-pr-shoe'], notes: '', agreed: true, signedName: 'Alena Smirnova', signedOn: '2026-02-22', other: {},
    });
  });

  it('refuses a form without a campaign, naming the field', async () => {
    const error = await host['documents-render']({ document: { kind: 'opt-in-form', brand, campaignName: ' ', creatorName: '', creatorEmail: '', sizeQuestions: [], products: [], agreement: 'x', returnBy: '', returnTo: '' } }).catch((e: Error & { fields?: Record<string, string> }) => e);
    expect((error as Error & { fields?: Record<string, string> }).fields).toMatchObject({ 'document.campaignName': 'Choose a campaign' });
  });
});

describe('whitelisting guides', () => {
  it('walk the creator through Meta partnership ads and TikTok Spark codes with this brand’s and creator’s details', async () => {
    const file = await host['documents-render']({ document: {
      kind: 'whitelisting-guide', brand, creatorName: 'Nguyễn Thị Hương', creatorInstagram: 'huong.runs', creatorTiktok: '@huongruns', brandInstagram: 'temporunning', brandTiktok: 'tempo.running',
      metaBusinessName: 'Tempo Running Ltd', sparkDays: 60, accessUntil: '30 June 2026', sendCodesTo: 'ads@tempo.example', deadline: '5 March 2026',
    } });
    keep('whitelisting-guide', bytesOf(file.pdfBase64));
    const text = pdfText(writeTemp(bytesOf(file.pdfBase64))).replace(/\s+/g, ' ');
    for (const s of ['Nguyễn Thị Hương', '@temporunning', '@tempo.running', '@huong.runs', 'Tempo Running Ltd', '60 days', '30 June 2026', 'ads@tempo.example', 'Partnership ad permissions', 'Spark Ads', 'Generate code']) expect(text).toContain(s);
  });
});

describe('campaign plans', () => {
  it('list every creator on as many pages as it takes, the table header on each', async () => {
    const creators = Array.from({ length: 150 }, (_, i) => ({ name: i === 149 ? 'Ψυχή Παπαδοπούλου' : `Creator ${i + 1}`, handle: `@c${i + 1}`, step: 'Contacted', fee: '$500.00', deliverables: '1 Reel, 1 TikTok' }));
    const file = await host['documents-render']({ document: {
      kind: 'campaign-plan', brand, name: 'Run Club ambassadors', campaignKind: 'program', objective: 'conversion', activationModels: ['ambassador', 'affiliate'], dates: 'from 1 May 2026',
      budget: '$48,000.00', committed: '$12,500.00', keyMessages: ['Built for every mile'], kpiTargets: [{ kpi: 'revenue', target: '$80,000' }],
      buckets: [{ name: 'Core ambassadors', range: '10,000+', target: 12, inPipeline: 20 }], steps: [{ name: 'Contacted', count: 150 }], creators,
    } });
    keep('campaign-plan', bytesOf(file.pdfBase64));
    expect(file.pageCount).toBeGreaterThan(3);
    const text = pdfText(writeTemp(bytesOf(file.pdfBase64)));
    expect(text).toContain('Ψυχή Παπαδοπούλου');
    expect(text.split('\n').filter((l) => /Creator\s+Handle\s+Step\s+Fee\s+Deliverables/.test(l)).length).toBeGreaterThanOrEqual(file.pageCount - 1);
  });
});
