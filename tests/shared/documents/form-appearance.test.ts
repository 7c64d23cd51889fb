import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFallbackFonts, loadFontSet } from '../../../src/main/services/documents/fonts';
import { contractMergeValues, contractSpec, defaultClauseIds } from '../../../src/shared/documents/creator-agreement';
import { applyFormAppearances, type FormAppearanceResult } from '../../../src/shared/documents/form-appearance';
import { typingEncoding } from '../../../src/shared/documents/form-typing-font';
import { defaultBrandKit, type DocumentSpec } from '../../../src/shared/documents/model';
import { optInFormSpec } from '../../../src/shared/documents/opt-in-form';
import { readFormFields, readOptInForm } from '../../../src/shared/documents/read-form';
import { renderPdf } from '../../../src/shared/documents/render-pdf';

/**
 * Real forms (renderPdf's contract and opt-in form), given their appearances,
 * then filled and flattened by pdftk-java and read back by poppler.
 */

const fonts = loadFontSet('noto-sans');
const fallbacks = loadFallbackFonts();
// What renderPdf passes (see the report): the brand font, then the same script fonts its text is drawn with.
const formFonts = { regular: fonts.regular, fallbacks: fallbacks.map((f) => f.regular) };
const dir = mkdtempSync(join(tmpdir(), 'fanfare-form-'));
let fileNo = 0;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
function write(bytes: Uint8Array, name = 'form.pdf'): string {
  const path = join(dir, `${fileNo++}-${name}`);
  writeFileSync(path, bytes);
  return path;
}
const text = (path: string) => run('pdftotext', ['-enc', 'UTF-8', path, '-']);

function optIn(creatorName: string): DocumentSpec {
  return optInFormSpec({ campaignName: 'Spring glow', creatorName, creatorEmail: 'c@example.com', sizeQuestions: [{ key: 'shoe', label: 'Shoe size' }], products: [{ id: 'serum', name: 'Serum', options: '30 ml' }], agreement: 'I agree to post within 30 days.', returnBy: '', returnTo: '' }, defaultBrandKit);
}

function contract(creatorName: string): DocumentSpec {
  const values = contractMergeValues({
    brand: defaultBrandKit,
    creator: { name: creatorName, handle: '@c', email: 'c@example.com', address: '' },
    campaign: { name: 'Spring glow', startsOn: '2026-03-01', endsOn: null },
    terms: null,
    issuedOn: '2026-02-20',
  });
  return contractSpec(values, defaultClauseIds(values), defaultBrandKit);
}

/** Today's renderPdf output, then the appearances, saved as renderPdf will save it. */
async function formPdf(spec: DocumentSpec, hint?: string): Promise<{ before: Uint8Array; bytes: Uint8Array; result: FormAppearanceResult }> {
  const rendered = await renderPdf(spec, { fonts, fallbacks, images: new Map() });
  const doc = await PDFDocument.load(rendered.bytes);
  const result = await applyFormAppearances(doc, formFonts, { typingHint: hint });
  doc.getForm().acroForm.dict.set(PDFName.of('NeedAppearances'), doc.context.obj(false));
  return { before: rendered.bytes, bytes: await doc.save({ updateFieldAppearances: false }), result };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function pdftkFill(path: string, values: Record<string, string>, extra: string[] = ['flatten']): string {
  const xfdf = join(dir, `${fileNo++}-data.xfdf`);
  writeFileSync(xfdf, `<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve"><fields>${Object.entries(values).map(([k, v]) => `<field name="${xml(k)}"><value>${xml(v)}</value></field>`).join('')}</fields></xfdf>`, 'utf8');
  const out = join(dir, `${fileNo++}-filled.pdf`);
  run('pdftk', [path, 'fill_form', xfdf, 'output', out, ...extra]);
  return out;
}

/** Where a field's box is, in PDF points, and on which page. */
async function fieldBox(bytes: Uint8Array, name: string) {
  const doc = await PDFDocument.load(bytes);
  const widget = doc.getForm().getField(name).acroField.getWidgets()[0];
  const page = doc.getPages().findIndex((p) => p.ref === widget.P());
  return { page: page + 1, pageHeight: doc.getPage(page).getHeight(), ...widget.getRectangle() };
}

/**
 * Ink inside a field, as runs of inked pixel columns: letters written with a
 * space between them give one run each, and a letter the font lacks gives
 * none (the fillers' code 0 draws nothing in poppler), so a count proves every
 * letter has a glyph on the page.
 */
async function inkRuns(path: string, box: Awaited<ReturnType<typeof fieldBox>>): Promise<number> {
  const dpi = 150;
  const s = dpi / 72;
  const inset = 3;
  const prefix = join(dir, `${fileNo++}-ink`);
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(box.page), '-l', String(box.page), '-singlefile',
    '-x', String(Math.round((box.x + inset) * s)), '-y', String(Math.round((box.pageHeight - box.y - box.height + inset) * s)),
    '-W', String(Math.round((box.width - 2 * inset) * s)), '-H', String(Math.round((box.height - 2 * inset) * s)), path, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = pgm.toString('latin1', 0, 40).split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(pgm.length - w * h);
  let runs = 0;
  let inRun = false;
  for (let x = 0; x < w; x++) {
    let inked = false;
    for (let y = 0; y < h && !inked; y++) inked = pixels[y * w + x] < 140;
    if (inked && !inRun) runs++;
    inRun = inked;
  }
  return runs;
}

const letters = (s: string) => s.split(' ').filter(Boolean).length;
// pdftotext joins one-letter words drawn with a single-byte font; the ink check below counts them apart.
const squeezed = (s: string) => s.replace(/\s+/g, '');

describe('the typing font', () => {
  it('keeps StandardEncoding at its codes and puts the letters of the document’s scripts first', () => {
    const has = () => true;
    const cyrillic = typingEncoding('Алёна Київ', has);
    expect(cyrillic.filter(Boolean)).toHaveLength(255);
    expect(cyrillic[0]).toBe(0);
    expect(cyrillic[0x41]).toBe(0x41);
    expect(cyrillic[0x27]).toBe(0x2019);
    expect(cyrillic[0xe8]).toBe(0x141);
    for (const ch of 'АБВГҐДЕЁЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеёєжзиіїйклмнопрстуфхцчшщьюя') expect(cyrillic, ch).toContain(ch.codePointAt(0));
    const latin = typingEncoding('Zoë', has);
    for (const ch of 'ÀÉÑÖÜßàéñöüçİığĞşŞŁłŃńŚśŹźŻżĄąĘęČčŘřŠšŽžŮůŐőŰűȘșȚț€') expect(latin, ch).toContain(ch.codePointAt(0));
  });
});

describe('forms filled in another tool', () => {
  const cases = [
    { script: 'Latin Extended', name: 'Zoë Łukasiewicz', typed: 'İ ğ Ş ş ı Ř ř Ł ł ą ć ę ń ś ź ż č ž ů ő ű ș ţ ñ ß æ ø é ü' },
    { script: 'Greek', name: 'Ελένη Παπαδοπούλου', typed: 'Ψ υ χ ή Α θ ή ν α ΐ ς ώ Ά Ϊ' },
    { script: 'Cyrillic', name: 'Алёна Ковальчук', typed: 'А л ё н а К и ї в Ґ є Ё ж щ ъ Џ' },
  ];

  it.each(cases)('pdftk fills and flattens every $script letter, and poppler shows and extracts them', async ({ name, typed }) => {
    const { bytes, result } = await formPdf(optIn(name), name);
    for (const ch of typed.replace(/ /g, '')) expect(result.typable, ch).toContain(ch);
    const form = write(bytes);
    expect(run('qpdf', ['--check', form])).toMatch(/No syntax or stream encoding errors/);

    const flat = pdftkFill(form, { 'address.line1': typed, 'address.city': typed, agree: 'Yes' });
    expect(run('qpdf', ['--check', flat])).toMatch(/No syntax or stream encoding errors/);
    const out = text(flat);
    expect(squeezed(out)).toContain(squeezed(typed));
    expect(out).not.toContain('\ufffd');
    expect(out).toContain(name);
    // Every font on the page embedded, the form's own among them.
    const fontsTable = run('pdffonts', [flat]).split('\n').slice(2).filter(Boolean);
    expect(fontsTable.length).toBeGreaterThan(0);
    for (const row of fontsTable) expect(row, row).toMatch(/\byes\s+(yes|no)\s+yes\b/);
    expect(fontsTable.some((row) => /\+NotoSans-Regular\s+TrueType\s/.test(row))).toBe(true);
    expect(await inkRuns(flat, await fieldBox(bytes, 'address.line1'))).toBe(letters(typed));

    // Not flattened, poppler draws pdftk's appearances, and the values read back.
    const filled = pdftkFill(form, { 'address.line1': typed, agree: 'Yes' }, []);
    expect(await inkRuns(filled, await fieldBox(bytes, 'address.line1'))).toBe(letters(typed));
    const answers = await readOptInForm(readFileSync(filled));
    expect(answers).toMatchObject({ name, address: { line1: typed }, agreed: true });
  });

  it('marks what pdftk-java cannot draw (Greek Δ Ω μ, Vietnamese tone letters, Romanian ț) instead of dropping it, and its replacement_font draws it', async () => {
    const typed = 'Δ Ω μ ễ ị ț';
    const { bytes } = await formPdf(optIn('Δημήτρης Nguyễn'), 'Δημήτρης Nguyễn');
    const form = write(bytes);
    // pdftk-java finds a letter of a single-byte font only by an Adobe Glyph List name, and its list maps these names to other characters or has none.
    expect(squeezed(text(pdftkFill(form, { 'address.line1': typed })))).toContain('\ufffd'.repeat(6));
    const replaced = pdftkFill(form, { 'address.line1': typed }, ['flatten', 'replacement_font', join(process.cwd(), 'resources/fonts/noto-sans/NotoSans-Regular.ttf')]);
    expect(squeezed(text(replaced))).toContain(squeezed(typed));
    expect(await inkRuns(replaced, await fieldBox(bytes, 'address.line1'))).toBe(letters(typed));
  });

  it('a contract’s name and date fields take Latin Extended letters from pdftk, flattened', async () => {
    const { bytes } = await formPdf(contract('Şule Yılmaz'), 'Şule Yılmaz');
    const form = write(bytes);
    const flat = pdftkFill(form, { 'creator.name': 'ŞULE YILMAZ', 'creator.date': '21.02.2026', 'creator.signature': 'Ş ğ İ ı Ü ö' });
    const out = text(flat).replace(/\s+/g, ' ');
    for (const v of ['ŞULE YILMAZ', '21.02.2026', 'ŞğİıÜö']) expect(out).toContain(v);
    expect(await inkRuns(flat, await fieldBox(bytes, 'creator.signature'))).toBe(6);
    expect(await readFormFields(readFileSync(pdftkFill(form, { 'creator.name': 'ŞULE YILMAZ' }, []))))
      .toMatchObject({ 'creator.name': 'ŞULE YILMAZ', 'creator.date': '', 'brand.name': '' });
  });
});

describe('prefilled values', () => {
  const names = [
    { script: 'Latin Extended', name: 'İ ğ Ş Ř ễ ị Ł' },
    { script: 'Greek', name: 'Δ Ω μ Ψ ή' },
    { script: 'Cyrillic', name: 'А л ё н а' },
    { script: 'Vietnamese', name: 'ễ ị ư ơ ắ Đ' },
    { script: 'Japanese', name: '山 田 花 子 さ ん' },
    { script: 'Korean', name: '수 도 호' },
    { script: 'Hebrew', name: 'ש ל ו ם' },
    { script: 'Devanagari', name: 'राम सीता' },
    { script: 'Thai', name: 'ส ม ช า ย' },
  ];

  it.each(names)('in $script carry Fanfare’s own appearance, which any reader shows and pdftk keeps when flattening', async ({ name }) => {
    const { bytes, result } = await formPdf(optIn(name));
    expect(result.uncovered).toEqual([]);
    const form = write(bytes);
    const box = await fieldBox(bytes, 'creator.name');
    expect(await inkRuns(form, box)).toBe(letters(name));
    expect(text(form)).toContain(name);
    expect((await readOptInForm(bytes)).name).toBe(name);
    const flat = pdftkFill(form, { 'address.city': 'Kraków' });
    expect(text(flat)).toContain(name);
    expect(await inkRuns(flat, box)).toBe(letters(name));
  });

  it('in Arabic are shaped and right to left, numbers in their place', async () => {
    const name = 'محمد علي 2';
    const { bytes } = await formPdf(optIn(name));
    const form = write(bytes);
    // pdftotext reorders right-to-left text into reading order: the words come back as typed.
    const line = text(form).split('\n').find((l) => l.includes('محمد') && !/for|Hi/.test(l)) ?? '';
    expect(line.replace(/[\u202a-\u202e]/g, '')).toMatch(/^2 محمد علي|محمد علي 2/);
    // Joined letters: each word is one run of ink, and the digit one more.
    expect(await inkRuns(form, await fieldBox(bytes, 'creator.name'))).toBe(3);
  });

  it('name what no font has, for the caller to warn about', async () => {
    const { result } = await formPdf(optIn('Ann 𓀀'));
    expect(result.uncovered).toEqual([{ field: 'creator.name', characters: ['𓀀'] }]);
  });
});

describe('the form’s resources', () => {
  it('are left out of a document whose only field is the hidden mark', async () => {
    const spec = { ...optIn('Zoë'), blocks: [{ type: 'paragraph' as const, runs: [{ text: 'No fields here.' }] }], mark: { kind: 'Brief', id: 'doc-1' } };
    const { bytes, before, result } = await formPdf(spec);
    expect(result.fontResource).toBeNull();
    expect(bytes.length).toBeLessThan(before.length + 2_000);
    expect(await readFormFields(bytes)).toEqual({ 'fanfare.documentId': 'doc-1' });
  });

  it('every text field’s DA names the typing font, which the form’s DR holds; Helvetica is gone', async () => {
    const { bytes, before } = await formPdf(optIn('Zoë'));
    const doc = await PDFDocument.load(bytes);
    const acroForm = doc.getForm().acroForm.dict;
    const dr = acroForm.lookup(PDFName.of('DR'), (await import('pdf-lib')).PDFDict);
    expect(dr.toString()).toContain('/FanfareForm');
    for (const field of doc.getForm().getFields()) {
      const da = field.acroField.dict.lookup(PDFName.of('DA'));
      if (field.constructor.name === 'PDFTextField') expect((da as PDFString).decodeText(), field.getName()).toMatch(/^\/FanfareForm 10 Tf/);
    }
    expect(run('pdffonts', [write(bytes)])).not.toContain('Helvetica');
    // What the appearances add to the file (see the report): the typing font's 255 glyphs and the prefilled glyphs.
    const added = bytes.length - before.length;
    console.info(`form appearances: ${before.length} → ${bytes.length} bytes (+${added})`);
    expect(added).toBeLessThan(60_000);
  });
});
