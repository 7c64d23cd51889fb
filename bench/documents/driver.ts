// Bundled by run.mjs (vite, SSR mode) so the benchmark runs the app's own TypeScript.
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { renderDocument } from '../../src/main/services/documents/render-document';
import { contractMergeValues, defaultClauseIds } from '../../src/shared/documents/contract';
import { defaultBrandKit } from '../../src/shared/documents/model';
import type { PmNode } from '../../src/shared/documents/brief';

export const brand = { ...defaultBrandKit, name: 'Lumen Skin' };

const names = ['Zoë Łukasiewicz', 'Ψυχή Παπαδοπούλου', 'Алёна Смирнова', 'Nguyễn Thị Hương', 'Álvaro Castillo', 'Caleb Morales'];

/** A brief body with `sections` sections of headings, paragraphs and lists. */
export function briefBody(sections: number): PmNode {
  const text = (s: string, marks: PmNode['marks'] = []) => ({ type: 'text', text: s, marks });
  const para = (s: string) => ({ type: 'paragraph', content: [text(s)] });
  const content: PmNode[] = [];
  for (let i = 0; i < sections; i++) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Part ${i + 1}: what to show`)] });
    content.push({ type: 'paragraph', content: [text('Film in daylight and '), text('talk to camera', [{ type: 'bold' }]), text(' as you would to a friend. Show the texture on your skin, say honestly what you noticed after two weeks, and keep the '), text('disclosure', [{ type: 'link', attrs: { href: 'https://example.com/ads' } }]), text(' in the first line of the caption. Our audience is curious, busy and sceptical of polished ads, so real routines beat studio shots every time.')] });
    content.push({ type: 'bulletList', content: ['Show the product in the first three seconds', 'Say #ad before anything else', 'Link in bio with your code'].map((s) => ({ type: 'listItem', content: [para(s)] })) });
    content.push(para('Deliver the draft five working days before the due date; we answer within three. Two rounds of changes at most.'));
  }
  return { type: 'doc', content };
}

export async function brief(sections: number) {
  return renderDocument({ kind: 'brief', brand, title: 'Spring glow – creator brief', campaignName: 'Spring glow', statusLabel: 'Draft', updatedOn: '20 February 2026', body: briefBody(sections) });
}

export async function contract(i: number) {
  const mergeValues = contractMergeValues({
    brand, brandLegalName: 'Lumen Skin Ltd',
    creator: { name: names[i % names.length] + ` ${i}`, handle: `@creator${i}`, email: '', address: '' },
    campaign: { name: 'Spring glow', startsOn: '2026-03-01', endsOn: '2026-03-31' },
    terms: {
      fee: { amountMicros: (500 + i) * 1_000_000, currency: 'EUR' }, bonus: null, productValue: { amountMicros: 89_000_000, currency: 'EUR' },
      commissionPercent: 10, exclusivityDays: 30,
      deliverables: [{ platform: 'instagram', format: 'reel', quantity: 2, dueOn: '2026-03-12', usageRights: 'Paid use on Meta for 90 days' }, { platform: 'tiktok', format: 'video', quantity: 1, dueOn: '2026-03-20', usageRights: 'Spark Ads for 60 days' }],
    },
    issuedOn: '2026-02-20',
  });
  return renderDocument({ kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) });
}

export async function cjkContract() {
  const mergeValues = contractMergeValues({ brand, creator: { name: '王小明', handle: '@wang', email: '', address: '' }, campaign: { name: 'Spring glow', startsOn: null, endsOn: null }, terms: null, issuedOn: '2026-02-20' });
  return renderDocument({ kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) });
}

/** A creator named in each script the engine draws. */
export const scriptNames: Record<string, string> = {
  latin: 'Zoë Łukasiewicz', vietnamese: 'Nguyễn Thị Ánh', greek: 'Ψυχή Παπαδοπούλου', cyrillic: 'Алёна Смирнова',
  arabic: 'ليلى الحسن', hebrew: 'נועה כהן', mixed: 'ليلى Hassan 2026', devanagari: 'प्रिया शर्मा', thai: 'สมชาย ใจดี',
  chinese: '王小明', japanese: '山田 はなこ', korean: '김민지',
};

export async function scriptContract(name: string) {
  const mergeValues = contractMergeValues({
    brand, brandLegalName: 'Lumen Skin Ltd',
    creator: { name, handle: '@creator', email: '', address: '' },
    campaign: { name: 'Spring glow', startsOn: '2026-03-01', endsOn: '2026-03-31' },
    terms: null, issuedOn: '2026-02-20',
  });
  return renderDocument({ kind: 'contract', brand, mergeValues, clauseIds: defaultClauseIds(mergeValues) });
}

/** Bytes of the embedded font programs (as stored, compressed) and their share of the file. */
export async function fontShare(bytes: Uint8Array): Promise<{ fontBytes: number; fonts: number; share: number }> {
  const doc = await PDFDocument.load(bytes);
  let fontBytes = 0;
  let fonts = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = object.lookup(PDFName.of('FontFile2')) ?? object.lookup(PDFName.of('FontFile3'));
    if (file instanceof PDFRawStream) { fontBytes += file.contents.length; fonts += 1; }
  }
  return { fontBytes, fonts, share: fontBytes / bytes.length };
}
