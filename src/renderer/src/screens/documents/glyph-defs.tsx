import type { PreviewFonts, PreviewOp } from '../../../../shared/documents/preview';
import { glyphRef } from './glyph-run';

/** Each outline a page uses, once: the page's glyphs refer to them (a long document repeats the same few hundred). */
export function GlyphDefs({ ops, fonts, page }: { ops: PreviewOp[]; fonts: PreviewFonts; page: number }) {
  const used = new Map<string, { font: string; id: number }>();
  for (const op of ops) {
    const runs = op.op === 'glyphs' ? [op] : op.op === 'field' ? op.text ?? [] : [];
    for (const run of runs) for (const g of run.glyphs) used.set(glyphRef(page, run.font, g.id), { font: run.font, id: g.id });
  }
  return (
    <defs>
      {[...used].map(([ref, { font, id }]) => {
        const d = fonts[font]?.paths[id];
        return d ? <path key={ref} id={ref} d={d} /> : null;
      })}
    </defs>
  );
}
