import sharp from 'sharp';
import { formatChartValue, niceTicks } from '../../../shared/documents/chart-scale';

/**
 * Charts for the workbook, drawn as SVG here and turned into PNG with sharp:
 * Excel and LibreOffice both show a picture the same way, where a native
 * chart would render differently in each.
 */
export interface BarSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface BarChartSpec {
  title: string;
  labels: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function barChartSvg(spec: BarChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  const margin = { top: 48, right: 16, bottom: 56, left: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  // The same round steps as the PDF report's charts, so a figure reads alike in both.
  const ticks = niceTicks(0, Math.max(0, ...spec.series.flatMap((s) => s.values.map((v) => v ?? 0))), 4);
  const max = ticks[ticks.length - 1];
  const groups = Math.max(1, spec.labels.length);
  const groupW = plotW / groups;
  const barW = Math.max(1, (groupW * 0.75) / Math.max(1, spec.series.length));
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${margin.left}" y="24" font-family="DejaVu Sans, sans-serif" font-size="16" font-weight="bold" fill="#1a1b1e">${escape(spec.title)}</text>`);
  for (const tick of ticks) {
    const y = margin.top + plotH - (plotH * tick) / max;
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" stroke="#e9ecef"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y + 4}" text-anchor="end" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#868e96">${formatChartValue(tick)}</text>`);
  }
  spec.labels.forEach((label, g) => {
    spec.series.forEach((s, k) => {
      const v = s.values[g];
      if (v == null || v <= 0) return;
      const h = (v / max) * plotH;
      const x = margin.left + g * groupW + groupW * 0.125 + k * barW;
      parts.push(`<rect x="${x.toFixed(1)}" y="${(margin.top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}" rx="2"/>`);
    });
    // Every label when they fit, else every nth, so they never overlap.
    const every = Math.ceil(groups / Math.max(1, Math.floor(plotW / 70)));
    if (g % every === 0) {
      parts.push(`<text x="${(margin.left + g * groupW + groupW / 2).toFixed(1)}" y="${margin.top + plotH + 18}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#495057">${escape(label)}</text>`);
    }
  });
  spec.series.forEach((s, k) => {
    const x = margin.left + k * 150;
    parts.push(`<rect x="${x}" y="${height - 20}" width="12" height="12" fill="${s.color}" rx="2"/>`);
    parts.push(`<text x="${x + 18}" y="${height - 10}" font-family="DejaVu Sans, sans-serif" font-size="12" fill="#495057">${escape(s.name)}</text>`);
  });
  if (spec.labels.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="13" fill="#868e96">No posts in this report yet</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

export async function barChartPng(spec: BarChartSpec): Promise<Buffer> {
  // Twice the size for sharp text on high-density screens; the workbook shows it at the SVG's size.
  return sharp(Buffer.from(barChartSvg(spec)), { density: 144 }).png().toBuffer();
}
