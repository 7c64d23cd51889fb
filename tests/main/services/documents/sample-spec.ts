import type { Block, DocumentSpec } from '../../../../src/shared/documents/model';

export const unicodeNames = ['Zoë Łukasiewicz', 'Ψυχή', 'Алёна', 'Nguyễn Thị Hương', '王小明'];

export function sampleSpec(paragraphs = 4, overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  const blocks: Block[] = [
    { type: 'heading', level: 1, runs: [{ text: 'What we would love you to make' }] },
    { type: 'paragraph', runs: [{ text: 'Hi ' }, { text: unicodeNames.join(', '), bold: true }, { text: ' – thank you for joining the ' }, { text: 'Spring glow', italic: true }, { text: ' launch. Read the ' }, { text: 'posting guidelines', href: 'https://example.com/guidelines' }, { text: ' before you film.' }] },
    { type: 'list', ordered: false, items: [[{ type: 'paragraph', runs: [{ text: 'Show the serum on camera in the first three seconds.' }] }], [{ type: 'paragraph', runs: [{ text: 'Use #ad in the caption, not hidden among other hashtags.' }] }, { type: 'list', ordered: false, items: [[{ type: 'paragraph', runs: [{ text: 'On TikTok: also switch on the branded content toggle.' }] }]] }]] },
    { type: 'list', ordered: true, items: [[{ type: 'paragraph', runs: [{ text: 'Send the draft by 12 March.' }] }], [{ type: 'paragraph', runs: [{ text: 'Post once approved.' }] }]] },
    { type: 'callout', title: 'Disclosure', runs: [{ text: 'Every post must say it is an ad, in the first line of the caption, in the language of the post.' }] },
    { type: 'table', columns: [{ header: 'Platform', width: 1 }, { header: 'Format', width: 1.2 }, { header: 'Due', width: 1 }, { header: 'Usage rights', width: 2.4 }], rows: Array.from({ length: 6 }, (_, i) => [[{ text: 'Instagram' }], [{ text: `Reel ${i + 1}` }], [{ text: '2026-03-12' }], [{ text: 'Organic and paid use on Meta platforms for 90 days, worldwide, including whitelisting through the creator’s handle.' }]]) },
  ];
  for (let i = 0; i < paragraphs; i++) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: `Section ${i + 1}` }] });
    blocks.push({ type: 'paragraph', runs: [{ text: 'Our audience is curious, busy and sceptical of polished ads. Speak to camera as you would to a friend, show the texture on your skin in daylight, and tell people honestly what you noticed after two weeks. A supercalifragilisticexpialidociouslylongunbrokenwordthatmustbreakbetweencharacterswithoutanyhyphenbecauseitiswiderthanthewholeline appears here. ' }] });
  }
  blocks.push({ type: 'signatures', parties: [{ role: 'Creator', name: 'Zoë Łukasiewicz', field: 'creator' }, { role: 'For the brand', name: 'Lumen Skin Ltd', field: 'brand' }] });
  return {
    title: 'Spring glow – creator brief',
    eyebrow: 'Creator brief',
    subtitle: 'Lumen Skin · Spring glow launch',
    facts: [{ label: 'Campaign', value: 'Spring glow' }, { label: 'Creator', value: 'Алёна Ψυχή' }, { label: 'Posting window', value: '1–31 March 2026' }],
    brand: { name: 'Lumen Skin', primary: '#2f3e8f', accent: '#f06a3c', font: 'noto-sans', logoSha256: null },
    footer: 'Lumen Skin · Confidential',
    blocks,
    ...overrides,
  };
}
