import bidiFactory from 'bidi-js';
import { shaperOf, type FontkitFont } from './font-chain';

/**
 * Lays out a form field's value for its appearance: which font draws each
 * character (the document font, else the first fallback that has it), each
 * run shaped by its font, right-to-left runs in visual order (UAX #9).
 */

export interface LaidGlyph {
  /** 0 is the form font; 1… the fallbacks, in the order given. */
  font: number;
  /** Glyph id in that font's file. */
  gid: number;
  /** Advance in thousandths of the font size. */
  advance: number;
  /** Where shaping moves the glyph from its pen position (marks over letters), in thousandths of the font size. */
  dx: number;
  dy: number;
  /** What the glyph stands for in extracted text. */
  text: string;
}

export interface LaidLine {
  glyphs: LaidGlyph[];
  width: number;
}

export interface LayoutFonts {
  form: FontkitFont;
  fallbacks: FontkitFont[];
}

let bidi: ReturnType<typeof bidiFactory> | null = null;

/** The font index that draws `cp`, or -1 if no font has it. */
function fontFor(fonts: LayoutFonts, cp: number): number {
  if (fonts.form.hasGlyphForCodePoint(cp)) return 0;
  const i = fonts.fallbacks.findIndex((f) => f.hasGlyphForCodePoint(cp));
  return i < 0 ? -1 : i + 1;
}

function hasGlyph(fonts: LayoutFonts, font: number, cp: number): boolean {
  if (font < 0) return false;
  return (font === 0 ? fonts.form : fonts.fallbacks[font - 1]).hasGlyphForCodePoint(cp);
}

const isSpace = (cp: number) => cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000;
const isMark = (ch: string) => /\p{M}|\u200c|\u200d/u.test(ch);

/** Characters no font has: listed so the caller can warn, never dropped silently. */
export function uncoveredCharacters(fonts: LayoutFonts, text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || isSpace(cp)) continue;
    if (fontFor(fonts, cp) < 0) out.add(ch);
  }
  return [...out];
}

interface Run {
  start: number;
  end: number;
  level: number;
  font: number;
}

function shapeRun(fonts: LayoutFonts, text: string, run: Run): LaidGlyph[] {
  const slice = text.slice(run.start, run.end);
  const rtl = run.level % 2 === 1;
  if (run.font < 0) {
    // No font has these: the form font's missing-glyph box, one per character, so nothing vanishes.
    const notdef = fonts.form.getGlyph(0);
    const advance = (notdef.advanceWidth * 1000) / fonts.form.unitsPerEm;
    return Array.from(slice, (ch) => ({ font: 0, gid: 0, advance, dx: 0, dy: 0, text: ch }));
  }
  // Every run is shaped by its font (Arabic joins, Indic reordering, marks placed); fontkit returns right-to-left runs in visual order.
  const font = run.font === 0 ? fonts.form : fonts.fallbacks[run.font - 1];
  const scale = 1000 / font.unitsPerEm;
  const shaped = shaperOf(font)(slice, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
  return shaped.glyphs.map((glyph, i) => {
    const pos = shaped.positions[i];
    return {
      font: run.font,
      gid: glyph.id,
      advance: (pos?.xAdvance ?? glyph.advanceWidth) * scale,
      dx: (pos?.xOffset ?? 0) * scale,
      dy: (pos?.yOffset ?? 0) * scale,
      text: String.fromCodePoint(...(glyph.codePoints.length ? glyph.codePoints : [0xfffd])),
    };
  });
}

/** One line in visual order: runs of one font and direction, shaped, then reordered (UAX #9, rule L2). */
export function layoutLine(fonts: LayoutFonts, text: string): LaidLine {
  if (!text) return { glyphs: [], width: 0 };
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(text);
  const runs: Run[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    // Spaces and combining marks stay with the run around them (a shaped word keeps its marks), if its font has them.
    const font = last && (isSpace(cp) || isMark(ch)) && last.level === levels[i] && hasGlyph(fonts, last.font, cp) ? last.font : fontFor(fonts, cp);
    if (last && last.level === levels[i] && last.font === font) last.end = i + ch.length;
    else runs.push({ start: i, end: i + ch.length, level: levels[i], font });
    i += ch.length;
  }
  const maxLevel = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), maxLevel + 1);
  const visual = [...runs];
  for (let level = maxLevel; level >= lowestOdd; level--) {
    for (let a = 0; a < visual.length; a++) {
      if (visual[a].level < level) continue;
      let b = a;
      while (b + 1 < visual.length && visual[b + 1].level >= level) b++;
      visual.splice(a, b - a + 1, ...visual.slice(a, b + 1).reverse());
      a = b;
    }
  }
  const glyphs = visual.flatMap((run) => shapeRun(fonts, text, run));
  return { glyphs, width: glyphs.reduce((w, g) => w + g.advance, 0) };
}

/** Breaks text into lines no wider than `width` (thousandths of the font size), at spaces where it can. */
export function wrapText(fonts: LayoutFonts, text: string, width: number): LaidLine[] {
  const out: LaidLine[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/(?<= )/);
    let current = '';
    for (const word of words) {
      const candidate = current + word;
      if (current && layoutLine(fonts, candidate.trimEnd()).width > width) {
        out.push(layoutLine(fonts, current.trimEnd()));
        current = word;
      } else current = candidate;
    }
    out.push(layoutLine(fonts, current.trimEnd()));
  }
  return out;
}
