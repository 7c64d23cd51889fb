import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { createInProcessHost } from '../../../../src/main/handlers';
import { CONTRACT_ID, contractMergeValues, defaultClauseIds, type ContractSource } from '../../../../src/shared/documents/creator-agreement';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import { checkSignedCopy, readPdfFacts, type ContractForCheck } from '../../../../src/shared/documents/signed-copy';
import { pdfInfo, qpdfCheck, writeTemp } from './pdf-tools';

const host = createInProcessHost();
const brand = { ...defaultBrandKit, name: 'Lumen Skin' };
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

const maya: ContractForCheck = { id: 'doc-maya', creatorId: 'cr-maya', creatorName: 'Maya Johnson', campaignName: 'Summer Glow' };
const leo: ContractForCheck = { id: 'doc-leo', creatorId: 'cr-leo', creatorName: 'Leo Park', campaignName: 'Summer Glow' };
const mayaSpring: ContractForCheck = { id: 'doc-maya-spring', creatorId: 'cr-maya', creatorName: 'Maya Johnson', campaignName: 'Spring Launch' };
const known = new Map([maya, leo, mayaSpring].map((c) => [c.id, c]));
const lookup = (id: string) => known.get(id) ?? null;

function source(name: string): ContractSource {
  return {
    brand, brandLegalName: 'Lumen Skin Ltd', creator: { name, handle: '@creator', email: 'c@example.com', address: '' },
    campaign: { name: 'Summer Glow', startsOn: '2026-06-01', endsOn: '2026-06-30' },
    terms: { fee: { amountMicros: 900_000_000, currency: 'USD' }, bonus: null, productValue: null, commissionPercent: null, exclusivityDays: null, deliverables: [] },
    issuedOn: '2026-05-20',
  };
}

/** A contract as the Contracts screen makes it (contractRequest adds the record's id); id null is a contract made before ids existed. */
async function contractPdf(name: string, id: string | null): Promise<Uint8Array> {
  const values = contractMergeValues(source(name));
  const mergeValues = id ? { ...values, [CONTRACT_ID]: id } : values;
  const file = await host['documents-render']({ document: { kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) } });
  return bytesOf(file.pdfBase64);
}

/** What a creator does in a PDF reader: types into the signature block and saves. */
async function sign(bytes: Uint8Array, fields: Record<string, string>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const [name, value] of Object.entries(fields)) doc.getForm().getTextField(name).setText(value);
  return doc.save();
}

const signedBy = (name: string) => ({ 'creator.signature': name, 'creator.name': name.toUpperCase(), 'creator.date': '2026-05-22' });

/** A contract made before Fanfare marked its contracts: no id, no "FanfareDocument" entry. */
async function withoutMark(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const info = doc.context.lookup(doc.context.trailerInfo.Info) as unknown as { delete(k: PDFName): void };
  for (const key of ['FanfareDocument', 'FanfareDocumentId', 'FanfareFor']) info.delete(PDFName.of(key));
  return doc.save();
}

const check = async (bytes: Uint8Array, contract = maya) => checkSignedCopy(await readPdfFacts(bytes), contract, lookup);

describe('the id in every contract', () => {
  it('is in the document info, a hidden read-only field and the keywords, as independent readers see them', async () => {
    const path = writeTemp(await contractPdf('Maya Johnson', 'doc-maya'));
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const custom = execFileSync('pdfinfo', ['-custom', path], { encoding: 'utf8' });
    expect(custom).toMatch(/FanfareDocumentId:\s*doc-maya/);
    expect(custom).toMatch(/FanfareDocument:\s+Creator agreement/);
    expect(custom).toMatch(/FanfareFor:\s+Maya Johnson/);
    expect(pdfInfo(path).Keywords).toContain('fanfare-id:doc-maya');
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=acroform', path], { encoding: 'utf8' })) as { acroform: { fields: Array<{ fullname: string; value: string }> } };
    const field = json.acroform.fields.find((f) => f.fullname === 'fanfare.documentId');
    // qpdf's JSON marks text strings with "u:".
    expect(field?.value).toBe('u:doc-maya');
  });

  it('is still found when a reader drops the document info on saving (the hidden field stays)', async () => {
    const doc = await PDFDocument.load(await sign(await contractPdf('Maya Johnson', 'doc-maya'), signedBy('Maya Johnson')));
    doc.context.trailerInfo.Info = undefined;
    const bytes = await doc.save();
    expect((await check(bytes)).verdict).toBe('ok');
  });

  it('every other Fanfare document says what it is', async () => {
    const file = await host['documents-render']({ document: { kind: 'opt-in-form', brand, campaignName: 'Summer Glow', creatorName: '', creatorEmail: '', sizeQuestions: [], products: [], agreement: 'I agree.', returnBy: '', returnTo: '' } });
    expect(execFileSync('pdfinfo', ['-custom', writeTemp(bytesOf(file.pdfBase64))], { encoding: 'utf8' })).toMatch(/FanfareDocument:\s+Opt-in form/);
  });
});

describe('checking a signed copy', () => {
  it('accepts the app’s own contract, signed, and reads who signed and when', async () => {
    const result = await check(await sign(await contractPdf('Maya Johnson', 'doc-maya'), signedBy('Maya Johnson')));
    expect(result).toEqual({ verdict: 'ok', reasons: [], signedBy: 'MAYA JOHNSON', signedOn: '2026-05-22' });
  });

  it('asks about its own contract when the signature field is empty', async () => {
    const result = await check(await sign(await contractPdf('Maya Johnson', 'doc-maya'), { 'creator.name': 'MAYA JOHNSON', 'creator.date': '2026-05-22' }));
    expect(result.verdict).toBe('confirm');
    expect(result.reasons).toEqual(['The signature field is empty.']);
    expect((await check(await contractPdf('Maya Johnson', 'doc-maya'))).reasons).toEqual(['The signature field is empty.']);
  });

  it('accepts a signature drawn over the box (Fill & Sign, Preview) instead of typed', async () => {
    const doc = await PDFDocument.load(await contractPdf('Maya Johnson', 'doc-maya'));
    const widget = doc.getForm().getTextField('creator.signature').acroField.getWidgets()[0];
    const r = widget.getRectangle();
    const page = doc.getPages().find((p) => p.ref === widget.P())!;
    const ink = doc.context.obj({ Type: 'Annot', Subtype: 'Ink', Rect: [r.x + 5, r.y + 2, r.x + 120, r.y + 38], InkList: [[r.x + 5, r.y + 10, r.x + 60, r.y + 30, r.x + 120, r.y + 12]] });
    page.node.addAnnot(doc.context.register(ink));
    expect((await check(await doc.save())).verdict).toBe('ok');
  });

  it('asks about a campaign plan, naming what it is', async () => {
    const file = await host['documents-render']({ document: {
      kind: 'campaign-plan', brand, name: 'Summer Glow', campaignKind: 'launch', objective: 'awareness', activationModels: [], dates: 'June 2026', budget: '$10,000.00', committed: '$0.00',
      keyMessages: [], kpiTargets: [], buckets: [], steps: [], creators: [{ name: 'Maya Johnson', handle: '@maya', step: 'Contracted', fee: '$900.00', deliverables: '1 reel' }],
    } });
    const result = await check(bytesOf(file.pdfBase64));
    expect(result.verdict).toBe('confirm');
    expect(result.reasons).toEqual(['This is not the contract for Maya Johnson: it is a campaign plan (“Summer Glow – campaign plan”).']);
  });

  it('refuses the contract of another creator in this workspace, saying whose it is', async () => {
    const result = await check(await sign(await contractPdf('Leo Park', 'doc-leo'), signedBy('Leo Park')));
    expect(result.verdict).toBe('refuse');
    expect(result.reasons).toEqual(['This is not the contract for Maya Johnson: it is the contract for Leo Park (Summer Glow). Attach it to their contract instead.']);
  });

  it('asks about a contract for someone else that this workspace does not have', async () => {
    const result = await check(await sign(await contractPdf('Leo Park', 'doc-elsewhere'), signedBy('Leo Park')));
    expect(result).toMatchObject({ verdict: 'confirm', reasons: ['This is not the contract for Maya Johnson: it is a contract for Leo Park.'] });
  });

  it('asks about another contract of the same creator (another campaign)', async () => {
    const result = await check(await sign(await contractPdf('Maya Johnson', 'doc-maya-spring'), signedBy('Maya Johnson')));
    expect(result).toMatchObject({ verdict: 'confirm', reasons: ['This is another contract for Maya Johnson (Spring Launch), not this one.'] });
  });

  it('asks about a contract made before contracts carried an id, even when signed (it cannot be matched)', async () => {
    const old = await withoutMark(await sign(await contractPdf('Maya Johnson', null), signedBy('Maya Johnson')));
    expect(execFileSync('pdfinfo', ['-custom', writeTemp(old)], { encoding: 'utf8' })).not.toMatch(/FanfareDocument/);
    const result = await check(old);
    expect(result.verdict).toBe('confirm');
    expect(result.reasons).toEqual(['This contract carries no contract id: it was made before Fanfare marked its contracts, or saved by a program that removed it, so Fanfare cannot check that it is this one.']);
    expect(result.signedBy).toBe('MAYA JOHNSON');
  });

  it('says whose an old contract is when its title names someone else', async () => {
    const old = await withoutMark(await sign(await contractPdf('Leo Park', null), signedBy('Leo Park')));
    expect((await check(old)).reasons).toEqual(['This is not the contract for Maya Johnson: its title reads “Creator agreement – Leo Park”.']);
  });

  it('asks about a scan (no id, no fields)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Signed agreement (scanned)');
    const result = await check(await doc.save());
    expect(result.verdict).toBe('confirm');
    expect(result.reasons).toEqual([
      'Fanfare cannot find a contract id in this file: it may be a scan or a printout. Check that it is the contract Maya Johnson signed.',
      'It has no signature fields Fanfare can read (signed on paper and scanned?): check that it is signed.',
    ]);
  });

  it('refuses a file that is not a PDF, and asks about one it cannot read', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await check(png)).toMatchObject({ verdict: 'refuse', reasons: ['This file is not a PDF. Attach the signed contract as a PDF.'] });
    const broken = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf');
    expect((await check(broken)).verdict).toBe('confirm');
  });
});
