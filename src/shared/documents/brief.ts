import * as Y from 'yjs';
import type { Block, Inline } from './model';

/** ProseMirror's JSON shape (what TipTap's editor.getJSON() gives). */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/**
 * Reads a collaborative rich-text fragment (TipTap over Yjs) as ProseMirror
 * JSON, without an editor: elements are nodes, text carries its marks as
 * formatting attributes.
 */
export function fragmentToJson(fragment: Y.XmlFragment): PmNode {
  const convert = (item: Y.XmlElement | Y.XmlText | Y.XmlHook): PmNode[] => {
    if (item instanceof Y.XmlText) {
      const delta = item.toDelta() as Array<{ insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }>;
      return delta.filter((d) => typeof d.insert === 'string' && d.insert).map((d) => ({
        type: 'text',
        text: d.insert as string,
        marks: Object.entries(d.attributes ?? {}).map(([type, attrs]) => ({ type, attrs: attrs ?? {} })),
      }));
    }
    if (item instanceof Y.XmlElement) {
      return [{ type: item.nodeName, attrs: item.getAttributes() as Record<string, unknown>, content: item.toArray().flatMap((c) => convert(c as Y.XmlElement | Y.XmlText)) }];
    }
    return [];
  };
  return { type: 'doc', content: fragment.toArray().flatMap((c) => convert(c as Y.XmlElement | Y.XmlText)) };
}

function inlines(nodes: PmNode[] | undefined): Inline[] {
  const runs: Inline[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'text' && n.text) {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      const link = n.marks?.find((m) => m.type === 'link');
      const href = typeof link?.attrs?.href === 'string' && /^(https?:|mailto:)/i.test(link.attrs.href) ? link.attrs.href : undefined;
      runs.push({ text: n.text, bold: marks.has('bold') || undefined, italic: marks.has('italic') || undefined, href });
    } else if (n.type === 'hardBreak') runs.push({ text: '\n' });
    else if (n.content) runs.push(...inlines(n.content));
  }
  return runs;
}

const MEDIA = /^fanfare-media:([a-f0-9]{64})$/;

/** Converts a brief's ProseMirror JSON into document blocks. Unknown nodes keep their text. */
export function pmToBlocks(node: PmNode | null | undefined): Block[] {
  const blocks: Block[] = [];
  for (const n of node?.content ?? []) {
    switch (n.type) {
      case 'heading': {
        const level = Math.min(3, Math.max(1, Number(n.attrs?.level ?? 2))) as 1 | 2 | 3;
        const runs = inlines(n.content);
        if (runs.length) blocks.push({ type: 'heading', level, runs });
        break;
      }
      case 'paragraph': {
        const runs = inlines(n.content);
        if (runs.some((r) => r.text.trim())) blocks.push({ type: 'paragraph', runs });
        break;
      }
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          type: 'list', ordered: n.type === 'orderedList', start: Number(n.attrs?.start ?? 1) || 1,
          items: (n.content ?? []).map((item) => pmToBlocks(item)).map((b) => (b.length ? b : [{ type: 'paragraph', runs: [{ text: '' }] }])),
        });
        break;
      case 'blockquote':
        blocks.push({ type: 'callout', runs: inlines(n.content?.flatMap((c) => [...(c.content ?? []), { type: 'hardBreak' }]).slice(0, -1)) });
        break;
      case 'codeBlock':
        blocks.push({ type: 'paragraph', runs: inlines(n.content) });
        break;
      case 'horizontalRule':
        blocks.push({ type: 'rule' });
        break;
      case 'image': {
        const src = String(n.attrs?.src ?? '');
        const sha = typeof n.attrs?.sha256 === 'string' ? n.attrs.sha256 : MEDIA.exec(src)?.[1];
        if (sha) blocks.push({ type: 'image', sha256: sha, caption: typeof n.attrs?.alt === 'string' ? n.attrs.alt : undefined });
        break;
      }
      default:
        if (n.content) blocks.push(...pmToBlocks(n));
    }
  }
  return blocks;
}
