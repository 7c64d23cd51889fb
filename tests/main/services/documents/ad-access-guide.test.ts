import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { createInProcessHost } from '../../../../src/main/handlers';
import { defaultBrandKit, type Block, type Inline } from '../../../../src/shared/documents/model';
import { documentRequest, specFor, type DocumentRequest } from '../../../../src/shared/documents/requests';
import { brandHandleProblem } from '../../../../src/shared/documents/whitelisting-guide';
import { pdfText, renderPng, writeTemp } from './pdf-tools';

const host = createInProcessHost();
const brand = { ...defaultBrandKit, name: 'Tempo Running' };
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
type Guide = Extract<DocumentRequest, { kind: 'whitelisting-guide' }>;
const guide = (over: Partial<Guide> = {}): Guide => ({
  kind: 'whitelisting-guide', brand, creatorName: 'Nguyễn Thị Hương', creatorInstagram: 'huong.runs', creatorTiktok: '@huongruns', brandInstagram: 'temporunning', brandTiktok: 'tempo.running',
  metaBusinessName: 'Tempo Running Ltd', sparkDays: 60, accessUntil: '30 June 2026', sendCodesTo: 'ads@tempo.example', deadline: '5 March 2026', ...over,
});

function textOf(blocks: Block[]): string {
  const runs = (r: Inline[]) => r.map((i) => i.text).join('');
  return blocks.map((b) => {
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'callout') return `${b.type === 'callout' ? b.title ?? '' : ''}${runs(b.runs)}`;
    if (b.type === 'list') return b.items.map(textOf).join('\n');
    return '';
  }).join('\n');
}

const fontsDir = join(__dirname, '../../../../resources/fonts');
const textFonts = ['noto-sans/NotoSans-Regular.ttf', 'noto-sans/NotoSans-Bold.ttf', 'noto-serif/NotoSerif-Regular.ttf', 'noto-serif/NotoSerif-Bold.ttf']
  .map((f) => ({ name: f, font: fontkit.create(readFileSync(join(fontsDir, f))) as { hasGlyphForCodePoint(cp: number): boolean } }));

describe('the ad access guide', () => {
  it('draws every sign in its steps, the ≡ menu icon from the font chain and the rest from the brand’s own font: › between taps, ••• for “more”', async () => {
    const spec = specFor(documentRequest.parse(guide()));
    const all = `${spec.title}${spec.subtitle}${textOf(spec.blocks)}`;
    for (const { name, font } of textFonts) {
      const missing = [...new Set(Array.from(all.replace(/[\n\s]/g, '')))].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing, name).toEqual(['≡']);
    }
    expect(all).toContain('tap the menu ≡ (three lines) at the top right');
    for (const family of ['noto-sans', 'noto-serif'] as const) {
      const file = await host['documents-render']({ document: guide({ brand: { ...brand, font: family } }) });
      expect(file.uncovered, family).toEqual([]);
    }
    expect(all).toContain('Settings and privacy › Business suite');
  });

  it('prints the menu paths and the “more” button as text a reader gives back, and no box for a missing icon', async () => {
    const file = await host['documents-render']({ document: guide() });
    const path = writeTemp(bytesOf(file.pdfBase64));
    if (process.env.FANFARE_DOCS_LOOK) {
      writeFileSync(`${process.env.FANFARE_DOCS_LOOK}/ad-access-guide.pdf`, bytesOf(file.pdfBase64));
      renderPng(path, `${process.env.FANFARE_DOCS_LOOK}/ad-access-guide`, 70);
    }
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const s of ['≡', '•••', 'Settings and activity › Business tools and controls', 'search for @temporunning', '@tempo.running', '@huong.runs · @huongruns']) expect(text).toContain(s);
    for (const s of ['☰', '⊠', '⋯', '→']) expect(text).not.toContain(s);
  });

  it('refuses to make the guide without the brand’s handles, naming the one missing, instead of printing the brand’s name as a handle', async () => {
    const noTiktok = await host['documents-render']({ document: guide({ brandTiktok: '' }) }).catch((e: Error & { fields?: Record<string, string> }) => e);
    expect((noTiktok as { fields?: Record<string, string> }).fields).toEqual({ 'document.brandTiktok': 'Add the brand’s TikTok handle: creators search for it to approve the brand.' });
    const named = await host['documents-render']({ document: guide({ brandInstagram: 'Tempo Running' }) }).catch((e: Error & { fields?: Record<string, string> }) => e);
    expect((named as { fields?: Record<string, string> }).fields).toEqual({ 'document.brandInstagram': '“Tempo Running” is not an Instagram handle: handles are up to 30 letters, digits, dots and underscores, with no spaces.' });
    // The builder refuses too, for any caller that skips the request schema.
    expect(() => specFor({ ...documentRequest.parse(guide()), brandInstagram: '' } as never)).toThrow('Add the brand’s Instagram handle');
  });

  it('leaves TikTok out for a brand that is not on it, and then needs no TikTok handle', async () => {
    const file = await host['documents-render']({ document: guide({ brandTiktok: '', platforms: ['meta'] }) });
    const text = pdfText(writeTemp(bytesOf(file.pdfBase64))).replace(/\s+/g, ' ');
    expect(text).toContain('Meta partnership ads');
    expect(text).not.toContain('Spark');
    expect(text).not.toContain('Brand on TikTok');
  });

  it('reads handles as people paste them: @name, name or a profile link', () => {
    expect(brandHandleProblem('meta', 'https://www.instagram.com/temporunning/')).toBeNull();
    expect(brandHandleProblem('tiktok', '@tempo.running')).toBeNull();
    expect(brandHandleProblem('tiktok', 't')).toMatch(/not a TikTok handle/);
  });
});
