import type { GlyphsOp, PreviewFonts } from '../../../../shared/documents/preview';

/** The id of a glyph's outline in a page's <defs> (see GlyphDefs). */
export const glyphRef = (page: number, font: string, id: number) => `pdf-p${page}-${font}-${id}`;

/** Shaped text as the PDF draws it: each glyph's outline from the document's own font, placed where the PDF places it. */
export function GlyphRun({ op, fonts, pageHeight, page }: { op: GlyphsOp; fonts: PreviewFonts; pageHeight: number; page: number }) {
  const font = fonts[op.font];
  if (!font) return null;
  const scale = op.size / font.unitsPerEm;
  // Font outlines are y-up in font units; the page is y-down in points: one transform per run, not per glyph.
  return (
    <g fill={op.color} fillOpacity={op.opacity} data-font={op.font} data-text={op.text} transform={`translate(${op.x} ${pageHeight - op.y}) scale(${scale} ${-scale})`}>
      {op.glyphs.map((g, i) => (font.paths[g.id] ? <use key={i} href={`#${glyphRef(page, op.font, g.id)}`} x={g.x / scale} y={g.y / scale} /> : null))}
    </g>
  );
}
