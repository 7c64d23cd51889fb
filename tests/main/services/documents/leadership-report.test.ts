import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { loadCjkFont, loadFontSet } from '../../../../src/main/services/documents/fonts';
import { renderPdf } from '../../../../src/shared/documents/render-pdf';
import { documentRequest, specFor } from '../../../../src/shared/documents/requests';
import { buildReport, defaultFilters } from '../../../../src/shared/reports/build-report';
import { defaultReportView } from '../../../../src/shared/reports/report-view';
import { leadershipRequestFrom } from '../../../../src/shared/reports/leadership-request';
import { brand, creatorNames, leadershipData, leadershipFilters, leadershipOptions, leadershipReport, leadershipView } from '../../../shared/documents/leadership-fixture';
import { pdfInfo, pdfText, qpdfCheck, writeTemp } from './pdf-tools';
import { sampleReportData } from '../../../shared/reports/sample-report-data';

const host = createInProcessHost(createHostHandlers({ mediaStore: new MediaStore(mkdtempSync(join(tmpdir(), 'fanfare-report-media-'))) }));
const bytesOf = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
// Set FANFARE_DOCS_LOOK=/some/dir to keep the PDFs for a look (pdftoppm -png -r 60).
const keep = (name: string, bytes: Uint8Array) => process.env.FANFARE_DOCS_LOOK && writeFileSync(`${process.env.FANFARE_DOCS_LOOK}/${name}.pdf`, bytes);
const request = () => leadershipRequestFrom(leadershipReport(), leadershipView, { title: 'Autumn Glow launch', brand, preparedOn: '31 October 2026', ownerNames: { ann: 'Ann Director' } });

describe('the leadership report PDF', () => {
  it('is a clean PDF whose text a reader extracts: KPIs, changes, charts with axis labels, names in any script, missing figures as missing', async () => {
    const file = await host['documents-render']({ document: request() });
    const bytes = bytesOf(file.pdfBase64);
    keep('leadership-report', bytes);
    const path = writeTemp(bytes);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const info = pdfInfo(path);
    expect(info.Title).toBe('Autumn Glow launch – leadership report');
    expect(info.Pages).toBe(String(file.pageCount));
    expect(file.fileName).toBe('Autumn Glow launch – leadership report.pdf');
    const text = pdfText(path).replace(/\s+/g, ' ');

    // The cover: title, period, comparison and filters.
    for (const s of ['Autumn Glow launch – leadership report', '1 Sep 2026 – 31 Oct 2026', 'The previous period (1 Jul', '31 Aug 2026)', 'Autumn Glow launch', 'All platforms', 'PREPARED ON', '31 October 2026']) expect(text).toContain(s);
    // Headline figures exactly as the app computes them.
    const report = leadershipReport();
    expect(report.kpis.posts.value).toBe(6);
    expect(report.kpis.reach.value).toBe(635_000);
    expect(text).toContain('635,000');
    expect(text).toMatch(/POSTS\s[\s\S]*\b6\b/);
    // Revenue is not logged anywhere: shown as missing with why, never as $0.
    expect(text).toContain('No data: No post has orders logged yet');
    expect(text).toContain('Revenue — no data — no data $20,000.00 Sum of attributed revenue No post has revenue logged yet');
    expect(text).toContain('— no data');
    expect(text).not.toMatch(/Revenue\s+\$0\.00/);
    // Period over period: posts went from 2 to 6.
    expect(report.comparison!.kpis.posts.value).toBe(2);
    expect(text).toContain('+4 (+200.0%)');
    // Charts: titles, legends, axis titles, category labels.
    for (const s of ['Posts and creators posting by week', 'Reach and views by week', 'Week posted', 'Creators posting', 'Reach and engagements by platform', 'Engagement rate by tier',
      'Creator tier (by followers)', 'Spend against budget', 'Budget: $12K', 'Total spend', 'Progress to target', 'Instagram', 'YouTube']) expect(text).toContain(s);
    // Top content, who posted and who has not, with their names intact.
    for (const name of creatorNames) expect(text).toContain(name);
    expect(text).toContain('Top content by reach');
    expect(text).toContain('Not posted yet (2)');
    expect(text).toContain('Posted (3)');
    // Every KPI's formula, in the appendix.
    for (const s of ['Spend ÷ impressions × 1,000', 'Creator fees and bonuses + product cost + shipping', '(Revenue − spend) ÷ spend']) expect(text).toContain(s);
  });

  it('keeps every mark inside the page and every chart whole on one page', async () => {
    const spec = specFor(documentRequest.parse(request()));
    const out = await renderPdf(spec, { fonts: loadFontSet('noto-sans'), cjkFont: loadCjkFont, images: new Map() });
    expect(out.pageCount).toBeGreaterThanOrEqual(4);
    for (const b of out.boxes) {
      expect(b.x, b.what).toBeGreaterThanOrEqual(-0.01);
      expect(b.y, b.what).toBeGreaterThanOrEqual(-0.01);
      expect(b.x + b.width, `${b.what} on page ${b.page}`).toBeLessThanOrEqual(out.pageWidth + 0.01);
      expect(b.y + b.height, b.what).toBeLessThanOrEqual(out.pageHeight + 0.01);
      if (b.what === 'text' || b.what.startsWith('chart')) {
        expect(b.x + b.width, `${b.what} past the right margin on page ${b.page}`).toBeLessThanOrEqual(out.pageWidth - 56 + 0.5);
        expect(b.x, `${b.what} past the left margin`).toBeGreaterThanOrEqual(56 - 0.5);
      }
    }
    const charts = out.boxes.filter((b) => b.what === 'chart');
    expect(charts.length).toBe(spec.blocks.filter((b) => b.type === 'chart').length);
    for (const c of charts) {
      expect(c.y).toBeGreaterThanOrEqual(66 - 0.5);
      expect(c.y + c.height).toBeLessThanOrEqual(out.pageHeight - 76 + 0.5);
    }
  });

  it('renders in the brand’s font and colours, and without a comparison leaves the change columns out', async () => {
    const report = buildReport(leadershipData(), { ...leadershipFilters, comparison: null }, leadershipOptions);
    const file = await host['documents-render']({ document: leadershipRequestFrom(report, { ...leadershipView, comparison: null }, { title: 'Autumn Glow launch', brand: { ...brand, font: 'noto-serif', primary: '#0f5132' }, preparedOn: '31 October 2026' }) });
    const text = pdfText(writeTemp(bytesOf(file.pdfBase64)));
    expect(text).toContain('No comparison chosen');
    expect(text).not.toContain('vs previous');
  });

  it('shows the top posts’ pictures from the library as thumbnails, and says which are not on this computer', async () => {
    const png = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#d9480f' } }).png().toBuffer();
    const { sha256 } = await host['documents-store-file']({ fileName: 'post.png', base64: png.toString('base64') });
    const data = leadershipData();
    data.content = data.content.map((c) => (c.id === 'p4' ? { ...c, assetIds: ['a-shot'] } : c.id === 'p3' ? { ...c, assetIds: ['a-gone'] } : c));
    const report = buildReport(data, leadershipFilters, leadershipOptions);
    const request = leadershipRequestFrom(report, leadershipView, { title: 'Autumn Glow launch', brand, preparedOn: '31 October 2026', pictures: { 'a-shot': sha256, 'a-gone': 'f'.repeat(64) } });
    const file = await host['documents-render']({ document: request, preview: true });
    keep('leadership-report-pictures', bytesOf(file.pdfBase64));
    expect(file.missingImages).toEqual(['f'.repeat(64)]);
    const pictures = file.preview!.pages.flat().filter((op) => op.op === 'image');
    expect(pictures).toHaveLength(1);
    // A 4:5 post fits its frame whole: taller than wide.
    expect(pictures[0].height).toBeGreaterThan(pictures[0].width);
    const images = execFileSync('pdfimages', ['-list', writeTemp(bytesOf(file.pdfBase64))], { encoding: 'utf8' });
    expect(images).toMatch(/1080\s+1350/);
    const text = pdfText(writeTemp(bytesOf(file.pdfBase64))).replace(/\s+/g, ' ');
    expect(text).toContain('1. Алёна Смирнова');
    expect(text).toContain('TikTok reel');
  });

  it('lays out the sample workspace’s all-time report by month tidily: every chart whole, nothing past the margins', async () => {
    const data = sampleReportData();
    const report = buildReport(data, { ...defaultFilters, granularity: 'month' }, { timeZone: 'UTC', today: '2026-11-01', currency: 'USD' });
    const request = leadershipRequestFrom(report, { ...defaultReportView, granularity: 'month' }, { title: 'All campaigns and programs', brand, preparedOn: '1 November 2026' });
    const spec = specFor(documentRequest.parse(request));
    const out = await renderPdf(spec, { fonts: loadFontSet('noto-sans'), cjkFont: loadCjkFont, images: new Map() });
    keep('leadership-report-sample', out.bytes);
    const path = writeTemp(out.bytes);
    expect(qpdfCheck(path)).toMatch(/No syntax or stream encoding errors/);
    const text = pdfText(path).replace(/\s+/g, ' ');
    for (const s of ['Growth by month', 'Month posted', 'All campaigns and programs', 'No comparison chosen']) expect(text).toContain(s);
    const charts = out.boxes.filter((b) => b.what === 'chart');
    expect(charts.length).toBe(spec.blocks.filter((b) => b.type === 'chart').length);
    for (const c of charts) expect(c.y).toBeGreaterThanOrEqual(66 - 0.5);
    for (const b of out.boxes.filter((x) => x.what === 'text' || x.what.startsWith('chart'))) {
      expect(b.x + b.width, `${b.what} past the right margin on page ${b.page}`).toBeLessThanOrEqual(out.pageWidth - 56 + 0.5);
      expect(b.x).toBeGreaterThanOrEqual(56 - 0.5);
    }
  });
});
