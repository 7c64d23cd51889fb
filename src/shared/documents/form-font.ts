import { PDFDocument, type PDFRef } from 'pdf-lib';
import type { FontkitFont } from './font-chain';

/**
 * Font plumbing for the form's typing font (form-typing-font.ts), which
 * pdf-lib cannot write: a single-byte TrueType font over a chosen encoding.
 */

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
