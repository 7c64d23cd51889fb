import type { PmNode } from './brief';
import type { Inline } from './model';

/** A brief's text cut at its headings: the heading's words and the nodes under it. */
export interface BriefSectionNodes {
  heading: PmNode | null;
  title: string;
  nodes: PmNode[];
}

export function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

/** Cuts the text at headings of level 1 and 2; level 3 stays inside its section. */
export function sectionsOf(body: PmNode | null | undefined): BriefSectionNodes[] {
  const sections: BriefSectionNodes[] = [];
  let current: BriefSectionNodes = { heading: null, title: '', nodes: [] };
  for (const node of body?.content ?? []) {
    if (node.type === 'heading' && Number(node.attrs?.level ?? 2) <= 2) {
      if (current.heading || current.nodes.length) sections.push(current);
      current = { heading: node, title: plainText(node).trim(), nodes: [] };
    } else current.nodes.push(node);
  }
  if (current.heading || current.nodes.length) sections.push(current);
  return sections;
}

const APOS = '[\'’]';
/** "Do:", "Dos:", "Do’s:", "Don’t:", "Don't:", "Donts:" at the start of a piece of text. */
const MARKER = new RegExp(`(^|\\s)(do(?:${APOS}?s)?|don${APOS}?ts?)\\s*:\\s*`, 'gi');

export interface DosAndDonts {
  dos: string[];
  donts: string[];
  /** Text of the section before any "Do:" or "Don’t:", kept as it is. */
  intro: PmNode[];
}

/**
 * Reads a "Do’s and don’ts" section as two lists: every paragraph or list
 * item after "Do:" is a do until "Don’t:", and the other way round. A
 * paragraph such as "Do: show the product, speak freely. Don’t: mention
 * competitors." gives one item per sentence or semicolon. Returns null when
 * the section has no markers, so it prints as written.
 */
export function readDosAndDonts(nodes: PmNode[]): DosAndDonts | null {
  const result: DosAndDonts = { dos: [], donts: [], intro: [] };
  let mode: 'do' | 'dont' | null = null;
  let marked = false;
  const add = (text: string, split: boolean) => {
    const pieces = split ? text.split(/;\s*|\n+|(?<=[.!?])\s+(?=\p{Lu})/u) : [text];
    for (const piece of pieces.map((p) => p.trim()).filter(Boolean)) (mode === 'dont' ? result.donts : result.dos).push(piece);
  };
  const readText = (text: string, split: boolean, node: PmNode | null) => {
    const parts: Array<{ marker: 'do' | 'dont' | null; text: string }> = [];
    let last = 0;
    let marker: 'do' | 'dont' | null = null;
    for (const m of text.matchAll(MARKER)) {
      parts.push({ marker, text: text.slice(last, m.index + m[1].length) });
      marker = /^don/i.test(m[2]) ? 'dont' : 'do';
      last = m.index + m[0].length;
    }
    parts.push({ marker, text: text.slice(last) });
    if (!parts.some((p) => p.marker) && !mode) {
      if (node) result.intro.push(node);
      return;
    }
    for (const part of parts) {
      if (part.marker) {
        mode = part.marker;
        marked = true;
      }
      if (mode) add(part.text, split);
    }
  };
  const visit = (node: PmNode) => {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      for (const item of node.content ?? []) readText(plainText(item), false, mode ? null : item);
      return;
    }
    readText(plainText(node), true, node);
  };
  nodes.forEach(visit);
  return marked && (result.dos.length || result.donts.length) ? result : null;
}

/** The two lists side by side, as rows of a two-column table (an empty cell where one list is shorter). */
export function dosAndDontsRows(d: DosAndDonts): Inline[][][] {
  // Each item reads as a line of its own: a capital first, no full stop.
  const label = (text = '') => {
    const t = text.trim().replace(/(?<!\.)\.$/, '');
    return t.charAt(0).toLocaleUpperCase('en') + t.slice(1);
  };
  const rows: Inline[][][] = [];
  for (let i = 0; i < Math.max(d.dos.length, d.donts.length); i += 1) {
    rows.push([[{ text: label(d.dos[i]) }], [{ text: label(d.donts[i]) }]]);
  }
  return rows;
}
