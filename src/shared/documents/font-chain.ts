import fontkit from '@pdf-lib/fontkit';
import { CustomFontSubsetEmbedder, PDFFont, type PDFDocument } from 'pdf-lib';
import './fontkit-runtime';
import type { FontVariant } from './model';

export type FontkitFont = ReturnType<typeof fontkit.create>;
type FontkitGlyph = ReturnType<FontkitFont['glyphForCodePoint']>;
export type FontkitLayout = (text: string, features?: unknown, script?: string, language?: string, direction?: 'ltr' | 'rtl') => {
  glyphs: FontkitGlyph[];
  positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>;
};

/** A font for the scripts the brand font lacks, in the order the chain tries them. */
export interface FallbackFont {
  /** Stable name used for preview fonts and tests: 'arabic', 'cjk'… */
  key: string;
  regular: () => Uint8Array | null;
  /** Without a bold file the regular draws bold text too. */
  bold?: () => Uint8Array | null;
}

/** Brand variants ('regular', 'bold'…) or a fallback ('arabic', 'arabic-bold'…). */
export type FontKey = string;

export interface ShapedGlyph {
  /** The glyph in the font file (not the PDF subset). */
  glyph: FontkitGlyph;
  /** Font units: how far the pen moves, and where this glyph sits off the pen (marks). */
  advance: number;
  dx: number;
  dy: number;
  /** The characters this glyph stands for (a ligature: several; a mark split off a letter: none). */
  codePoints: number[];
}

/** Text one font draws, shaped, its glyphs in visual (left-to-right) order. */
export interface Shaped {
  key: FontKey;
  text: string;
  glyphs: ShapedGlyph[];
  /** Font units. */
  advance: number;
  unitsPerEm: number;
  /** Reordered, joined or positioned by OpenType: its glyphs do not map one-to-one back to the text. */
  complex: boolean;
  /** Shaped right to left: glyphs are in visual order, the reverse of the text. */
  rtl: boolean;
}

// fontkit parses a 600 KB font in tens of milliseconds; the same bytes are reused for every document.
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
const shapers = new WeakMap<FontkitFont, FontkitLayout>();
const characterSets = new WeakMap<FontkitFont, Set<number>>();

/**
 * The fontkit pdf-lib embeds with, and what form appearances parse with:
 * parses each font file once per process (a CJK font is 10 MB), its subsets
 * padded (see padSubsetGlyphs).
 */
export const cachingFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      padSubsetGlyphs(font);
      shapers.set(font, (font.layout as unknown as FontkitLayout).bind(font));
      layoutByCharacterMap(font);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * fontkit's own OpenType layout of a font parsed by cachingFontkit (whose
 * `layout` pdf-lib sees is the direct character lookup): `direction` after
 * features, script and language, which its typings leave out.
 */
export function shaperOf(font: FontkitFont): FontkitLayout {
  return shapers.get(font)!;
}

function characterSet(font: FontkitFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.characterSet);
    characterSets.set(font, set);
  }
  return set;
}

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * fontkit writes a subset's glyph offsets in the short format (offset / 2)
 * whenever they fit, but copies glyphs byte for byte. Fonts whose glyphs have
 * odd lengths (Google's Noto builds) then lose every glyph after the first odd
 * one: blank letters in the PDF. Padding each glyph to an even length keeps
 * the offsets exact.
 */
function padSubsetGlyphs(font: FontkitFont): void {
  const create = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = create() as unknown as SubsetInternals;
    if (typeof subset._addGlyph !== 'function') return subset as unknown as ReturnType<typeof create>;
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid: number) => {
      const index = addGlyph(gid);
      const last = subset.glyf[subset.glyf.length - 1];
      if (last.length % 2 === 1) {
        // The same Buffer class fontkit encodes with (its stream writer refuses plain arrays).
        const padded = (last.constructor as unknown as { alloc(size: number): Uint8Array }).alloc(last.length + 1);
        padded.set(last);
        subset.glyf[subset.glyf.length - 1] = padded;
        subset.offset += 1;
      }
      return index;
    };
    return subset as unknown as ReturnType<typeof create>;
  };
}

/**
 * pdf-lib lays text out itself only for form field appearances; there a
 * direct character-to-glyph lookup is exact for the scripts a field is typed
 * in (text is NFC) and many times faster than OpenType shaping. The engine's
 * own text goes through `shape` below, which shapes what needs it.
 */
function layoutByCharacterMap(font: FontkitFont): void {
  const glyphs = new Map<number, FontkitGlyph>();
  const glyphFor = (cp: number) => {
    let glyph = glyphs.get(cp);
    if (!glyph) {
      glyph = font.glyphForCodePoint(cp);
      glyphs.set(cp, glyph);
    }
    return glyph;
  };
  (font as unknown as { layout: (text: string) => { glyphs: FontkitGlyph[] } }).layout = (text: string) => ({
    glyphs: Array.from(text, (ch) => glyphFor(ch.codePointAt(0) ?? 0)),
  });
}

/**
 * Scripts whose letters change shape, join, reorder or stack marks: these go
 * through OpenType shaping. Everything else (Latin, Greek, Cyrillic, CJK…) is
 * one glyph per character, looked up directly, which keeps long documents fast.
 */
const COMPLEX_RANGES: Array<[number, number]> = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0590, 0x08ff], [0x0900, 0x0dff], [0x0e00, 0x0eff], [0x0f00, 0x0fff], [0x1000, 0x109f],
  [0x1100, 0x11ff], [0x1780, 0x17ff], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x200c, 0x200d], [0x20d0, 0x20ff], [0xa8e0, 0xa8ff],
  [0xfb1d, 0xfdff], [0xfe20, 0xfe2f], [0xfe70, 0xfeff],
];
const isComplex = (text: string) => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0300 && COMPLEX_RANGES.some(([lo, hi]) => c >= lo && c <= hi)) return true;
  }
  return false;
};
// Spaces, joiners, direction marks and variation selectors: invisible, so never "missing".
const INVISIBLE: Array<[number, number]> = [[0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff]];
const isInvisible = (ch: string, cp: number) => /\s/u.test(ch) || INVISIBLE.some(([lo, hi]) => cp >= lo && cp <= hi);

interface Face {
  key: FontKey;
  bytes: Uint8Array;
  font: FontkitFont;
  pdf?: PDFFont;
}

export interface UncoveredCharacter {
  char: string;
  codePoint: string;
}

/**
 * The brand font and, behind it, a font per script it lacks. Every character
 * is drawn by the first font that has it; fallbacks are read and parsed only
 * when the text needs them, and embedded (subset) only when drawn.
 */
export class FontChain {
  private readonly faces = new Map<FontKey, Face>();
  private readonly fallbackFaces: Array<{ fallback: FallbackFont; regular: Face | null | undefined }> = [];
  private readonly shapedCache = new Map<string, Shaped>();
  private readonly chooser = new Map<number, string>();
  private embedded = 0;
  /** Glyphs drawn, by font, for the preview. */
  readonly used = new Map<FontKey, Map<number, FontkitGlyph>>();

  constructor(
    private readonly doc: PDFDocument,
    brand: Record<FontVariant, Uint8Array>,
    fallbacks: FallbackFont[],
  ) {
    for (const variant of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      this.faces.set(variant, { key: variant, bytes: brand[variant], font: cachingFontkit.create(brand[variant]) });
    }
    for (const fallback of fallbacks) this.fallbackFaces.push({ fallback, regular: undefined });
  }

  private fallbackFace(index: number): Face | null {
    const entry = this.fallbackFaces[index];
    if (entry.regular === undefined) {
      const bytes = entry.fallback.regular();
      entry.regular = bytes ? { key: entry.fallback.key, bytes, font: cachingFontkit.create(bytes) } : null;
      if (entry.regular) this.faces.set(entry.regular.key, entry.regular);
    }
    return entry.regular;
  }

  /** Which font draws this character for the given variant: the brand's, a fallback's, or null (no font has it). */
  keyFor(cp: number, variant: FontVariant): FontKey | null {
    if (characterSet(this.faces.get(variant)!.font).has(cp)) return variant;
    const memo = this.chooser.get(cp);
    let base: string | null | undefined = memo;
    if (memo === undefined) {
      base = null;
      for (let i = 0; i < this.fallbackFaces.length; i++) {
        const face = this.fallbackFace(i);
        if (face && characterSet(face.font).has(cp)) { base = face.key; break; }
      }
      this.chooser.set(cp, base ?? '');
    }
    if (!base) return null;
    return variant.startsWith('bold') ? this.boldOf(base) : base;
  }

  private boldOf(base: string): FontKey {
    const key = `${base}-bold`;
    if (this.faces.has(key)) return key;
    const entry = this.fallbackFaces.find((f) => f.fallback.key === base);
    const bytes = entry?.fallback.bold?.();
    if (!bytes) return base;
    this.faces.set(key, { key, bytes, font: cachingFontkit.create(bytes) });
    return key;
  }

  /** Characters of `text` that no font in the chain has (control characters and spaces aside). */
  uncovered(text: string): UncoveredCharacter[] {
    const out: UncoveredCharacter[] = [];
    const seen = new Set<number>();
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0) ?? 0;
      if (seen.has(cp)) continue;
      seen.add(cp);
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
      if (this.keyFor(cp, 'regular') === null && !isInvisible(ch, cp)) out.push({ char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    }
    return out;
  }

  /** The embedded PDF font for a key, embedded (as a subset) on first use. */
  pdfFont(key: FontKey): PDFFont {
    const face = this.faces.get(key) ?? this.faces.get('regular')!;
    if (!face.pdf) {
      // What PDFDocument.embedFont does, without its await: fonts are only embedded once something is drawn with them.
      // The standard six-letter subset tag (readers and pdffonts know the font is a subset by it).
      const n = this.embedded++;
      const tag = `FANF${String.fromCharCode(65 + Math.floor(n / 26) % 26)}${String.fromCharCode(65 + (n % 26))}`;
      const name = `${tag}+${(face.font.postscriptName ?? face.key).replace(/[^\x21-\x7e]|[/()<>[\]{}%#]/g, '')}`;
      const embedder = new (CustomFontSubsetEmbedder as unknown as new (font: FontkitFont, bytes: Uint8Array, name: string) => CustomFontSubsetEmbedder)(face.font, face.bytes, name);
      face.pdf = PDFFont.of(this.doc.context.nextRef(), this.doc, embedder);
      (this.doc as unknown as { fonts: PDFFont[] }).fonts.push(face.pdf);
    }
    return face.pdf;
  }

  unitsPerEm(key: FontKey): number {
    return (this.faces.get(key) ?? this.faces.get('regular')!).font.unitsPerEm;
  }

  /** Splits text into runs of one font each and shapes them; `rtl` text comes back in visual order. */
  shapeRuns(text: string, variant: FontVariant, rtl: boolean): Shaped[] {
    const runs: Array<{ key: FontKey; text: string }> = [];
    for (const ch of text) {
      const key = this.keyFor(ch.codePointAt(0) ?? 0, variant) ?? variant;
      const last = runs[runs.length - 1];
      // Marks and joiners stay with the letter before them, whatever font has them alone.
      if (last && (last.key === key || /[\p{M}\u200c\u200d]/u.test(ch))) last.text += ch;
      else runs.push({ key, text: ch });
    }
    const shaped = runs.map((run) => this.shape(run.key, run.text, rtl));
    return rtl ? shaped.reverse() : shaped;
  }

  private shape(key: FontKey, text: string, rtl: boolean): Shaped {
    const cacheKey = `${key}\u0000${rtl ? 1 : 0}\u0000${text}`;
    let shaped = this.shapedCache.get(cacheKey);
    if (shaped) return shaped;
    const face = this.faces.get(key)!;
    const complex = isComplex(text);
    const glyphs: ShapedGlyph[] = [];
    let advance = 0;
    if (complex) {
      const run = shapers.get(face.font)!(text, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
      run.glyphs.forEach((glyph, i) => {
        const p = run.positions[i];
        // A right-to-left ligature (lam-alef) is read back the way its glyph is laid: visually, so its characters are stored reversed.
        const codePoints = [...(glyph.codePoints ?? [])];
        glyphs.push({ glyph, advance: p.xAdvance, dx: p.xOffset, dy: p.yOffset, codePoints: rtl ? codePoints.reverse() : codePoints });
        advance += p.xAdvance;
      });
    } else {
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        const glyph = face.font.glyphForCodePoint(cp);
        glyphs.push({ glyph, advance: glyph.advanceWidth, dx: 0, dy: 0, codePoints: [cp] });
        advance += glyph.advanceWidth;
      }
      if (rtl) glyphs.reverse();
    }
    shaped = { key, text, glyphs, advance, unitsPerEm: face.font.unitsPerEm, complex, rtl };
    this.shapedCache.set(cacheKey, shaped);
    return shaped;
  }

  /** Remembers the glyphs drawn so the preview can carry their outlines. */
  noteUsed(shaped: Shaped): void {
    let used = this.used.get(shaped.key);
    if (!used) {
      used = new Map();
      this.used.set(shaped.key, used);
    }
    for (const g of shaped.glyphs) used.set(g.glyph.id, g.glyph);
  }

  /** SVG outlines (font units, y up) of every glyph drawn, by font. */
  previewFonts(): Record<FontKey, { unitsPerEm: number; paths: Record<number, string> }> {
    const out: Record<FontKey, { unitsPerEm: number; paths: Record<number, string> }> = {};
    for (const [key, glyphs] of this.used) {
      const paths: Record<number, string> = {};
      for (const [id, glyph] of glyphs) paths[id] = glyph.path.toSVG();
      out[key] = { unitsPerEm: this.unitsPerEm(key), paths };
    }
    return out;
  }
}
