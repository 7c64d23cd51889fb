import type { PreviewFonts, PreviewOp } from '../../../../shared/documents/preview';
import { GlyphDefs } from './glyph-defs';
import { GlyphRun } from './glyph-run';

/** One page of a document, drawn as SVG from what the PDF engine drew (no PDF viewer needed, the PDF's own glyphs). */
export function PdfPagePreview({ ops, width, height, fonts, images, index }: { ops: PreviewOp[]; width: number; height: number; fonts: PreviewFonts; images: Record<string, string>; index: number }) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Page ${index + 1}`} data-testid="pdf-page"
      style={{ width: '100%', height: 'auto', background: '#fff', borderRadius: 4, boxShadow: '0 2px 12px rgba(16, 24, 40, 0.14)', display: 'block' }}>
      <GlyphDefs ops={ops} fonts={fonts} page={index} />
      {ops.map((op, i) => {
        switch (op.op) {
          case 'rect':
            return <rect key={i} x={op.x} y={height - op.y - op.height} width={op.width} height={op.height} fill={op.color} fillOpacity={op.opacity} />;
          case 'line':
            return <line key={i} x1={op.x1} y1={height - op.y1} x2={op.x2} y2={height - op.y2} stroke={op.color} strokeWidth={op.thickness}
              strokeDasharray={op.dash?.join(' ')} strokeLinecap={op.dash ? 'butt' : 'round'} />;
          case 'circle':
            return <circle key={i} cx={op.x} cy={height - op.y} r={op.r} fill={op.color} />;
          case 'image':
            return images[op.sha256] ? <image key={i} href={images[op.sha256]} x={op.x} y={height - op.y - op.height} width={op.width} height={op.height} preserveAspectRatio="none" /> : null;
          case 'field':
            return <g key={i}>
              <rect x={op.x} y={height - op.y - op.height} width={op.width} height={op.height} fill="#f7f8fb" stroke="#b8bfcc" strokeWidth={0.75} />
              {op.text?.map((run, k) => <GlyphRun key={k} op={run} fonts={fonts} pageHeight={height} page={index} />)}
            </g>;
          case 'glyphs':
            return <GlyphRun key={i} op={op} fonts={fonts} pageHeight={height} page={index} />;
        }
      })}
    </svg>
  );
}
