/** One glyph of a run: its id in the font file and where it sits, in points from the run's origin. */
export interface PreviewGlyph {
  id: number;
  x: number;
  y: number;
}

/** Shaped text exactly as the PDF draws it: the same font, the same glyphs, at the same places. */
export interface GlyphsOp {
  op: 'glyphs';
  x: number;
  y: number;
  size: number;
  /** A key of the rendered document's PreviewFonts ('regular', 'bold', 'arabic', 'cjk'…). */
  font: string;
  glyphs: PreviewGlyph[];
  /** The characters drawn, in reading order: for finding the run (tests, accessibility), never for drawing. */
  text: string;
  color: string;
  opacity: number;
}

/** What a page shows, for an on-screen preview drawn without a PDF viewer. Coordinates are PDF points, origin bottom-left. */
export type PreviewOp =
  | GlyphsOp
  | { op: 'rect'; x: number; y: number; width: number; height: number; color: string; opacity: number }
  | { op: 'image'; x: number; y: number; width: number; height: number; sha256: string }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; thickness: number; dash?: number[] }
  | { op: 'circle'; x: number; y: number; r: number; color: string }
  | { op: 'field'; x: number; y: number; width: number; height: number; value: string; checkbox: boolean; text?: GlyphsOp[] };

/** The outlines of the glyphs a document draws, by font: SVG path data in font units, y up. */
export type PreviewFonts = Record<string, { unitsPerEm: number; paths: Record<number, string> }>;
