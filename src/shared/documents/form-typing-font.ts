import { PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { cachingFontkit } from './font-chain';
import { fontDescriptor, subsetTag, toUnicodeCMap } from './form-font';
import { GLYPH_NAMES } from './form-glyph-names';
import { keepGlyphs } from './truetype-keep-glyphs';

/**
 * The font a form offers for typing: what pdftk, iText and readers without
 * font substitution draw letters typed later with.
 *
 * It is a single-byte TrueType font, because those tools draw form text only
 * with simple fonts (pdftk-java 3.3 writes a zero byte for every letter of a
 * Type0 font). A single-byte font holds 255 characters, so they are chosen
 * per document: Adobe's StandardEncoding at its own codes (form fillers map
 * any character not in the font's list through it, so each of its codes must
 * draw its own letter), then the letters of the scripts the document's text
 * is in, then Latin-1, then the Latin Extended-A letters of the most widely
 * written languages, then Greek and Cyrillic while room remains.
 *
 * Code 0 is what those fillers write for a letter the font lacks: it draws
 * the font's missing-glyph box and extracts as U+FFFD, so a lost letter is
 * visible, never silently dropped.
 */

/** Adobe StandardEncoding, code by code (0 where a code has no character). */
const STANDARD: number[] = (() => {
  const t = new Array<number>(256).fill(0);
  for (let c = 0x20; c < 0x7f; c++) t[c] = c;
  t[0x27] = 0x2019;
  t[0x60] = 0x2018;
  const high: Array<[number, number[]]> = [
    [0xa1, [0xa1, 0xa2, 0xa3, 0x2044, 0xa5, 0x192, 0xa7, 0xa4, 0x27, 0x201c, 0xab, 0x2039, 0x203a, 0xfb01, 0xfb02]],
    [0xb1, [0x2013, 0x2020, 0x2021, 0xb7]],
    [0xb6, [0xb6, 0x2022, 0x201a, 0x201e, 0x201d, 0xbb, 0x2026, 0x2030]],
    [0xbf, [0xbf]],
    [0xc1, [0x60, 0xb4, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0xa8]],
    [0xca, [0x2da, 0xb8]],
    [0xcd, [0x2dd, 0x2db, 0x2c7, 0x2014]],
    [0xe1, [0xc6]],
    [0xe3, [0xaa]],
    [0xe8, [0x141, 0xd8, 0x152, 0xba]],
    [0xf1, [0xe6]],
    [0xf5, [0x131]],
    [0xf8, [0x142, 0xf8, 0x153, 0xdf]],
  ];
  for (const [start, cps] of high) cps.forEach((cp, i) => (t[start + i] = cp));
  return t;
})();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const chars = (s: string) => Array.from(s, (c) => c.codePointAt(0) ?? 0);

/** Latin-1's letters, Icelandic's Ð Þ last (they come after the Latin Extended-A letters below). */
const LATIN1_LETTERS = range(0xc0, 0xff).filter((cp) => ![0xd7, 0xf7, 0xd0, 0xf0, 0xde, 0xfe].includes(cp));
/**
 * Latin Extended-A by how many people write with it: Polish, Turkish, Czech
 * and Slovak, Romanian (comma and cedilla forms), Hungarian, Croatian, then
 * the Baltic languages.
 */
const LATIN_EXTENDED = chars('ĄąĆćĘęŃńŚśŹźŻżİĞğŞşČčĎďĚěŇňŘřŠšŤťŮůŽžĂăȘșȚțŢţŐőŰűĐđĹĺĽľŔŕĀāĒēĪīŪūĢģĶķĻļŅņĖėĮįŲųÐðÞþ');
const GREEK = [...range(0x391, 0x3a9), ...range(0x3b1, 0x3c9), ...chars('ΆΈΉΊΌΎΏάέήίόύώϊϋΐΰΪΫ')];
const CYRILLIC = [...range(0x410, 0x44f), ...chars('ЁёЄєІіЇїЎўЈјЉљЊњЋћЂђЏџЅѕЃѓЌќҐґ№')];
const VIETNAMESE = [...chars('ĂăĐđĨĩŨũƠơƯư'), ...range(0x1ea0, 0x1ef9)];
const EXTRAS = chars('€');

function scriptsOf(text: string): number[][] {
  const out: number[][] = [];
  if (/[\u0370-\u03ff\u1f00-\u1fff]/u.test(text)) out.push(GREEK);
  if (/[\u0400-\u04ff]/u.test(text)) out.push(CYRILLIC);
  if (/[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0]/u.test(text)) out.push(VIETNAMESE);
  return out;
}

/** The characters for codes 0–255 (0 where a code is unused), for a document whose text is `hint`. */
export function typingEncoding(hint: string, has: (cp: number) => boolean): number[] {
  const codes = STANDARD.map((cp) => (cp && has(cp) ? cp : 0));
  const placed = new Set(codes.filter(Boolean));
  const free = range(1, 255).filter((c) => !STANDARD[c]);
  const wanted = [
    ...chars(hint).filter((cp) => cp > 0x7e),
    ...scriptsOf(hint).flat(),
    ...LATIN1_LETTERS,
    ...EXTRAS,
    ...LATIN_EXTENDED,
    ...GREEK,
    ...CYRILLIC,
  ];
  for (const cp of wanted) {
    if (!free.length) break;
    if (placed.has(cp) || !GLYPH_NAMES.has(cp) || !has(cp)) continue;
    codes[free.shift()!] = cp;
    placed.add(cp);
  }
  return codes;
}

export interface TypingFont {
  ref: PDFRef;
  /** Characters by code (0 where unused). */
  encoding: number[];
}

/** Deflated font programs by font and encoding: documents of one workspace share their scripts, so their typing fonts repeat. */
const programs = new WeakMap<Uint8Array, Map<string, { deflated: Uint8Array; length: number }>>();

/** Embeds the typing font: a single-byte TrueType font over `encoding`, with its glyphs' outlines. */
export function embedTypingFont(doc: PDFDocument, bytes: Uint8Array, encoding: number[]): TypingFont {
  // Parsed once per process, shared with the page text; subsets come out padded.
  const font = cachingFontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const glyphs = encoding.map((cp) => (cp ? font.glyphForCodePoint(cp) : font.getGlyph(0)));
  const key = encoding.join(',');
  let cache = programs.get(bytes);
  if (!cache) programs.set(bytes, (cache = new Map()));
  const ctx = doc.context;
  let program = cache.get(key);
  if (!program) {
    const raw = keepGlyphs(bytes, glyphs.map((g) => g.id));
    program = { deflated: ctx.flateStream(raw).getContents(), length: raw.length };
    if (cache.size > 8) cache.clear();
    cache.set(key, program);
  }
  // Tagged as a subset: the outlines are only the encoding's, so readers must not draw other text with it.
  const baseFont = `${subsetTag(encoding)}+${(font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '')}`;
  const fontFile = ctx.register(PDFRawStream.of(ctx.obj({ Filter: 'FlateDecode', Length1: program.length }), program.deflated));
  const descriptor = fontDescriptor(doc, font, baseFont, fontFile, Math.round(font.getGlyph(0).advanceWidth * scale));
  const differences: Array<number | PDFName> = [];
  let last = -2;
  encoding.forEach((cp, code) => {
    if (!cp) return;
    if (code !== last + 1) differences.push(code);
    differences.push(PDFName.of(GLYPH_NAMES.get(cp)!));
    last = code;
  });
  const toUnicode: Array<[number, string]> = [[0, '\ufffd']];
  encoding.forEach((cp, code) => { if (cp) toUnicode.push([code, String.fromCodePoint(cp)]); });
  const ref = ctx.register(ctx.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: baseFont,
    FirstChar: 0,
    LastChar: 255,
    Widths: glyphs.map((g) => Math.round(g.advanceWidth * scale)),
    FontDescriptor: descriptor,
    Encoding: ctx.obj({ Type: 'Encoding', Differences: differences }),
    ToUnicode: ctx.register(ctx.flateStream(toUnicodeCMap(toUnicode, 1))),
  }));
  return { ref, encoding };
}
