import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCjkFont, loadFontSet } from '../../../../src/main/services/documents/fonts';
import type { Block, ChartBlock } from '../../../../src/shared/documents/model';
import { renderPdf } from '../../../../src/shared/documents/render-pdf';
import { pdfText, qpdfCheck, writeTemp } from './pdf-tools';
import { sampleSpec } from './sample-spec';

const resources = () => ({ fonts: loadFontSet('noto-sans'), cjkFont: loadCjkFont, images: new Map() });
// Set FANFARE_DOCS_LOOK=/some/dir to keep the PDFs for a look (pdftoppm -png -r 60).
const keep = (name: string, bytes: Uint8Array) => process.env.FANFARE_DOCS_LOOK && writeFileSync(`${process.env.FANFARE_DOCS_LOOK}/${name}.pdf`, bytes);

const weeks = Array.from({ length: 26 }, (_, i) => `Week ${i + 1}`);
const bar: ChartBlock = {
  type: 'chart', kind: 'bar', title: 'Reach by platform', subtitle: 'Latest figures per post', categories: ['Instagram', 'TikTok', 'YouTube', 'Pinterest'],
  series: [{ name: 'Reach', values: [1_250_000, 830_000, null, 42_000] }], xLabel: 'Platform', yLabel: 'Reach (people)', valueLabels: true,
};
const line: ChartBlock = {
  type: 'chart', kind: 'line', title: 'Reach and views by week', categories: weeks,
  series: [{ name: 'Reach', values: weeks.map((_, i) => (i === 7 ? null : 20_000 + i * 3_100)) }, { name: 'Views', values: weeks.map((_, i) => 30_000 + ((i * 7919) % 23) * 2_000) }],
  xLabel: 'Week posted', yLabel: 'People',
};
const budget: ChartBlock = {
  type: 'chart', kind: 'bar', title: 'Spend against budget', categories: ['Fees and bonuses', 'Product', 'Shipping', 'Total spend'],
  series: [{ name: 'Spend', values: [9_400, 2_100, null, 11_500] }], format: { kind: 'money', currency: 'EUR' }, reference: { value: 15_000, label: 'Budget' }, valueLabels: true,
};

describe('chart blocks', () => {
  it('draw titles, axis labels, legends and values as text a reader extracts', async () => {
    const out = await renderPdf(sampleSpec(0, { blocks: [bar, line, budget] }), resources());
    keep('charts', out.bytes);
    const path = writeTemp(out.bytes);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const text = pdfText(path);
    for (const s of ['Reach by platform', 'Reach (people)', 'Platform', 'Instagram', 'Pinterest', '1.3M', '42K', 'Reach and views by week', 'Week posted', 'Week 1', 'Views', 'Budget: €15K', 'Total spend', '€11.5K']) expect(text).toContain(s);
    // A missing figure is no bar, not a bar of 0.
    expect(text).not.toMatch(/\b0\s+Pinterest/);
    expect(out.boxes.filter((b) => b.what === 'chart')).toHaveLength(3);
    expect(out.boxes.filter((b) => b.what === 'chart-bar')).toHaveLength(3 + 3);
  });

  it('never splits a chart across pages, and keeps every mark inside its page', async () => {
    const filler: Block[] = Array.from({ length: 9 }, (_, i) => ({ type: 'paragraph', runs: [{ text: `Paragraph ${i + 1}. Our audience is curious, busy and sceptical of polished ads; speak to camera as you would to a friend.` }] }));
    const blocks: Block[] = [];
    for (let i = 0; i < 6; i++) blocks.push(...filler.slice(0, 3 + i), { ...line, title: `Chart ${i + 1}`, height: 200 });
    const out = await renderPdf(sampleSpec(0, { blocks }), resources());
    keep('charts-flow', out.bytes);
    const charts = out.boxes.filter((b) => b.what === 'chart');
    expect(charts).toHaveLength(6);
    for (const c of charts) {
      expect(c.y, 'chart above the footer').toBeGreaterThanOrEqual(66 - 0.5);
      expect(c.y + c.height, 'chart below the header').toBeLessThanOrEqual(out.pageHeight - 76 + 0.5);
      // Every bar, line and label of the chart is on the chart's page, inside its frame.
      const marks = out.boxes.filter((b) => b.page === c.page && b.what.startsWith('chart-') && b.y >= c.y - 0.5 && b.y + b.height <= c.y + c.height + 0.5);
      expect(marks.length).toBeGreaterThan(20);
    }
    for (const b of out.boxes) {
      if (!b.what.startsWith('chart')) continue;
      expect(b.x, b.what).toBeGreaterThanOrEqual(55.5);
      expect(b.x + b.width, `${b.what} on page ${b.page}`).toBeLessThanOrEqual(out.pageWidth - 55.5);
      expect(b.y, b.what).toBeGreaterThanOrEqual(-0.01);
      expect(b.y + b.height, b.what).toBeLessThanOrEqual(out.pageHeight + 0.01);
    }
  });

  it('says there is nothing to chart instead of drawing an empty axis', async () => {
    const out = await renderPdf(sampleSpec(0, { blocks: [{ ...bar, series: [{ name: 'Reach', values: [null, null, null, null] }] }, { ...line, categories: [], series: [] }] }), resources());
    const text = pdfText(writeTemp(out.bytes));
    expect(text).toContain('No figures logged yet');
    expect(text).toContain('Nothing to chart yet');
    expect(out.boxes.filter((b) => b.what === 'chart-bar')).toHaveLength(0);
  });

  it('draws headline tiles with values that shrink to fit', async () => {
    const out = await renderPdf(sampleSpec(0, { blocks: [{ type: 'stats', items: [
      { label: 'Reach', value: '1,234,567', lines: [[{ text: '+12.0% vs previous', color: '#0ca678' }]] },
      { label: 'Spend', value: '$1,234,567,890.12' },
      { label: 'Revenue', value: '—', muted: true, lines: [[{ text: 'No data: no post has revenue logged yet' }]] },
    ] }] }), resources());
    const text = pdfText(writeTemp(out.bytes));
    for (const s of ['REACH', '1,234,567', '+12.0% vs previous', '$1,234,567,890.12', 'No data: no post has revenue logged yet']) expect(text.replace(/\s+/g, ' ')).toContain(s);
    for (const b of out.boxes.filter((x) => x.what === 'text')) expect(b.x + b.width).toBeLessThanOrEqual(out.pageWidth - 56 + 0.5);
  });
});
