import type { GlyphsOp, PreviewFonts } from '../../../../shared/documents/preview';

/** Shaped text as the PDF draws it: each glyph's outline from the document's own font, placed where the PDF places it. */
export function GlyphRun({ op, fonts, pageHeight }: { op: GlyphsOp; fonts: PreviewFonts; pageHeight: number }) {
  const font = fonts[op.font];
  if (!font) return null;
  const scale = op.size / font.unitsPerEm;
  return (
    <g fill={op.color} fillOpacity={op.opacity} data-font={op.font}>
      {op.glyphs.map((g, i) => {
        const path = font.paths[g.id];
        // Font outlines are y-up in font units; the page is y-down in points.
        return path ? <path key={i} d={path} transform={`translate(${op.x + g.x} ${pageHeight - op.y - g.y}) scale(${scale} ${-scale})`} /> : null;
      })}
    </g>
  );
}
