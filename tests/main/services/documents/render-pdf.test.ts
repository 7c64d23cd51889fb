import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { renderPdf } from '../../../../src/shared/documents/render-pdf';
import { loadCjkFont, loadFontSet } from '../../../../src/main/services/documents/fonts';
import { pdfInfo, pdfText, qpdfCheck, writeTemp } from './pdf-tools';
import { sampleSpec, unicodeNames } from './sample-spec';

const resources = () => ({ fonts: loadFontSet('noto-sans'), cjkFont: loadCjkFont, images: new Map() });

describe('the document engine', () => {
  it('writes a PDF qpdf finds clean, with every script readable as text', async () => {
    const out = await renderPdf(sampleSpec(), resources());
    const path = writeTemp(out.bytes);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const text = pdfText(path);
    for (const name of unicodeNames) expect(text).toContain(name);
    expect(text).toContain('Page 1 of');
    expect(pdfInfo(path).Pages).toBe(String(out.pageCount));
  });

  it('keeps everything it draws inside the page, and within the margins for body text', async () => {
    const out = await renderPdf(sampleSpec(12), resources());
    expect(out.boxes.length).toBeGreaterThan(100);
    for (const b of out.boxes) {
      expect(b.x, b.what).toBeGreaterThanOrEqual(-0.01);
      expect(b.y, b.what).toBeGreaterThanOrEqual(-0.01);
      expect(b.x + b.width, `${b.what} on page ${b.page}`).toBeLessThanOrEqual(out.pageWidth + 0.01);
      expect(b.y + b.height, b.what).toBeLessThanOrEqual(out.pageHeight + 0.01);
      if (b.what === 'text') {
        expect(b.x + b.width, 'text past the right margin').toBeLessThanOrEqual(out.pageWidth - 56 + 0.5);
        expect(b.x).toBeGreaterThanOrEqual(56 - 0.5);
      }
    }
  });

  it('adds pages as content grows', async () => {
    const short = await renderPdf(sampleSpec(1), resources());
    const long = await renderPdf(sampleSpec(30), resources());
    expect(long.pageCount).toBeGreaterThan(short.pageCount);
  });

  it('repeats a table’s header row on every page it runs onto', async () => {
    const spec = sampleSpec(0, {
      blocks: [{ type: 'table', columns: [{ header: 'Creator', width: 1 }, { header: 'Handle', width: 1 }], rows: Array.from({ length: 120 }, (_, i) => [[{ text: `Creator ${i + 1}` }], [{ text: `@creator${i + 1}` }]]) }],
    });
    const out = await renderPdf(spec, resources());
    expect(out.pageCount).toBeGreaterThan(2);
    const headerPages = new Set(out.boxes.filter((b) => b.what === 'table-header').map((b) => b.page));
    expect(headerPages.size).toBe(out.pageCount);
    const text = pdfText(writeTemp(out.bytes));
    expect(text).toContain('Creator 120');
  });

  it('makes links clickable and signature fields fillable', async () => {
    const out = await renderPdf(sampleSpec(), resources());
    const doc = await PDFDocument.load(out.bytes);
    const annots = doc.getPages().flatMap((p) => p.node.Annots()?.asArray() ?? []).map((ref) => doc.context.lookup(ref)?.toString() ?? '');
    expect(annots.some((a) => a.includes('https://example.com/guidelines'))).toBe(true);
    expect(out.fields).toEqual(expect.arrayContaining(['creator.signature', 'creator.name', 'creator.date', 'brand.signature']));
  });

  it('subsets its fonts (the file is far smaller than the fonts it uses)', async () => {
    const out = await renderPdf(sampleSpec(), resources());
    // Noto Sans regular + bold + italic are 1.9 MB and Noto Sans SC 10 MB whole.
    expect(out.bytes.length).toBeLessThan(400_000);
  });
});

describe('the brand kit', () => {
  it('puts the logo on the cover and in the running header, in the brand’s colours and font', async () => {
    const sharp = (await import('sharp')).default;
    const logo = await sharp({ create: { width: 400, height: 120, channels: 4, background: { r: 232, g: 89, b: 12, alpha: 1 } } }).png().toBuffer();
    const sha = 'a'.repeat(64);
    const spec = sampleSpec(6, { brand: { name: 'Lumen Skin', primary: '#0f5132', accent: '#d4a017', font: 'noto-serif', logoSha256: sha } });
    const out = await renderPdf(spec, { fonts: loadFontSet('noto-serif'), cjkFont: loadCjkFont, images: new Map([[sha, { bytes: new Uint8Array(logo), format: 'png' as const }]]) });
    const logos = out.boxes.filter((b) => b.what === 'logo');
    expect(logos.length).toBe(out.pageCount);
    expect(new Set(logos.map((b) => b.page)).size).toBe(out.pageCount);
    expect(pdfInfo(writeTemp(out.bytes)).Pages).toBe(String(out.pageCount));
    const fonts = execFileSync('pdffonts', [writeTemp(out.bytes)], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerif-Bold/);
    expect(fonts).not.toMatch(/NotoSans-/);
    if (process.env.FANFARE_DOCS_LOOK) writeFileSync(`${process.env.FANFARE_DOCS_LOOK}/brand-kit.pdf`, out.bytes);
  });
});
