import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { fragmentToJson } from '../../../../src/shared/documents/brief';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import { pdfText, qpdfCheck, writeTemp } from './pdf-tools';

const store = new MediaStore(mkdtempSync(join(tmpdir(), 'fanfare-brief-media-')));
const host = createInProcessHost(createHostHandlers({ mediaStore: store }));
const brand = { ...defaultBrandKit, name: 'Lumen Skin' };

/** A brief as TipTap writes it into its Y.XmlFragment. */
function briefFragment(sha256: string, paragraphs: number): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  const el = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, unknown> = {}) => {
    const e = new Y.XmlElement(name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
    e.insert(0, children);
    return e;
  };
  const text = (parts: Array<[string, Record<string, unknown>?]>) => {
    const t = new Y.XmlText();
    let at = 0;
    for (const [s, marks] of parts) { t.insert(at, s, marks ?? {}); at += s.length; }
    return t;
  };
  const para = (s: string) => el('paragraph', [text([[s]])]);
  fragment.insert(0, [
    el('heading', [text([['The idea']])], { level: 1 as unknown as string }),
    el('paragraph', [text([['Show the serum '], ['in daylight', { bold: {} }], [', talk to camera '], ['like a friend', { italic: {} }], ['. Read the '], ['disclosure guide', { link: { href: 'https://example.com/ads' } }], ['.']])]),
    el('bulletList', [el('listItem', [para('Алёна: morning routine')]), el('listItem', [para('Ψυχή: evening routine')])]),
    el('orderedList', [el('listItem', [para('Draft by 12 March')]), el('listItem', [para('Post by 20 March')])]),
    el('image', [], { src: `fanfare-media:${sha256}`, alt: 'Mood board' }),
    ...Array.from({ length: paragraphs }, (_, i) => para(`Paragraph ${i + 1}: Nguyễn and Zoë Łukasiewicz explain what they noticed after two weeks of using the serum every morning, in their own words and without a script.`)),
  ]);
  return fragment;
}

async function storedPicture(): Promise<string> {
  const png = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#f0b8a0' } }).png().toBuffer();
  return (await host['documents-store-file']({ fileName: 'mood.png', base64: png.toString('base64') })).sha256;
}

describe('brief PDFs', () => {
  it('carry the collaborative text: headings, lists, bold, italic, links and pictures from the library', async () => {
    const sha = await storedPicture();
    const body = fragmentToJson(briefFragment(sha, 3));
    const file = await host['documents-render']({ document: { kind: 'brief', brand, title: 'Spring glow – TikTok', campaignName: 'Spring glow', statusLabel: 'Draft', updatedOn: '20 February 2026', body } });
    expect(file.missingImages).toEqual([]);
    const path = writeTemp(Buffer.from(file.pdfBase64, 'base64'));
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const s of ['The idea', 'in daylight', 'like a friend', 'disclosure guide', 'Алёна: morning routine', 'Ψυχή', '1. Draft by 12 March', '2. Post by 20 March', 'Mood board', 'Nguyễn', 'Zoë Łukasiewicz']) expect(text).toContain(s);
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
    expect(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l))).toHaveLength(1);
    const links = execFileSync('qpdf', ['--json', path], { encoding: 'utf8' });
    expect(links).toContain('https://example.com/ads');
  });

  it('gets longer as the brief does', async () => {
    const sha = await storedPicture();
    const short = await host['documents-render']({ document: { kind: 'brief', brand, title: 'B', campaignName: null, statusLabel: 'Draft', updatedOn: 'today', body: fragmentToJson(briefFragment(sha, 2)) } });
    const long = await host['documents-render']({ document: { kind: 'brief', brand, title: 'B', campaignName: null, statusLabel: 'Draft', updatedOn: 'today', body: fragmentToJson(briefFragment(sha, 60)) } });
    expect(long.pageCount).toBeGreaterThan(short.pageCount + 2);
  });
});
