import type { Block, DocumentSpec, Inline } from './model';
import type { FontChain } from './font-chain';

/** A character no bundled font can draw, and where the document has it. */
export interface UncoveredText {
  char: string;
  /** "U+1F600" */
  codePoint: string;
  /** Plain words: "the title", "a table", "the facts (Creator)"… */
  where: string;
  /** The text around it, so the user can find it. */
  context: string;
}

const joinRuns = (runs: Inline[]) => runs.map((r) => r.text).join('');

/** Every piece of text a spec prints, with a plain name for where it is. */
export function textsIn(spec: DocumentSpec): Array<{ text: string; where: string }> {
  const out: Array<{ text: string; where: string }> = [];
  const add = (text: string | undefined, where: string) => { if (text) out.push({ text, where }); };
  add(spec.title, 'the title');
  add(spec.eyebrow, 'the title');
  add(spec.subtitle, 'the subtitle');
  add(spec.brand.name, 'the brand name');
  add(spec.footer, 'the footer');
  for (const f of spec.facts ?? []) { add(f.label, 'the key facts'); add(f.value, `the key facts (${f.label})`); }
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      switch (b.type) {
        case 'heading': add(joinRuns(b.runs), 'a heading'); break;
        case 'paragraph': add(joinRuns(b.runs), 'a paragraph'); break;
        case 'list': b.items.forEach(walk); break;
        case 'table':
          b.columns.forEach((c) => add(c.header, 'a table heading'));
          b.rows.forEach((row) => row.forEach((cell, i) => add(joinRuns(cell), `a table (${b.columns[i]?.header ?? 'cell'})`)));
          break;
        case 'image': add(b.caption, 'a picture caption'); break;
        case 'callout': add(b.title, 'a highlighted note'); add(joinRuns(b.runs), 'a highlighted note'); break;
        case 'facts': b.items.forEach((f) => { add(f.label, 'the key facts'); add(f.value, `the key facts (${f.label})`); }); break;
        case 'signatures': b.parties.forEach((p) => { add(p.role, 'the signatures'); add(p.name, `the signatures (${p.role})`); }); break;
        case 'text-field': add(b.label, 'a form field label'); add(b.hint, 'a form field label'); add(b.value, `the form field “${b.label}”`); break;
        case 'field-row': b.fields.forEach((f) => { add(f.label, 'a form field label'); add(f.value, `the form field “${f.label}”`); }); break;
        case 'checkbox': add(b.label, 'a tick box'); break;
        case 'chart':
          add(b.title, 'a chart'); add(b.subtitle, 'a chart'); add(b.xLabel, 'a chart'); add(b.yLabel, 'a chart'); add(b.reference?.label, 'a chart');
          b.categories.forEach((c) => add(c, `the chart “${b.title}”`));
          b.series.forEach((s) => add(s.name, `the chart “${b.title}”`));
          break;
        case 'stats': b.items.forEach((it) => { add(it.label, 'a headline figure'); add(it.value, `a headline figure (${it.label})`); it.lines?.forEach((l) => add(joinRuns(l), `a headline figure (${it.label})`)); }); break;
        case 'gallery': b.items.forEach((it) => { add(it.placeholder, 'a picture grid'); it.lines?.forEach((l) => add(joinRuns(l), 'a picture grid')); }); break;
        case 'rule': case 'page-break': break;
      }
    }
  };
  walk(spec.blocks);
  return out;
}

/** The text around position `index`: enough words to find it, not the whole paragraph. */
function around(text: string, index: number): string {
  const chars = Array.from(text);
  const start = Math.max(0, index - 24);
  const end = Math.min(chars.length, index + 24);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

/** Characters of the spec no font of the chain has, each named once per place it appears. */
export function uncoveredIn(spec: DocumentSpec, chain: Pick<FontChain, 'uncovered'>): UncoveredText[] {
  const out: UncoveredText[] = [];
  const seen = new Set<string>();
  for (const { text, where } of textsIn(spec)) {
    const missing = chain.uncovered(text);
    if (!missing.length) continue;
    const chars = Array.from(text.normalize('NFC'));
    for (const m of missing) {
      const id = `${m.codePoint} ${where}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ ...m, where, context: around(text.normalize('NFC'), chars.indexOf(m.char)) });
    }
  }
  return out;
}
