import { execFileSync } from 'node:child_process';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../../src/main/services/documents/render-document';
import { contractMergeValues, defaultClauseIds } from '../../../../src/shared/documents/creator-agreement';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import type { PreviewFonts, PreviewOp } from '../../../../src/shared/documents/preview';
import { pdfText, qpdfCheck, writeTemp } from './pdf-tools';

const brand = { ...defaultBrandKit, name: 'Lumen Skin' };

const names: Record<string, string> = {
  vietnamese: 'Nguyễn Thị Ánh',
  polish: 'Zofia Łukasiewicz-Żółć',
  turkish: 'İbrahim Gülşen Ağaoğlu',
  czech: 'Jiří Řehoř Dvořák',
  greek: 'Ψυχή Παπαδοπούλου',
  cyrillic: 'Алёна Смирнова',
  arabic: 'ليلى الحسن',
  hebrew: 'נועה כהן',
  mixed: 'ليلى Hassan 2026',
  devanagari: 'प्रिया शर्मा',
  thai: 'สมชาย ใจดี',
  chinese: '王小明',
  japanese: '山田 はなこ',
  korean: '김민지',
};

async function contractFor(name: string, kit = brand) {
  const brand = kit;
  const mergeValues = contractMergeValues({
    brand, brandLegalName: 'Lumen Skin Ltd',
    creator: { name, handle: '@creator', email: '', address: '' },
    campaign: { name: 'Spring glow', startsOn: '2026-03-01', endsOn: '2026-03-31' },
    terms: null, issuedOn: '2026-02-20',
  });
  return renderDocument({ kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) }, { preview: true });
}

/** Every glyph each page's content stream shows, as the outline the embedded (subset) font program has for it. */
async function drawnOutlines(bytes: Uint8Array): Promise<Array<Array<{ font: string; gid: number; path: string }>>> {
  const doc = await PDFDocument.load(bytes);
  const decode = (s: PDFRawStream) => Buffer.from(decodePDFRawStream(s).decode());
  return doc.getPages().map((page) => {
    const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const programs = new Map<string, ReturnType<typeof fontkit.create>>();
    for (const [name, ref] of fonts.entries()) {
      const type0 = doc.context.lookup(ref as PDFRef, PDFDict);
      const cid = doc.context.lookup(type0.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0), PDFDict);
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const file = descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream;
      programs.set(name.asString(), fontkit.create(decode(file) as unknown as Uint8Array));
    }
    const contents = page.node.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r) as PDFRawStream) : [contents as unknown as PDFRawStream];
    const text = streams.map((s) => decode(s).toString('latin1')).join('\n');
    const out: Array<{ font: string; gid: number; path: string }> = [];
    let font = '';
    for (const m of text.matchAll(/(\/[^\s/]+) [\d.]+ Tf|<([0-9a-fA-F]*)> Tj/g)) {
      if (m[1]) { font = m[1]; continue; }
      for (const hex of m[2].match(/.{4}/g) ?? []) {
        const gid = parseInt(hex, 16);
        out.push({ font, gid, path: programs.get(font)!.getGlyph(gid).path.toSVG() });
      }
    }
    return out;
  });
}

/** The same, from the preview: the outlines the on-screen page draws, in order. */
function previewOutlines(pages: PreviewOp[][], fonts: PreviewFonts): string[][] {
  return pages.map((ops) => ops.flatMap((op) => (op.op === 'glyphs' ? op.glyphs.map((g) => fonts[op.font].paths[g.id]) : [])));
}

// pdftotext marks right-to-left stretches with embedding controls; they are not part of the name.
const withoutBidiControls = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e]/g, '');

describe('a contract for a creator named in any script', () => {
  for (const [script, name] of Object.entries(names)) {
    it(`${script}: ${name} is drawn, embedded, extractable, and the preview shows the same glyphs`, async () => {
      const file = await contractFor(name);
      const path = writeTemp(file.bytes, `${script}.pdf`);
      expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);

      const text = withoutBidiControls(pdfText(path));
      if (script === 'mixed') {
        // poppler rebuilds the line's logical order, but puts the space between the two directions inside the Arabic stretch.
        expect(text).toMatch(/ليلى\s*Hassan 2026/);
      } else expect(text).toContain(name);
      expect(file.uncovered).toEqual([]);

      // Every font a text is drawn with is embedded as a subset. (The form's empty-field Helvetica is item 3's, not text.)
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() && !l.startsWith('Helvetica'));
      expect(fonts.length).toBeGreaterThan(1);
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);

      // No .notdef anywhere, and every glyph the PDF shows is the glyph the preview draws.
      const drawn = await drawnOutlines(file.bytes);
      expect(drawn.flat().filter((g) => g.gid === 0)).toEqual([]);
      expect(previewOutlines(file.preview!.pages, file.preview!.fonts)).toEqual(drawn.map((page) => page.map((g) => g.path)));
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', path, `${writeTemp(new Uint8Array(), 'x')}-${script}`]);
    });
  }

  it('names a character no bundled font has, with where it is, and still makes the file', async () => {
    const file = await contractFor('Zoë 𓀀 Łukasiewicz');
    expect(file.uncovered).toContainEqual(expect.objectContaining({ char: '𓀀', codePoint: 'U+13000', where: 'the title' }));
    expect(file.uncovered.find((u) => u.where === 'the title')?.context).toContain('Zoë 𓀀');
    expect(file.pageCount).toBeGreaterThan(0);
  });
});

describe('with the serif brand font, which has no Devanagari or Arabic', () => {
  for (const script of ['devanagari', 'arabic', 'korean'] as const) {
    it(`${script} comes from the script's own font`, async () => {
      const file = await contractFor(names[script], { ...brand, font: 'noto-serif' });
      const text = withoutBidiControls(pdfText(writeTemp(file.bytes, `serif-${script}.pdf`)));
      expect(text).toContain(names[script]);
      const drawn = await drawnOutlines(file.bytes);
      expect(drawn.flat().filter((g) => g.gid === 0)).toEqual([]);
      const fonts = execFileSync('pdffonts', [writeTemp(file.bytes)], { encoding: 'utf8' });
      expect(fonts).toMatch({ devanagari: /\+NotoSansDevanagari-Regular/, arabic: /\+NotoSansArabic-Regular/, korean: /\+NotoSansCJKkr-Regular/ }[script]);
      expect(fonts).toMatch(/\+NotoSerif-Regular/);
    });
  }
});

describe('a brief for an Arabic-named creator', () => {
  it('prints the name shaped and gives it back', async () => {
    const file = await renderDocument({ kind: 'brief', brand, title: 'Spring glow – brief for ليلى الحسن', campaignName: 'Spring glow', statusLabel: 'Draft', updatedOn: '20 February 2026',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello ليلى الحسن, here is what to film.' }] }] } } as never, { preview: true });
    const path = writeTemp(file.bytes, 'brief-arabic.pdf');
    const text = withoutBidiControls(pdfText(path));
    expect(text).toContain('ليلى الحسن');
    expect(file.uncovered).toEqual([]);
    const drawn = await drawnOutlines(file.bytes);
    expect(drawn.flat().some((g) => g.font && g.gid > 0)).toBe(true);
    expect(previewOutlines(file.preview!.pages, file.preview!.fonts)).toEqual(drawn.map((page) => page.map((g) => g.path)));
  });
});
