import { PDFDocument, PDFString, type PDFRef } from 'pdf-lib';
import { cachingFontkit, type FontkitFont } from './font-chain';

/**
 * Font plumbing for form appearances: ToUnicode maps, font descriptors, and
 * Type0 subsets written here rather than by pdf-lib, so a field's appearance
 * can be drawn without pdf-lib regenerating it in Helvetica.
 */

/** Parsed once per process, shared with the page text (font-chain.ts); subsets come out padded. */
export const parseFont = (bytes: Uint8Array): FontkitFont => cachingFontkit.create(bytes);

const hex = (n: number, bytes: number) => n.toString(16).padStart(bytes * 2, '0').toUpperCase();
const hex4 = (n: number) => hex(n, 2);

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** A ToUnicode CMap: what each code says when text is copied or extracted. Codes are `bytes` wide. */
export function toUnicodeCMap(entries: Array<[code: number, text: string]>, bytes = 2): string {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  // A bfchar block may hold at most 100 entries.
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([cid, text]) => `<${hex(cid, bytes)}> <${utf16Hex(text)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    bytes === 1 ? '<00> <FF>' : '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9+\-_]/g, '') || 'Font';

/**
 * A FontDescriptor for `font` scaled to thousandths of the text size, with
 * its embedded program; `missingWidth` is the advance of what a code the font
 * lacks draws.
 */
export function fontDescriptor(doc: PDFDocument, font: FontkitFont, baseFont: string, fontFile: PDFRef, missingWidth?: number): PDFRef {
  const scale = 1000 / font.unitsPerEm;
  const bbox = font.bbox;
  return doc.context.register(doc.context.obj({
    Type: 'FontDescriptor',
    FontName: baseFont,
    // Non-symbolic: the glyphs are Unicode letters, so readers may substitute a similar font for anything missing.
    Flags: 32,
    FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)),
    ItalicAngle: font.italicAngle,
    Ascent: Math.round(font.ascent * scale),
    Descent: Math.round(font.descent * scale),
    CapHeight: Math.round((font.capHeight || font.ascent) * scale),
    StemV: 80,
    ...(missingWidth === undefined ? {} : { MissingWidth: missingWidth }),
    FontFile2: fontFile,
  }));
}

/** Writes the Type0 font, its CIDFont, descriptor and maps; returns the Type0 font's reference. */
function writeType0(doc: PDFDocument, font: FontkitFont, baseFont: string, program: Uint8Array, widths: number[], toUnicode: Array<[number, string]>): PDFRef {
  const ctx = doc.context;
  const descriptor = fontDescriptor(doc, font, baseFont, ctx.register(ctx.flateStream(program, { Length1: program.length })));
  const cidFont = ctx.register(ctx.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: baseFont,
    // Registry and Ordering are strings, not names.
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, widths.map((w) => Math.round(w))],
    CIDToGIDMap: 'Identity',
  }));
  const cmap = ctx.register(ctx.flateStream(toUnicodeCMap(toUnicode)));
  return ctx.register(ctx.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: baseFont,
    Encoding: 'Identity-H',
    DescendantFonts: [cidFont],
    ToUnicode: cmap,
  }));
}

interface SubsetInternals {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encodeStream(): { on(event: string, fn: (chunk?: Uint8Array) => void): ReturnType<SubsetInternals['encodeStream']> };
}

function encodeSubset(subset: SubsetInternals): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    subset.encodeStream()
      .on('data', (chunk) => { if (chunk) parts.push(chunk); })
      .on('error', reject as () => void)
      .on('end', () => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) { out.set(p, at); at += p.length; }
        resolve(out);
      });
  });
}

/** A subset's tag (six capitals) from what it holds, so the same document gives the same file. */
export function subsetTag(parts: Iterable<number>): string {
  let h = 0x811c9dc5;
  for (const n of parts) h = Math.imul(h ^ n, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

/**
 * Only the glyphs given, as a Type0 font: what a prefilled value's appearance
 * draws, in any script. `text` says what each glyph stands for in extracted text.
 */
export interface GlyphSubset {
  ref: PDFRef;
  /** The subset's glyph (CID) for a glyph id of the whole font. */
  cidOf: Map<number, number>;
  /** Advance of a CID, in thousandths of the font size. */
  width(cid: number): number;
}

export async function embedGlyphSubset(doc: PDFDocument, bytes: Uint8Array, glyphs: Array<{ id: number; text: string }>): Promise<GlyphSubset> {
  const font = parseFont(bytes);
  const scale = 1000 / font.unitsPerEm;
  const subset = font.createSubset() as unknown as SubsetInternals;
  const cidOf = new Map<number, number>();
  const toUnicode: Array<[number, string]> = [];
  for (const g of glyphs) {
    if (cidOf.has(g.id)) continue;
    const cid = subset.includeGlyph(g.id);
    cidOf.set(g.id, cid);
    toUnicode.push([cid, g.text]);
  }
  const program = await encodeSubset(subset);
  const widths = subset.glyphs.map((gid) => font.getGlyph(gid).advanceWidth * scale);
  const tag = subsetTag(subset.glyphs);
  const ref = writeType0(doc, font, `${tag}+${safeName(font.postscriptName ?? '')}`, program, widths, toUnicode);
  return { ref, cidOf, width: (cid) => widths[cid] ?? 0 };
}
