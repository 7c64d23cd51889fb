import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFallbackFonts, loadFontSet } from '../../../src/main/services/documents/fonts';
import { defaultBrandKit } from '../../../src/shared/documents/model';
import { optInFormSpec } from '../../../src/shared/documents/opt-in-form';
import { renderPdf } from '../../../src/shared/documents/render-pdf';

const fonts = loadFontSet('noto-sans');
const fallbacks = loadFallbackFonts();
const dir = mkdtempSync(join(tmpdir(), 'fanfare-opt-in-'));

/** pdftotext's pages, split on its form feeds. */
function pagesOf(bytes: Uint8Array, name: string): string[] {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], { encoding: 'utf8' }).split('\f');
}

const sizes = [{ key: 'top', label: 'Top size' }, { key: 'bottom', label: 'Bottom size' }, { key: 'shoe', label: 'Shoe size' }, { key: 'ring', label: 'Ring size' }];
const longOptions = 'shade Porcelain, Light, Light Medium, Medium, Medium Deep, Tan, Deep or Rich; 30 ml or 50 ml';

async function productPages(count: number, { options = 'shade Light, Medium or Deep', campaignName = 'Spring Glow', returnTo = 'hello@lumen.example', sizeCount = 4 } = {}) {
  const products = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, name: `Product ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''} Serum`, options }));
  const spec = optInFormSpec({
    campaignName, creatorName: 'Ana Lima', creatorEmail: 'ana@example.com', sizeQuestions: sizes.slice(0, sizeCount), products,
    agreement: 'I agree to post about the products within 30 days of receiving them, with #ad.', returnBy: '20 March 2027', returnTo,
  }, defaultBrandKit);
  const rendered = await renderPdf(spec, { fonts, fallbacks, images: new Map() });
  const name = `opt-in-${count}-${options.length}-${campaignName.length}.pdf`;
  const pages = pagesOf(rendered.bytes, name);
  const holding = pages.map((text, i) => ({ page: i + 1, names: products.filter((p) => new RegExp(`${p.name} \\(`).test(text)).length, text })).filter((p) => p.names > 0);
  return { holding, pages };
}

describe('the opt-in form’s product list', () => {
  // Counts around where the first page ends (18 to 22 products) and where a page of its own ends (27).
  it.each([1, 5, 12, 18, 19, 20, 21, 22, 25, 27])('keeps %i products on one page, under their heading', async (count) => {
    const { holding } = await productPages(count);
    expect(holding.map((p) => p.page), 'pages holding products').toHaveLength(1);
    expect(holding[0].names).toBe(count);
    expect(holding[0].text).toContain('Which products would you like?');
  });

  it('keeps them together under a long greeting, and with labels that wrap', async () => {
    const long = await productPages(18, { campaignName: 'The Spring Glow Seeding Programme for Runners, Walkers and Everyone In Between 2027', returnTo: 'seeding-team-with-a-long-address@lumen-skin-care.example' });
    expect(long.holding.map((p) => p.page)).toHaveLength(1);
    for (const count of [6, 9, 10, 13]) {
      const wrapped = await productPages(count, { options: longOptions });
      expect(wrapped.holding.map((p) => p.page), `${count} wrapping labels`).toHaveLength(1);
    }
  });

  it('splits only a list longer than a page, starting it on the first page', async () => {
    const { holding } = await productPages(40);
    expect(holding[0].page).toBe(1);
    expect(holding.reduce((n, p) => n + p.names, 0)).toBe(40);
  });
});
