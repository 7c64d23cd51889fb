import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import type { PmNode } from '../../../../src/shared/documents/brief';
import { defaultBrandKit } from '../../../../src/shared/documents/model';
import type { DocumentRequest } from '../../../../src/shared/documents/requests';
import { pdfText, qpdfCheck, renderPng, writeTemp } from './pdf-tools';

const store = new MediaStore(mkdtempSync(join(tmpdir(), 'fanfare-brief-board-')));
const host = createInProcessHost(createHostHandlers({ mediaStore: store }));
const brand = { ...defaultBrandKit, name: 'Lumen Skin', primary: '#7a2e4d', accent: '#f2a541' };
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
// Set FANFARE_DOCS_LOOK=/some/dir to keep the PDFs and page images for a look.
const keep = (name: string, bytes: Uint8Array) => {
  if (!process.env.FANFARE_DOCS_LOOK) return;
  const path = `${process.env.FANFARE_DOCS_LOOK}/${name}.pdf`;
  writeFileSync(path, bytes);
  renderPng(path, `${process.env.FANFARE_DOCS_LOOK}/${name}`, 70);
};

async function storedPicture(colour: string, width: number, height: number): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
  return (await host['documents-store-file']({ fileName: 'pic.png', base64: png.toString('base64') })).sha256;
}

const text = (t: string) => ({ type: 'text', text: t });
const para = (t: string): PmNode => ({ type: 'paragraph', content: [text(t)] });
const h2 = (t: string): PmNode => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] });
const bullets = (...items: string[]): PmNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) });

/** A brief the team has written over the template's sections. */
const body: PmNode = { type: 'doc', content: [
  h2('Overview'), para('Our Vitamin C serum is back in a bigger bottle. We chose you for your honest morning routines.'),
  h2('Brand visuals and tone'), para('Soft daylight, bathroom shelves, warm skin tones. Warm and expert, never preachy.'),
  h2('Content examples and references'), para('The pictures below are the feel we are after.'),
  h2('Do’s and don’ts'), para('Do:'), bullets('Show the serum in daylight', 'Speak in your own words', 'Tag @lumenskin'),
  para('Don’t:'), bullets('Mention other brands', 'Make medical claims'),
  h2('Deliverables and formats'), para('Post from your own account; we boost the best posts.'),
  h2('Key dates'), bullets('Campaign starts: 2026-03-02', 'Campaign ends: 2026-03-27'), para('Send drafts five working days before each due date.'),
] };

const deliverables = [
  { creatorName: 'Zoë Łukasiewicz', platform: 'instagram', format: 'Reel', quantity: 1, dueOn: '2026-03-10', usageRights: 'Paid social, 90 days', fee: '$1,200.00' },
  { creatorName: 'Zoë Łukasiewicz', platform: 'tiktok', format: 'Video', quantity: 2, dueOn: '2026-03-17', usageRights: 'Organic only', fee: '$1,200.00' },
  { creatorName: 'Nguyễn Thị Hương', platform: 'instagram', format: 'Reel', quantity: 1, dueOn: '2026-03-10', usageRights: 'Paid social, 90 days', fee: '$950.00' },
];

async function request(copy: 'team' | 'creator', moodBoard: Array<{ sha256: string; caption: string }>, extra: Partial<Extract<DocumentRequest, { kind: 'brief' }>> = {}): Promise<Extract<DocumentRequest, { kind: 'brief' }>> {
  return {
    kind: 'brief', brand, copy, title: 'Vitamin C serum – spring routines', campaignName: 'Q1 VitC push (internal)', statusLabel: 'Draft', updatedOn: '20 February 2026', body,
    campaign: { startsOn: '2026-03-02', endsOn: '2026-03-27', budget: '$24,000.00', notes: 'Hold back 20% for boosting.' }, deliverables, moodBoard, ...extra,
  };
}

describe('designed brief PDFs', () => {
  it('the creator copy leaves out every internal field; the team copy has them, marked internal', async () => {
    const board = [await storedPicture('#f0b8a0', 800, 600), await storedPicture('#a0c8f0', 600, 900)].map((sha256, i) => ({ sha256, caption: `Reference ${i + 1}` }));
    const creator = await host['documents-render']({ document: await request('creator', board) });
    keep('brief-creator-copy', bytesOf(creator.pdfBase64));
    const creatorPath = writeTemp(bytesOf(creator.pdfBase64));
    expect(qpdfCheck(creatorPath)).toMatch(/No syntax or stream encoding errors/);
    const creatorText = pdfText(creatorPath).replace(/\s+/g, ' ');
    for (const internal of ['STATUS', 'Draft', 'Q1 VitC push', 'internal', '$24,000.00', 'Hold back 20%', '$1,200.00', '$950.00', 'Team copy', 'Zoë Łukasiewicz', 'Nguyễn Thị Hương', 'Budget']) {
      expect(creatorText, internal).not.toContain(internal);
    }
    for (const shown of ['CREATOR BRIEF', 'Lumen Skin', 'Vitamin C serum – spring routines', 'Show the serum in daylight', 'Make medical claims', 'Paid social, 90 days']) expect(creatorText).toContain(shown);

    const team = await host['documents-render']({ document: await request('team', board) });
    keep('brief-team-copy', bytesOf(team.pdfBase64));
    const teamText = pdfText(writeTemp(bytesOf(team.pdfBase64))).replace(/\s+/g, ' ');
    for (const internal of ['Team copy: internal', 'Draft', 'Q1 VitC push (internal)', '$24,000.00', 'Hold back 20%', '$1,200.00', '$950.00', 'Zoë Łukasiewicz', 'Nguyễn Thị Hương']) expect(teamText).toContain(internal);
  });

  it('a creator copy for one creator shows only their deliverables', async () => {
    const file = await host['documents-render']({ document: await request('creator', [], { forCreator: 'Nguyễn Thị Hương' }) });
    const layout = pdfText(writeTemp(bytesOf(file.pdfBase64)));
    expect(layout).toContain('Nguyễn Thị Hương');
    expect(layout).not.toContain('Zoë');
    expect(layout).not.toMatch(/TikTok\s+Video/);
  });

  it('deliverables, key dates and do’s and don’ts are tables: each row’s cells on one line', async () => {
    const file = await host['documents-render']({ document: await request('team', []) });
    const layout = pdfText(writeTemp(bytesOf(file.pdfBase64)));
    const lines = layout.split('\n');
    const row = (...cells: string[]) => lines.find((l) => cells.every((c) => l.includes(c)));
    expect(row('Creator', 'Platform', 'Content', 'Qty', 'Due', 'Usage rights', 'Fee')).toBeTruthy();
    expect(row('Zoë Łukasiewicz', 'Instagram', 'Reel', '1', '10 Mar 2026', 'Paid social, 90 days', '$1,200.00')).toBeTruthy();
    expect(row('TikTok', 'Video', '2', '17 Mar 2026', 'Organic only')).toBeTruthy();
    // A fee is for all of a creator's deliverables: once per creator, not once per row.
    expect(layout.match(/\$1,200\.00/g)).toHaveLength(1);
    expect(row('Nguyễn Thị Hương', 'Instagram', 'Reel', '1', '10 Mar 2026', 'Paid social, 90 days', '$950.00')).toBeTruthy();
    expect(row('Date', 'What', 'Who')).toBeTruthy();
    expect(row('10 March 2026', 'Instagram reel due', 'Nguyễn Thị Hương, Zoë Łukasiewicz')).toBeTruthy();
    expect(row('27 March 2026', 'Campaign ends')).toBeTruthy();
    // The template's date lines are in the table now, not printed twice.
    expect(layout).not.toContain('Campaign starts: 2026-03-02');
    expect(row('Do', 'Don’t')).toBeTruthy();
    expect(row('Show the serum in daylight', 'Mention other brands')).toBeTruthy();
    expect(row('Speak in your own words', 'Make medical claims')).toBeTruthy();
    // Deliverables before key dates, in the order of the brief's sections.
    expect(layout.indexOf('Usage rights')).toBeLessThan(layout.indexOf('Campaign ends'));
  });

  it('embeds the mood board’s pictures from the library, with their captions', async () => {
    const shas = [await storedPicture('#e8590c', 640, 480), await storedPicture('#2f9e44', 480, 640), await storedPicture('#1971c2', 900, 500), await storedPicture('#ae3ec9', 500, 500)];
    const file = await host['documents-render']({ document: await request('creator', shas.map((sha256, i) => ({ sha256, caption: `Look ${i + 1}` }))) });
    expect(file.missingImages).toEqual([]);
    const path = writeTemp(bytesOf(file.pdfBase64));
    const listed = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(listed).toHaveLength(4);
    expect(listed.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x')).sort()).toEqual(['480x640', '500x500', '640x480', '900x500']);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const s of ['Mood board', 'Look 1', 'Look 4']) expect(text).toContain(s);
    expect(text.indexOf('Mood board')).toBeGreaterThan(text.indexOf('The pictures below are the feel we are after.'));
  });

  it('refuses a brief whose text still has template prompts, with the list', async () => {
    const withPrompt: PmNode = { type: 'doc', content: [...body.content!, h2('Content examples and references'), para('Links to posts we love, from you or others, and what we like about each.')] };
    const error = await host['documents-render']({ document: await request('creator', [], { body: withPrompt }) }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('Still the template’s prompt: ‘Links to posts we love…’ in Content examples and references');
  });
});
