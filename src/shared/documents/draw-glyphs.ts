import {
  beginText, endText, PDFHexString, PDFName, PDFOperator, PDFOperatorNames, popGraphicsState, pushGraphicsState,
  setFillingColor, setFontAndSize, setGraphicsState, setTextMatrix, showText, type PDFDocument, type PDFFont, type PDFPage, type RGB,
} from 'pdf-lib';
import type { FontChain, Shaped, ShapedGlyph } from './font-chain';

interface GlyphSlot {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface SubsetEmbedder {
  subset: { includeGlyph(glyph: unknown): number };
  glyphs: GlyphSlot[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  embedUnicodeCmap(context: unknown): unknown;
  textLayerReady?: boolean;
}

function embedderOf(font: PDFFont): SubsetEmbedder {
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  if (!embedder.textLayerReady) {
    embedder.textLayerReady = true;
    // A glyph split off its letter (a mark, a reordered vowel sign) stands for no character of its own:
    // pdf-lib would write an empty, invalid entry for it. Such text carries /ActualText instead.
    const write = embedder.embedUnicodeCmap.bind(embedder);
    embedder.embedUnicodeCmap = (context: unknown) => {
      const all = embedder.glyphs;
      embedder.glyphs = all.filter((g) => g && g.codePoints.length > 0);
      embedder.glyphCache.invalidate();
      try {
        return write(context);
      } finally {
        embedder.glyphs = all;
        embedder.glyphCache.invalidate();
      }
    };
  }
  return embedder;
}

/**
 * The subset glyph id for a shaped glyph, as pdf-lib's encodeText would give
 * it, but for the glyph shaping chose (an Arabic medial form, a Devanagari
 * conjunct) and mapping back to the characters it came from, not to whatever
 * character first named that glyph.
 */
function encode(embedder: SubsetEmbedder, g: ShapedGlyph): string {
  const id = embedder.subset.includeGlyph(g.glyph);
  if (id > 0 && !embedder.glyphs[id - 1]) {
    embedder.glyphs[id - 1] = { id: g.glyph.id, advanceWidth: g.glyph.advanceWidth, codePoints: g.codePoints };
    embedder.glyphIdMap.set(g.glyph.id, id);
    embedder.glyphCache.invalidate();
  }
  return id.toString(16).padStart(4, '0');
}

/** Where shaped glyphs go: a page, or a form field's appearance stream. */
export interface GlyphCanvas {
  doc: PDFDocument;
  /** The resource name the canvas knows the font by. */
  fontName(font: PDFFont): PDFName;
  /** A graphics state with this fill opacity, where the canvas has them. */
  opacityState?(opacity: number): string | undefined;
  push(...ops: PDFOperator[]): void;
}

const pageCanvases = new WeakMap<PDFPage, GlyphCanvas>();

/** A page as a canvas, one per page so each font is named once in its resources. */
export function pageCanvas(page: PDFPage): GlyphCanvas {
  let canvas = pageCanvases.get(page);
  if (!canvas) {
    const names = new Map<PDFFont, PDFName>();
    canvas = {
      doc: page.doc,
      fontName(font) {
        let name = names.get(font);
        if (!name) {
          name = page.node.newFontDictionary(font.name, font.ref);
          names.set(font, name);
        }
        return name;
      },
      opacityState: (opacity) => (page as unknown as { maybeEmbedGraphicsState(o: { opacity: number }): string | undefined }).maybeEmbedGraphicsState({ opacity }),
      push: (...ops) => page.pushOperators(...ops),
    };
    pageCanvases.set(page, canvas);
  }
  return canvas;
}

/** Where each glyph of a shaped run sits, in points from the run's origin on the baseline. */
export function glyphPositions(shaped: Shaped, size: number): Array<{ id: number; x: number; y: number }> {
  const scale = size / shaped.unitsPerEm;
  let pen = 0;
  return shaped.glyphs.map((g) => {
    const at = { id: g.glyph.id, x: round((pen + g.dx) * scale), y: round(g.dy * scale) };
    pen += g.advance;
    return at;
  });
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Draws shaped glyphs where shaping put them. pdf-lib's drawText can only
 * show a string with the font's own advances; here each glyph keeps its
 * shaped advance and mark offset (a new text matrix wherever the PDF's pen
 * would be elsewhere). Text that shaping reordered or joined is wrapped in
 * /ActualText so copying and `pdftotext` give the characters back in order.
 */
export function drawShaped(canvas: GlyphCanvas, chain: FontChain, shaped: Shaped, x: number, y: number, size: number, color: RGB, opacity?: number): void {
  const font = chain.pdfFont(shaped.key);
  const embedder = embedderOf(font);
  chain.noteUsed(shaped);
  const scale = size / shaped.unitsPerEm;
  const ops: PDFOperator[] = [];
  const translucent = opacity !== undefined && opacity < 1;
  if (translucent) {
    const state = canvas.opacityState?.(opacity);
    ops.push(pushGraphicsState());
    if (state) ops.push(setGraphicsState(state));
  }
  if (shaped.complex && !shaped.rtl) ops.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), canvas.doc.context.obj({ ActualText: PDFHexString.fromText(shaped.text) }) as unknown as PDFName]));
  ops.push(beginText(), setFillingColor(color), setFontAndSize(canvas.fontName(font), size));
  let pen = x;
  let pdfX = Number.NaN;
  let pdfY = Number.NaN;
  let hex = '';
  const flush = () => {
    if (hex) ops.push(showText(PDFHexString.of(hex)));
    hex = '';
  };
  for (const g of shaped.glyphs) {
    const gx = pen + g.dx * scale;
    const gy = y + g.dy * scale;
    if (!(Math.abs(gx - pdfX) <= 0.002 && Math.abs(gy - pdfY) <= 0.002)) {
      flush();
      ops.push(setTextMatrix(1, 0, 0, 1, gx, gy));
      pdfX = gx;
      pdfY = gy;
    }
    hex += encode(embedder, g);
    pdfX += g.glyph.advanceWidth * scale;
    pen += g.advance * scale;
  }
  flush();
  ops.push(endText());
  if (shaped.complex && !shaped.rtl) ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  if (translucent) ops.push(popGraphicsState());
  canvas.push(...ops);
}
