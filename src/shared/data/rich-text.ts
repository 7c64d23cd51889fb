import * as Y from 'yjs';

/**
 * Rich text lives in Y.XmlFragments in the shape TipTap (ProseMirror) reads:
 * block elements named after their node types ("paragraph", "heading",
 * "bulletList" > "listItem" > "paragraph" …) holding Y.XmlText with marks.
 */

/**
 * The update that turns plain text (notes written before rich text existed)
 * into paragraphs. It is deterministic: the client id comes from the
 * document and the text, so two laptops seeding the same note offline make
 * the very same change, which Yjs then counts once instead of twice.
 */
export function plainTextSeed(docId: string, field: string, text: string): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = seedClientId(`${docId}\u0000${text}`);
  const fragment = seed.getXmlFragment(field);
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n/).map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  fragment.insert(0, paragraphs);
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

/** A 32-bit id from a string (FNV-1a): stable across machines and runs. */
function seedClientId(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Yjs client ids are positive 32-bit integers; 0 reads as "unset".
  return hash || 1;
}

const blockNames = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'horizontalRule']);

/** The words of a rich-text document, one block per line: for search, summaries and previews. */
export function richTextToPlain(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText, line: string[]) => {
    if (node instanceof Y.XmlText) {
      line.push(node.toDelta().map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
      return;
    }
    const isBlock = node instanceof Y.XmlElement && blockNames.has(node.nodeName);
    if (isBlock && node.nodeName !== 'listItem') {
      const own: string[] = [];
      for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, own);
      lines.push(own.join(''));
      return;
    }
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, line);
  };
  walk(fragment, []);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
