import { formatChartValue, labelStep, niceTicks } from './chart-scale';
import type { ChartBlock } from './model';

/**
 * Lays out and draws a chart block with whatever draws the page (the PDF
 * engine passes its own painter): every label is real text in the brand's
 * font, every bar and line a vector. The chart is measured first so the
 * engine can keep it whole on one page.
 */
export interface ChartPainter {
  /** The brand's colours first, then quieter ones, as hex. */
  palette: string[];
  width(text: string, size: number, bold?: boolean): number;
  /** Wraps text into lines no wider than `width`. */
  lines(text: string, width: number, size: number, bold?: boolean): string[];
  /** One line of text, its top at `top` (PDF points, origin bottom-left). */
  text(text: string, x: number, top: number, size: number, color: string, bold?: boolean): void;
  rect(x: number, y: number, width: number, height: number, color: string, what: string): void;
  line(x1: number, y1: number, x2: number, y2: number, color: string, thickness: number, dash?: number[]): void;
  circle(x: number, y: number, r: number, color: string): void;
  box(x: number, y: number, width: number, height: number, what: string): void;
}

const INK = '#1d2230';
const MUTED = '#667085';
const GRID = '#e4e7ec';
const BASE = '#98a2b3';
const TITLE = 11;
const SUBTITLE = 8.5;
const LEGEND = 8;
const AXIS = 7.5;
const VALUE = 7;
const LABEL_MAX = 90;

interface LegendItem { name: string; color: string; dashed: boolean; width: number }

interface ChartPlan {
  titleLines: string[];
  subtitleLines: string[];
  legendRows: LegendItem[][];
  ticks: number[];
  tickLabels: string[];
  axisWidth: number;
  plotHeight: number;
  hasData: boolean;
  height: number;
}

const colorOf = (block: ChartBlock, i: number, palette: string[]) => block.series[i].color ?? palette[i % palette.length];

/** Shortens text with an ellipsis until it fits. */
function fit(p: ChartPainter, text: string, maxWidth: number, size: number, bold = false): string {
  if (p.width(text, size, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (p.width(`${chars.slice(0, mid).join('').trimEnd()}…`, size, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

// Text's top for a line whose visual middle sits at y (Noto: ascent 1.069, x-height middle ≈ 0.36).
const topFor = (y: number, size: number) => y + size * 0.71;

function plan(block: ChartBlock, width: number, p: ChartPainter): ChartPlan {
  const titleLines = p.lines(block.title, width, TITLE, true).slice(0, 2);
  const subtitleLines = block.subtitle ? p.lines(block.subtitle, width, SUBTITLE).slice(0, 3) : [];
  const format = block.format ?? { kind: 'number' };

  const items: LegendItem[] = [];
  if (block.series.length > 1 || block.reference) {
    block.series.forEach((s, i) => items.push({ name: s.name, color: colorOf(block, i, p.palette), dashed: false, width: 0 }));
  }
  if (block.reference) items.push({ name: `${block.reference.label}: ${formatChartValue(block.reference.value, format)}`, color: p.palette[1] ?? INK, dashed: true, width: 0 });
  const legendRows: LegendItem[][] = [];
  let row: LegendItem[] = [];
  let used = 0;
  for (const item of items) {
    item.name = fit(p, item.name, width - 30, LEGEND);
    item.width = 14 + p.width(item.name, LEGEND) + 14;
    if (row.length && used + item.width > width) { legendRows.push(row); row = []; used = 0; }
    row.push(item);
    used += item.width;
  }
  if (row.length) legendRows.push(row);

  const values = block.series.flatMap((s) => s.values.slice(0, block.categories.length)).filter((v): v is number => v != null && Number.isFinite(v));
  const hasData = values.length > 0 && block.categories.length > 0;
  const all = block.reference ? [...values, block.reference.value] : values;
  const ticks = hasData ? niceTicks(Math.min(...all), Math.max(...all), 5, block.wholeNumbers ? 1 : 0) : [0, 1];
  const tickLabels = ticks.map((t) => formatChartValue(t, format));
  const axisWidth = Math.max(...tickLabels.map((l) => p.width(l, AXIS))) + 7;
  const plotHeight = Math.max(60, Math.min(block.height ?? 150, 420));

  const height = 4
    + titleLines.length * TITLE * 1.35
    + subtitleLines.length * SUBTITLE * 1.4
    + (legendRows.length ? 5 + legendRows.length * 12.5 : 0)
    + 8
    + (block.yLabel ? 12 : 0)
    + 5 + plotHeight
    + 5 + AXIS * 1.4
    + (block.xLabel ? 4 + 11 : 0)
    + 4;
  return { titleLines, subtitleLines, legendRows, ticks, tickLabels, axisWidth, plotHeight, hasData, height };
}

/** The height the chart takes, title to axis labels. */
export function chartHeight(block: ChartBlock, width: number, p: ChartPainter): number {
  return plan(block, width, p).height;
}

/** Draws the chart with its top at `top`; returns its height. */
export function drawChart(block: ChartBlock, x: number, top: number, width: number, p: ChartPainter): number {
  const g = plan(block, width, p);
  const format = block.format ?? { kind: 'number' };
  let y = top - 4;
  for (const line of g.titleLines) { p.text(line, x, y, TITLE, INK, true); y -= TITLE * 1.35; }
  for (const line of g.subtitleLines) { p.text(line, x, y, SUBTITLE, MUTED); y -= SUBTITLE * 1.4; }
  if (g.legendRows.length) {
    y -= 5;
    for (const row of g.legendRows) {
      let lx = x;
      const mid = y - 6;
      for (const item of row) {
        if (item.dashed) p.line(lx, mid, lx + 10, mid, item.color, 1.5, [2.5, 1.5]);
        else p.rect(lx, mid - 4, 10, 8, item.color, 'chart-legend');
        p.text(item.name, lx + 14, topFor(mid, LEGEND), LEGEND, INK);
        lx += item.width;
      }
      y -= 12.5;
    }
  }
  y -= 8;
  if (block.yLabel) { p.text(fit(p, block.yLabel, width, AXIS), x, y, AXIS, MUTED); y -= 12; }

  // Half a tick label's height: the top label must not touch the y label or legend.
  y -= 5;
  const plotTop = y;
  const plotBottom = plotTop - g.plotHeight;
  const plotX = x + g.axisWidth;
  const plotW = width - g.axisWidth - 2;
  const n = block.categories.length;

  if (!g.hasData) {
    p.rect(plotX, plotBottom, plotW, g.plotHeight, '#f6f7f9', 'chart-empty');
    const note = n === 0 ? 'Nothing to chart yet' : 'No figures logged yet';
    p.text(note, plotX + (plotW - p.width(note, 9)) / 2, topFor(plotBottom + g.plotHeight / 2, 9), 9, MUTED);
  } else {
    const lo = g.ticks[0];
    const hi = g.ticks[g.ticks.length - 1];
    // Room above the top tick for the values written on the bars.
    const headroom = block.kind === 'bar' && block.valueLabels ? 10 : 0;
    const yOf = (v: number) => plotBottom + ((v - lo) / (hi - lo)) * (g.plotHeight - headroom);
    g.ticks.forEach((t, i) => {
      const ty = yOf(t);
      p.line(plotX, ty, plotX + plotW, ty, t === 0 ? BASE : GRID, t === 0 ? 0.8 : 0.5);
      const label = g.tickLabels[i];
      p.text(label, plotX - 5 - p.width(label, AXIS), topFor(ty, AXIS), AXIS, MUTED);
    });

    const band = plotW / n;
    const seriesCount = Math.max(1, block.series.length);
    if (block.kind === 'bar') {
      const group = Math.min(band * 0.72, seriesCount * 34);
      const bar = group / seriesCount;
      const zero = yOf(Math.max(lo, Math.min(0, hi)));
      const labels = block.valueLabels
        ? block.series.map((s) => s.values.slice(0, n).map((v) => (v == null ? null : formatChartValue(v, format))))
        : null;
      const labelsFit = !!labels && labels.every((row) => row.every((l) => l == null || p.width(l, VALUE) <= band / seriesCount - 2));
      block.series.forEach((s, si) => {
        const color = colorOf(block, si, p.palette);
        s.values.slice(0, n).forEach((v, ci) => {
          const bx = plotX + ci * band + (band - group) / 2 + si * bar;
          if (v == null || !Number.isFinite(v)) {
            // Missing is said, not drawn as a bar of 0.
            if (labelsFit && seriesCount === 1 && p.width('no data', VALUE) <= band - 2) {
              p.text('no data', bx + bar / 2 - p.width('no data', VALUE) / 2, topFor(zero + 2 + VALUE * 0.4, VALUE), VALUE, MUTED);
            }
            return;
          }
          const vy = yOf(v);
          let h = Math.abs(vy - zero);
          if (v !== 0 && h < 0.6) h = 0.6;
          const w = seriesCount > 1 ? bar - 1.2 : bar;
          p.rect(bx, v >= 0 ? zero : zero - h, w, h, color, 'chart-bar');
          if (labelsFit && labels) {
            const label = labels[si][ci]!;
            const lw = p.width(label, VALUE);
            const ly = v >= 0 ? zero + h + 2 + VALUE * 0.4 : zero - h - 2 - VALUE * 0.9;
            p.text(label, bx + w / 2 - lw / 2, topFor(ly, VALUE), VALUE, INK);
          }
        });
      });
    } else {
      block.series.forEach((s, si) => {
        const color = colorOf(block, si, p.palette);
        const points = s.values.slice(0, n).map((v, ci) => (v == null || !Number.isFinite(v) ? null : { x: plotX + ci * band + band / 2, y: yOf(v) }));
        points.forEach((pt, i) => {
          const next = points[i + 1];
          if (pt && next) p.line(pt.x, pt.y, next.x, next.y, color, 1.8);
        });
        points.forEach((pt, i) => {
          const isolated = pt && !points[i - 1] && !points[i + 1];
          if (pt && (n <= 40 || isolated)) p.circle(pt.x, pt.y, n <= 40 ? 2.2 : 1.6, color);
        });
      });
    }
    if (block.reference && block.reference.value >= lo && block.reference.value <= hi) {
      const ry = yOf(block.reference.value);
      p.line(plotX, ry, plotX + plotW, ry, p.palette[1] ?? INK, 1.3, [4, 3]);
    }

    // Category labels: as many as fit without overlapping, the first always.
    const texts = block.categories.map((c) => fit(p, c, LABEL_MAX, AXIS));
    const widest = Math.max(...texts.map((t) => p.width(t, AXIS)));
    const step = labelStep(band, widest);
    const labelTop = plotBottom - 5;
    texts.forEach((t, i) => {
      if (i % step !== 0) return;
      const room = band * step - 4;
      const text = fit(p, t, room, AXIS);
      const w = p.width(text, AXIS);
      const center = plotX + i * band + band / 2;
      const left = Math.min(Math.max(center - w / 2, x), x + width - w);
      p.text(text, left, labelTop, AXIS, MUTED);
    });
  }
  if (block.xLabel) {
    const label = fit(p, block.xLabel, plotW, AXIS);
    const w = p.width(label, AXIS);
    p.text(label, plotX + (plotW - w) / 2, plotBottom - 5 - AXIS * 1.4 - 4, AXIS, MUTED);
  }
  p.box(x, top - g.height, width, g.height, 'chart');
  return g.height;
}
