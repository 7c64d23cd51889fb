import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainTextSeed, richTextToPlain } from '../../../src/shared/data/rich-text';

function docWith(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('rich text', () => {
  it('seeds plain notes as paragraphs that read back as the same text', () => {
    const text = 'Prefers a call first.\nZoë Łukasiewicz · Ψυχή · Алёна · Nguyễn';
    const doc = docWith(plainTextSeed('notes-1', 'body', text));
    const fragment = doc.getXmlFragment('body');
    expect(fragment.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['paragraph', 'paragraph']);
    expect(richTextToPlain(fragment)).toBe(text);
  });

  it('counts the same seed made on two laptops once', () => {
    const a = plainTextSeed('notes-1', 'body', 'Loves trail running');
    const b = plainTextSeed('notes-1', 'body', 'Loves trail running');
    const merged = docWith(a, b);
    expect(richTextToPlain(merged.getXmlFragment('body'))).toBe('Loves trail running');
  });

  it('keeps both when two laptops seeded different text (nothing is lost)', () => {
    const merged = docWith(plainTextSeed('notes-1', 'body', 'one'), plainTextSeed('notes-1', 'body', 'two'));
    expect(richTextToPlain(merged.getXmlFragment('body')).split('\n').sort()).toEqual(['one', 'two']);
  });

  it('reads headings, lists and marks as lines of words', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('body');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText('Key messages')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    item.insert(0, [paragraph]);
    list.insert(0, [item]);
    fragment.insert(0, [heading, list]);
    text.insert(0, 'Show the ');
    text.insert(9, 'bottle', { bold: {} });
    expect(richTextToPlain(fragment)).toBe('Key messages\nShow the bottle');
  });
});
