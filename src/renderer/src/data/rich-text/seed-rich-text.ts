import * as Y from 'yjs';
import { acquireRichText } from './open-rich-text';
import type { RichTextDoc, RichTextLink } from './rich-text-doc';

async function withRichText<T>(workspaceId: string, docId: string, link: RichTextLink | null, work: (doc: RichTextDoc) => T | Promise<T>): Promise<T> {
  const { doc, release } = acquireRichText(workspaceId, docId, link);
  try {
    await doc.loaded;
    return await work(doc);
  } finally {
    release();
  }
}

/**
 * Writes a starting text (a template, or a copy of last month's brief) into
 * a new rich-text document, only if it is still empty, and waits until it is
 * on disk: the editor that opens next finds it there.
 */
export function seedRichText(workspaceId: string, docId: string, link: RichTextLink | null, update: Uint8Array): Promise<void> {
  return withRichText(workspaceId, docId, link, (doc) => {
    if (!doc.isEmpty()) return;
    Y.applyUpdate(doc.doc, update);
    if (doc.saved) return;
    return new Promise<void>((resolve) => {
      const stop = doc.onSaved((saved) => {
        if (!saved) return;
        stop();
        resolve();
      });
    });
  });
}

/** A rich-text document's whole content as an update, to start another document from (the local copy; offline is fine). */
export function richTextContent(workspaceId: string, docId: string, link: RichTextLink | null): Promise<Uint8Array> {
  return withRichText(workspaceId, docId, link, (doc) => Y.encodeStateAsUpdate(doc.doc));
}
