import { LineCapStyle, PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFForm, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { visualOrder, withBidiLevels, type LeveledInline } from './bidi-runs';
import { drawShaped, glyphPositions, pageCanvas } from './draw-glyphs';
import { cachingFontkit, FontChain, type FallbackFont, type Shaped } from './font-chain';
import type { Block, ChartBlock, DocumentSpec, FontVariant, GalleryItem, Inline, StatTile } from './model';
import { chartHeight, drawChart, type ChartPainter } from './render-chart';
import type { PreviewFonts, PreviewOp } from './preview';
import { applyFormAppearances } from './form-appearance';
import { writeMark, type MarkedSpec } from './pdf-mark';
import { uncoveredIn, type UncoveredText } from './uncovered';
import { flowText, type Line, type LineSegment, type Piece } from './text-flow';

export type { PreviewFonts, PreviewOp } from './preview';
export type { FallbackFont } from './font-chain';
export type { UncoveredText } from './uncovered';

export interface FontSetBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

export interface DocumentImage {
  bytes: Uint8Array;
  format: 'png' | 'jpg';
}

export interface DocumentResources {
  fonts: FontSetBytes;
  /** Fonts for the scripts the brand font lacks, tried in order; each is read only when the text needs it. */
  fallbacks?: FallbackFont[];
  /** Older callers: one CJK fallback. Ignored when `fallbacks` is given. */
  cjkFont?: () => Uint8Array | null;
  /** Images by SHA-256; a missing one is left out with a note instead of failing the document. */
  images: Map<string, DocumentImage>;
}

/** Everything drawn, in PDF points, so tests can prove nothing leaves the page. */
export interface DrawnBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  what: string;
}

export interface RenderedDocument {
  /** Per page, what it shows (see PreviewOp). */
  pages: PreviewOp[][];
  bytes: Uint8Array;
  pageCount: number;
  pageWidth: number;
  pageHeight: number;
  boxes: DrawnBox[];
  fields: string[];
  missingImages: string[];
  /** Characters no bundled font has, with where they are: drawn as empty boxes, so the user is told before saving. */
  uncovered: UncoveredText[];
  /** The outlines of every glyph drawn, by font, for the on-screen preview (computed when asked). */
  previewFonts(): PreviewFonts;
}

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56;
const TOP = PAGE_H - 76;
const BOTTOM = 66;
const WIDTH = PAGE_W - 2 * MARGIN_X;

const INK = hex('#1d2230');
const MUTED = hex('#667085');
const HAIRLINE = hex('#d8dce4');
const WHITE = rgb(1, 1, 1);

// Noto's vertical metrics (units of the font size): ascender 1.069, descender 0.293.
const ASCENT = 1.069;
const DESCENT = 0.293;
const BODY = 10.5;
const LEADING = 1.5;

export function hex(value: string): RGB {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (!m) return rgb(0.2, 0.2, 0.3);
  return rgb(parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255);
}

/** Mixes a colour with white: 0 is white, 1 the colour itself. */
function tint(color: RGB, amount: number): RGB {
  return rgb(1 - (1 - color.red) * amount, 1 - (1 - color.green) * amount, 1 - (1 - color.blue) * amount);
}


const toHex = (c: RGB) => `#${[c.red, c.green, c.blue].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;

/** A piece of text as the flow carries it: shaped by one font, at one bidi level. */
interface ShapedPiece extends Piece {
  font: Shaped;
  level: number;
}

class Fonts {
  readonly chain: FontChain;

  constructor(doc: PDFDocument, resources: DocumentResources) {
    const fallbacks = resources.fallbacks ?? (resources.cjkFont ? [{ key: 'cjk', regular: resources.cjkFont }] : []);
    this.chain = new FontChain(doc, resources.fonts, fallbacks);
  }

  /** The embedded brand font (form fields draw their values with it). */
  get(variant: FontVariant): PDFFont {
    return this.chain.pdfFont(variant);
  }

  variantOf(run: Pick<Inline, 'bold' | 'italic'>): FontVariant {
    return run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
  }

  /** Splits text into pieces each drawn by one font, shaped, with widths from the shaped advances. */
  measure(text: string, run: LeveledInline, size: number): ShapedPiece[] {
    const level = run.level ?? 0;
    const shaped = this.chain.shapeRuns(text, this.variantOf(run), level % 2 === 1);
    return shaped.map((s) => ({ text: s.text, width: (s.advance * size) / s.unitsPerEm, font: s, level }));
  }
}

/** Joins shaped pieces of one font and level, in logical order, into one run (right-to-left runs join in visual order). */
function joinShaped(pieces: Shaped[], rtl: boolean): Shaped {
  if (pieces.length === 1) return pieces[0];
  const visual = rtl ? [...pieces].reverse() : pieces;
  return {
    key: pieces[0].key,
    text: pieces.map((p) => p.text).join(''),
    glyphs: visual.flatMap((p) => p.glyphs),
    advance: pieces.reduce((sum, p) => sum + p.advance, 0),
    unitsPerEm: pieces[0].unitsPerEm,
    complex: pieces.some((p) => p.complex),
    rtl,
  };
}

/** Words of one style become one text run: far fewer PDF operators (and a smaller, faster file) than one per word. */
function mergeSegments(segments: Line['segments']): Array<LineSegment & ShapedPiece> {
  const groups: Array<Array<LineSegment & ShapedPiece>> = [];
  for (const seg of segments as Array<LineSegment & ShapedPiece>) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (last && last.font.key === seg.font.key && last.level === seg.level && last.run.color === seg.run.color && last.run.href === seg.run.href && !!last.run.bold === !!seg.run.bold && !!last.run.italic === !!seg.run.italic) group.push(seg);
    else groups.push([seg]);
  }
  const merged = groups.map((group) => (group.length === 1 ? group[0] : {
    ...group[0],
    text: group.map((g) => g.text).join(''),
    width: group.reduce((sum, g) => sum + g.width, 0),
    font: joinShaped(group.map((g) => g.font), group[0].level % 2 === 1),
  }));
  return visualOrder(merged, (seg) => seg.level);
}

interface Column {
  x: number;
  width: number;
}

const TABLE_PAD = 6;
const TABLE_SIZE = 9.5;
const TABLE_LEADING = TABLE_SIZE * 1.42;

/** A table's text broken into lines for a column `width` wide, and the heights that follow from it. */
interface TableLayout {
  width: number;
  widths: number[];
  header: Line[][];
  headerHeight: number;
  rows: Line[][][];
  heights: number[];
}

/** A short table (a third of a page at most) is kept whole rather than leaving a row or two behind; a longer one needs its header and first row. */
function tableNeeds({ headerHeight, heights }: TableLayout): number {
  const whole = headerHeight + heights.reduce((sum, h) => sum + h, 0);
  return whole <= (TOP - BOTTOM) / 3 ? whole : headerHeight + (heights[0] ?? 0);
}

/** Lays out and draws a DocumentSpec on A4 pages. */
class Layout {
  readonly pages: PDFPage[] = [];
  readonly boxes: DrawnBox[] = [];
  readonly fields: string[] = [];
  readonly missingImages: string[] = [];
  readonly ops: PreviewOp[][] = [];
  private page!: PDFPage;
  private y = TOP;
  private readonly primary: RGB;
  private readonly accent: RGB;
  private readonly form: PDFForm;
  private readonly tableLayouts = new WeakMap<Block, TableLayout>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly spec: DocumentSpec,
    private readonly images: Map<string, PDFImage>,
  ) {
    this.primary = hex(spec.brand.primary);
    this.accent = hex(spec.brand.accent);
    this.form = doc.getForm();
  }

  private get pageIndex() {
    return this.pages.length - 1;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.ops.push([]);
    this.y = TOP;
  }

  /** Starts a new page unless `height` fits above the footer. */
  private ensure(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP - 0.5) this.newPage();
  }

  private room(): number {
    return this.y - BOTTOM;
  }

  private box(x: number, y: number, width: number, height: number, what: string, page = this.pageIndex): void {
    this.boxes.push({ page, x, y, width, height, what });
  }

  private op(op: PreviewOp): void {
    this.ops[this.pages.indexOf(this.page)].push(op);
  }

  private rect(x: number, y: number, width: number, height: number, color: RGB, what: string, opacity = 1): void {
    this.page.drawRectangle({ x, y, width, height, color, opacity });
    this.op({ op: 'rect', x, y, width, height, color: toHex(color), opacity });
    this.box(x, y, width, height, what);
  }

  private hline(x: number, y: number, width: number, color = HAIRLINE, thickness = 0.75): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color });
    this.op({ op: 'rect', x, y: y - thickness / 2, width, height: thickness, color: toHex(color), opacity: 1 });
    this.box(x, y - thickness / 2, width, thickness, 'rule');
  }

  flow(runs: Inline[], width: number, size: number): Line[] {
    return flowText(withBidiLevels(runs), width, (text, run) => this.fonts.measure(text, run, size));
  }

  /** Draws one line with its top at `top`; returns nothing, records every piece. */
  private drawLine(line: Line, x: number, top: number, size: number, leading: number, color: RGB, opts: { align?: 'left' | 'right' | 'center'; width?: number; opacity?: number } = {}): void {
    const baseline = top - ((leading - (ASCENT + DESCENT) * size) / 2) - ASCENT * size;
    let cx = x;
    if (opts.align === 'right' && opts.width) cx = x + opts.width - line.width;
    if (opts.align === 'center' && opts.width) cx = x + (opts.width - line.width) / 2;
    for (const seg of mergeSegments(line.segments)) {
      const segColor = seg.run.color ? hex(seg.run.color) : seg.run.href ? this.primary : color;
      if (seg.text.trim()) {
        drawShaped(pageCanvas(this.page), this.fonts.chain, seg.font, cx, baseline, size, segColor, opts.opacity);
        this.op({ op: 'glyphs', x: cx, y: baseline, size, font: seg.font.key, glyphs: glyphPositions(seg.font, size), text: seg.text, color: toHex(segColor), opacity: opts.opacity ?? 1 });
        this.box(cx, baseline - DESCENT * size, seg.width, (ASCENT + DESCENT) * size, 'text');
      }
      if (seg.run.href) {
        if (seg.text.trim()) this.hline(cx, baseline - 1.6, seg.width, segColor, 0.5);
        this.link(cx, baseline - DESCENT * size, seg.width, (ASCENT + DESCENT) * size, seg.run.href);
      }
      cx += seg.width;
    }
  }

  private link(x: number, y: number, width: number, height: number, href: string): void {
    if (width <= 0) return;
    const annot = this.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + width, y + height],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) },
    });
    this.page.node.addAnnot(this.doc.context.register(annot));
  }

  /** Text that may run across pages, one line at a time. */
  private paragraph(runs: Inline[], col: Column, size: number, color: RGB, leading = size * LEADING): void {
    for (const line of this.flow(runs, col.width, size)) {
      this.ensure(leading);
      this.drawLine(line, col.x, this.y, size, leading, color);
      this.y -= leading;
    }
  }

  /** The height a block needs before it may start (for keeping headings with what follows). */
  private startHeight(block: Block | undefined, col: Column): number {
    if (!block) return 0;
    switch (block.type) {
      case 'paragraph': return Math.min(3, this.flow(block.runs, col.width, block.size ?? BODY).length) * (block.size ?? BODY) * LEADING;
      case 'list': return BODY * LEADING * 2;
      case 'table': return this.tableStart(block, col);
      case 'signatures': return this.signaturesHeight(block.parties.length);
      case 'image': return 120;
      case 'facts': case 'callout': return 70;
      case 'chart': return chartHeight(block, col.width, this.painter());
      case 'stats': return 80;
      case 'gallery': return 150;
      default: return BODY * LEADING;
    }
  }

  blocks(blocks: Block[], col: Column): void {
    blocks.forEach((block, i) => this.block(block, col, blocks[i + 1]));
  }

  private block(block: Block, col: Column, next?: Block): void {
    switch (block.type) {
      case 'heading': {
        const size = block.level === 1 ? 19 : block.level === 2 ? 14.5 : 12;
        const before = block.level === 1 ? 18 : block.level === 2 ? 14 : 10;
        const leading = size * 1.3;
        const runs = block.runs.map((r) => ({ ...r, bold: true }));
        const lines = this.flow(runs, col.width, size);
        if (this.y < TOP - 0.5) this.y -= before;
        this.ensure(lines.length * leading + 6 + this.startHeight(next, col));
        for (const line of lines) {
          this.drawLine(line, col.x, this.y, size, leading, block.level === 3 ? INK : this.primary);
          this.y -= leading;
        }
        if (block.level === 1) {
          this.rect(col.x, this.y - 3, 28, 2.5, this.accent, 'heading-accent');
          this.y -= 10;
        } else this.y -= 4;
        return;
      }
      case 'paragraph': {
        const size = block.size ?? BODY;
        this.paragraph(block.runs, col, size, block.muted ? MUTED : INK);
        this.y -= size * 0.6;
        return;
      }
      case 'list': return this.list(block, col, 0);
      case 'table': return this.table(block, col);
      case 'image': return this.image(block, col);
      case 'callout': return this.callout(block, col);
      case 'facts': return this.facts(block.items, col);
      case 'rule':
        this.ensure(16);
        this.y -= 8;
        this.hline(col.x, this.y, col.width);
        this.y -= 8;
        return;
      case 'page-break':
        if (this.y < TOP - 0.5) this.newPage();
        return;
      case 'signatures': return this.signatures(block.parties, col);
      case 'text-field': return this.textField(block, col);
      case 'field-row': return this.fieldRow(block.fields, col);
      case 'checkbox': return this.checkbox(block, col);
      case 'chart': return this.chart(block, col);
      case 'stats': return this.stats(block.items, block.columns ?? 4, col);
      case 'gallery': return this.gallery(block.items, block.columns ?? 4, col);
    }
  }

  /** What a chart draws with: this page, the brand's colours and fonts, and the drawn-box record. */
  private painter(): ChartPainter {
    const oneLine = (text: string, size: number, bold?: boolean) => this.flow([{ text, bold }], 1e6, size)[0];
    return {
      palette: [toHex(this.primary), toHex(this.accent), toHex(tint(this.primary, 0.45)), '#12b886', '#868e96', '#f59f00'],
      width: (text, size, bold) => oneLine(text, size, bold)?.width ?? 0,
      lines: (text, width, size, bold) => this.flow([{ text, bold }], width, size).map((l) => l.segments.map((seg) => seg.text).join('')),
      text: (text, x, top, size, color, bold) => {
        const line = oneLine(text, size, bold);
        if (line) this.drawLine(line, x, top, size, size * (ASCENT + DESCENT), hex(color));
      },
      rect: (x, y, width, height, color, what) => this.rect(x, y, width, height, hex(color), what),
      line: (x1, y1, x2, y2, color, thickness, dash) => {
        this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: hex(color), dashArray: dash, lineCap: dash ? LineCapStyle.Butt : LineCapStyle.Round });
        this.op({ op: 'line', x1, y1, x2, y2, color, thickness, dash });
        this.box(Math.min(x1, x2) - thickness / 2, Math.min(y1, y2) - thickness / 2, Math.abs(x2 - x1) + thickness, Math.abs(y2 - y1) + thickness, 'chart-line');
      },
      circle: (x, y, r, color) => {
        this.page.drawCircle({ x, y, size: r, color: hex(color) });
        this.op({ op: 'circle', x, y, r, color });
        this.box(x - r, y - r, 2 * r, 2 * r, 'chart-point');
      },
      box: (x, y, width, height, what) => this.box(x, y, width, height, what),
    };
  }

  /** A chart is never split: it starts on a new page when it does not fit above the footer. */
  private chart(block: ChartBlock, col: Column): void {
    const painter = this.painter();
    this.y -= 4;
    this.ensure(chartHeight(block, col.width, painter));
    this.y -= drawChart(block, col.x, this.y, col.width, painter) + 14;
  }

  /** Pictures in a grid, each scaled to fit a 4:3 frame with its lines under it; a row stays on one page. */
  private gallery(items: GalleryItem[], perRow: number, col: Column): void {
    const gap = 10;
    const w = (col.width - gap * (perRow - 1)) / perRow;
    const frameH = w * 0.75;
    this.y -= 4;
    for (let i = 0; i < items.length; i += perRow) {
      const cells = items.slice(i, i + perRow).map((item) => ({ item, lines: (item.lines ?? []).flatMap((runs) => this.flow(runs, w, 8)) }));
      const height = frameH + 5 + Math.max(0, ...cells.map((c) => c.lines.length)) * 11;
      this.ensure(height);
      cells.forEach(({ item, lines }, k) => {
        const x = col.x + k * (w + gap);
        const top = this.y;
        this.rect(x, top - frameH, w, frameH, tint(this.primary, 0.08), 'gallery-frame');
        const image = item.sha256 ? this.images.get(item.sha256) : undefined;
        if (item.sha256 && !image) this.missingImages.push(item.sha256);
        if (image) {
          const s = Math.min(w / image.width, frameH / image.height);
          const iw = image.width * s;
          const ih = image.height * s;
          const ix = x + (w - iw) / 2;
          const iy = top - frameH + (frameH - ih) / 2;
          this.page.drawImage(image, { x: ix, y: iy, width: iw, height: ih });
          this.op({ op: 'image', x: ix, y: iy, width: iw, height: ih, sha256: item.sha256! });
          this.box(ix, iy, iw, ih, 'image');
        } else {
          const label = this.flow([{ text: item.placeholder, bold: true }], w - 12, 9).slice(0, 2);
          label.forEach((line, n) => this.drawLine(line, x + 6, top - frameH / 2 + (label.length * 13) / 2 - n * 13, 9, 13, this.primary, { align: 'center', width: w - 12 }));
        }
        let y = top - frameH - 5;
        for (const line of lines) { this.drawLine(line, x, y, 8, 11, INK); y -= 11; }
      });
      this.y -= height + gap;
    }
    this.y -= 6;
  }

  /** Headline figures as tiles, a few to a row; a row of tiles stays on one page. */
  private stats(items: StatTile[], perRow: number, col: Column): void {
    const gap = 8;
    const pad = 10;
    const w = (col.width - gap * (perRow - 1)) / perRow;
    const inner = w - 2 * pad - 3;
    for (let i = 0; i < items.length; i += perRow) {
      const cells = items.slice(i, i + perRow).map((item) => {
        const label = this.flow([{ text: item.label.toUpperCase(), bold: true }], inner, 7).slice(0, 2);
        // Long money figures shrink to fit the tile rather than wrap.
        let size = 17;
        while (size > 10 && this.flow([{ text: item.value, bold: true }], 1e6, size)[0].width > inner) size -= 0.5;
        const value = this.flow([{ text: item.value, bold: true }], inner, size);
        const lines = (item.lines ?? []).flatMap((runs) => this.flow(runs, inner, 8));
        const height = label.length * 10 + 4 + value.length * size * 1.25 + (lines.length ? 3 + lines.length * 11 : 0);
        return { item, label, size, value, lines, height };
      });
      const height = Math.max(...cells.map((c) => c.height)) + 2 * pad;
      this.ensure(height);
      cells.forEach((c, k) => {
        const x = col.x + k * (w + gap);
        this.rect(x, this.y - height, w, height, tint(this.primary, 0.06), 'stat');
        this.rect(x, this.y - height, 2.5, height, c.item.muted ? HAIRLINE : this.primary, 'stat-bar');
        let top = this.y - pad;
        const tx = x + pad + 3;
        for (const line of c.label) { this.drawLine(line, tx, top, 7, 10, MUTED); top -= 10; }
        top -= 4;
        for (const line of c.value) { this.drawLine(line, tx, top, c.size, c.size * 1.25, c.item.muted ? MUTED : INK); top -= c.size * 1.25; }
        top -= 3;
        for (const line of c.lines) { this.drawLine(line, tx, top, 8, 11, MUTED); top -= 11; }
      });
      this.y -= height + gap;
    }
    this.y -= 8;
  }

  private list(block: Extract<Block, { type: 'list' }>, col: Column, depth: number): void {
    const indent = block.ordered ? 22 : 16;
    const inner = { x: col.x + indent, width: col.width - indent };
    block.items.forEach((item, i) => {
      const leading = BODY * LEADING;
      this.ensure(leading);
      const marker = block.ordered ? `${(block.start ?? 1) + i}.` : depth % 2 === 0 ? '•' : '–';
      const markerLine = this.flow([{ text: marker, bold: block.ordered }], indent, BODY)[0];
      this.drawLine(markerLine, col.x, this.y, BODY, leading, block.ordered ? this.primary : this.accent, { align: 'right', width: indent - 7 });
      item.forEach((child, j) => {
        if (child.type === 'list') this.list(child, inner, depth + 1);
        else if (child.type === 'paragraph') {
          this.paragraph(child.runs, inner, child.size ?? BODY, child.muted ? MUTED : INK);
          if (j < item.length - 1) this.y -= 3;
        } else this.block(child, inner, item[j + 1]);
      });
      this.y -= 3;
    });
    if (depth === 0) this.y -= BODY * 0.5;
  }

  /** What a table needs before it may start: all of it when short (it is kept whole), else its header and first row. */
  private tableStart(block: Extract<Block, { type: 'table' }>, col: Column): number {
    return 4 + tableNeeds(this.tableLayout(block, col));
  }

  /** Where a table's text breaks into lines, worked out once for the look-ahead and the drawing alike. */
  private tableLayout(block: Extract<Block, { type: 'table' }>, col: Column): TableLayout {
    const known = this.tableLayouts.get(block);
    if (known && known.width === col.width) return known;
    const total = block.columns.reduce((s, c) => s + c.width, 0);
    const widths = block.columns.map((c) => (col.width * c.width) / total);
    const cellLines = (runs: Inline[], i: number) => this.flow(runs, widths[i] - 2 * TABLE_PAD, TABLE_SIZE);
    const header = block.columns.map((c, i) => cellLines([{ text: c.header, bold: true }], i));
    const rows = block.rows.map((cells) => widths.map((_, i) => cellLines(cells[i] ?? [], i)));
    const layout: TableLayout = {
      width: col.width, widths, header, rows,
      headerHeight: Math.max(...header.map((l) => l.length)) * TABLE_LEADING + 2 * TABLE_PAD,
      heights: rows.map((cells) => Math.max(1, ...cells.map((l) => l.length)) * TABLE_LEADING + 2 * TABLE_PAD),
    };
    this.tableLayouts.set(block, layout);
    return layout;
  }

  private table(block: Extract<Block, { type: 'table' }>, col: Column): void {
    const layout = this.tableLayout(block, col);
    const { widths, header, headerHeight, rows } = layout;
    const pad = TABLE_PAD;
    const size = TABLE_SIZE;
    const leading = TABLE_LEADING;

    const drawHeader = () => {
      this.rect(col.x, this.y - headerHeight, col.width, headerHeight, this.primary, 'table-header');
      let x = col.x;
      header.forEach((lines, i) => {
        lines.forEach((line, k) => this.drawLine(line, x + pad, this.y - pad - k * leading, size, leading, WHITE, { align: block.columns[i].align, width: widths[i] - 2 * pad }));
        x += widths[i];
      });
      this.y -= headerHeight;
    };

    this.y -= 4;
    this.ensure(tableNeeds(layout));
    drawHeader();
    const fullPage = TOP - BOTTOM - headerHeight;
    rows.forEach((cells, r) => {
      let remaining = cells.map((lines) => lines.slice());
      const rowHeight = Math.max(1, ...remaining.map((l) => l.length)) * leading + 2 * pad;
      // A row that fits on a fresh page is never split; only a row taller than a page is.
      if (rowHeight > this.room() && rowHeight <= fullPage) {
        this.newPage();
        drawHeader();
      }
      while (remaining.some((l) => l.length)) {
        let fit = Math.floor((this.room() - 2 * pad) / leading);
        if (fit < 1) {
          this.newPage();
          drawHeader();
          fit = Math.floor((this.room() - 2 * pad) / leading);
        }
        const take = Math.min(fit, Math.max(...remaining.map((l) => l.length)));
        const height = take * leading + 2 * pad;
        if (r % 2 === 1) this.rect(col.x, this.y - height, col.width, height, tint(this.primary, 0.06), 'table-zebra');
        let x = col.x;
        remaining.forEach((lines, i) => {
          lines.slice(0, take).forEach((line, k) => this.drawLine(line, x + pad, this.y - pad - k * leading, size, leading, INK, { align: block.columns[i].align, width: widths[i] - 2 * pad }));
          x += widths[i];
        });
        remaining = remaining.map((l) => l.slice(take));
        this.y -= height;
        this.hline(col.x, this.y, col.width);
      }
    });
    this.y -= 12;
  }

  private image(block: Extract<Block, { type: 'image' }>, col: Column): void {
    const image = this.images.get(block.sha256);
    if (!image) {
      this.missingImages.push(block.sha256);
      this.paragraph([{ text: `[Image not on this computer yet: ${block.caption || block.sha256.slice(0, 12)}]`, italic: true }], col, 9, MUTED);
      return;
    }
    const maxHeight = Math.min(block.maxHeight ?? 320, TOP - BOTTOM - 30);
    const scale = Math.min(col.width / image.width, maxHeight / image.height, 1.5);
    const w = image.width * scale;
    const h = image.height * scale;
    const captionLines = block.caption ? this.flow([{ text: block.caption, italic: true }], col.width, 8.5) : [];
    const captionHeight = captionLines.length * 8.5 * 1.4;
    this.y -= 4;
    this.ensure(h + captionHeight + 6);
    this.page.drawImage(image, { x: col.x, y: this.y - h, width: w, height: h });
    this.op({ op: 'image', x: col.x, y: this.y - h, width: w, height: h, sha256: block.sha256 });
    this.box(col.x, this.y - h, w, h, 'image');
    this.y -= h + 4;
    for (const line of captionLines) {
      this.drawLine(line, col.x, this.y, 8.5, 8.5 * 1.4, MUTED);
      this.y -= 8.5 * 1.4;
    }
    this.y -= 8;
  }

  private callout(block: Extract<Block, { type: 'callout' }>, col: Column): void {
    const pad = 12;
    const inner = { x: col.x + pad + 4, width: col.width - 2 * pad - 4 };
    const titleLines = block.title ? this.flow([{ text: block.title, bold: true }], inner.width, 10.5) : [];
    const lines = this.flow(block.runs, inner.width, BODY);
    const leading = BODY * LEADING;
    const height = (titleLines.length + lines.length) * leading + 2 * pad;
    this.y -= 4;
    if (height <= TOP - BOTTOM) this.ensure(height);
    const all = [...titleLines.map((l) => ({ l, c: this.primary })), ...lines.map((l) => ({ l, c: INK }))];
    let i = 0;
    while (i < all.length) {
      const fit = Math.max(1, Math.floor((this.room() - 2 * pad) / leading));
      const chunk = all.slice(i, i + fit);
      const h = chunk.length * leading + 2 * pad;
      this.rect(col.x, this.y - h, col.width, h, tint(this.accent, 0.08), 'callout');
      this.rect(col.x, this.y - h, 3, h, this.accent, 'callout-bar');
      chunk.forEach(({ l, c }, k) => this.drawLine(l, inner.x, this.y - pad - k * leading, BODY, leading, c));
      this.y -= h;
      i += chunk.length;
      if (i < all.length) this.newPage();
    }
    this.y -= 12;
  }

  facts(items: Array<{ label: string; value: string }>, col: Column): void {
    if (!items.length) return;
    const perRow = Math.min(3, items.length);
    const cellW = col.width / perRow;
    const pad = 12;
    const rows: Array<typeof items> = [];
    for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
    for (const row of rows) {
      const cells = row.map((it) => ({
        label: this.flow([{ text: it.label.toUpperCase(), bold: true }], cellW - 2 * pad, 7.5),
        value: this.flow([{ text: it.value || '–' }], cellW - 2 * pad, 10.5),
      }));
      const height = Math.max(...cells.map((c) => c.label.length * 11 + c.value.length * 15)) + 2 * pad - 2;
      this.ensure(height);
      this.rect(col.x, this.y - height, col.width, height, tint(this.primary, 0.06), 'facts');
      cells.forEach((c, i) => {
        let top = this.y - pad + 2;
        const x = col.x + i * cellW + pad;
        for (const line of c.label) { this.drawLine(line, x, top, 7.5, 11, MUTED); top -= 11; }
        for (const line of c.value) { this.drawLine(line, x, top, 10.5, 15, INK); top -= 15; }
      });
      this.y -= height;
    }
    this.y -= 14;
  }

  private signaturesHeight(parties: number): number {
    return Math.ceil(parties / 2) * 196;
  }

  private fieldBox(name: string, x: number, top: number, width: number, height: number, value?: string, multiline = false): void {
    const field = this.form.createTextField(name);
    if (multiline) field.enableMultiline();
    if (value) field.setText(value);
    field.addToPage(this.page, {
      x, y: top - height, width, height,
      borderColor: hex('#b8bfcc'), backgroundColor: hex('#f7f8fb'), borderWidth: 0.75,
      // Prefilled values may be in any script: draw them with the embedded font. Empty fields keep the reader's own.
      font: value ? this.fonts.get('regular') : undefined,
    });
    this.box(x, top - height, width, height, 'field');
    this.op({ op: 'field', x, y: top - height, width, height, value: value ?? '', checkbox: false, text: value ? this.fieldText(value, x, top, height) : undefined });
    this.fields.push(name);
  }

  /** A prefilled value as the preview draws it: one line, 10 pt, where pdf-lib's appearance puts it. */
  private fieldText(value: string, x: number, top: number, height: number): Extract<PreviewOp, { op: 'glyphs' }>[] {
    const size = 10;
    const line = this.flow([{ text: value.replace(/\s*\n\s*/g, ' ') }], 1e6, size)[0];
    const out: Extract<PreviewOp, { op: 'glyphs' }>[] = [];
    let cx = x + 3;
    for (const seg of mergeSegments(line?.segments ?? [])) {
      if (seg.text.trim()) {
        this.fonts.chain.noteUsed(seg.font);
        out.push({ op: 'glyphs', x: cx, y: top - height / 2 - 3.5, size, font: seg.font.key, glyphs: glyphPositions(seg.font, size), text: seg.text, color: '#1d2230', opacity: 1 });
      }
      cx += seg.width;
    }
    return out;
  }

  private signatures(parties: Array<{ role: string; name: string; field: string }>, col: Column): void {
    const gap = 28;
    const w = (col.width - gap) / 2;
    for (let i = 0; i < parties.length; i += 2) {
      this.ensure(196);
      const top = this.y;
      parties.slice(i, i + 2).forEach((party, k) => {
        const x = col.x + k * (w + gap);
        let y = top;
        this.drawLine(this.flow([{ text: party.role.toUpperCase(), bold: true }], w, 8)[0], x, y, 8, 12, this.primary); y -= 13;
        for (const line of this.flow([{ text: party.name, bold: true }], w, 11).slice(0, 2)) { this.drawLine(line, x, y, 11, 15, INK); y -= 15; }
        y -= 6;
        const labelled = (label: string, field: string, height: number) => {
          this.fieldBox(field, x, y, w, height);
          y -= height + 2;
          this.drawLine(this.flow([{ text: label }], w, 8)[0], x, y, 8, 11, MUTED);
          y -= 17;
        };
        labelled('Signature', `${party.field}.signature`, 40);
        labelled('Name in capitals', `${party.field}.name`, 22);
        labelled('Date', `${party.field}.date`, 22);
      });
      this.y = top - 196;
    }
  }

  private textField(block: Extract<Block, { type: 'text-field' }>, col: Column): void {
    const height = 22 + ((block.lines ?? 1) - 1) * 14;
    const labelLines = this.flow([{ text: block.label, bold: true }, ...(block.hint ? [{ text: `  ${block.hint}`, color: '#667085' }] : [])], col.width, 9);
    this.ensure(labelLines.length * 13 + height + 12);
    for (const line of labelLines) { this.drawLine(line, col.x, this.y, 9, 13, INK); this.y -= 13; }
    this.y -= 2;
    this.fieldBox(block.field, col.x, this.y, col.width, height, block.value, (block.lines ?? 1) > 1);
    this.y -= height + 12;
  }

  private fieldRow(fields: Array<{ field: string; label: string; value?: string }>, col: Column): void {
    const gap = 14;
    const w = (col.width - gap * (fields.length - 1)) / fields.length;
    const labels = fields.map((f) => this.flow([{ text: f.label, bold: true }], w, 9));
    const labelHeight = Math.max(...labels.map((l) => l.length)) * 13;
    this.ensure(labelHeight + 22 + 14);
    fields.forEach((f, i) => {
      const x = col.x + i * (w + gap);
      labels[i].forEach((line, k) => this.drawLine(line, x, this.y - k * 13, 9, 13, INK));
      this.fieldBox(f.field, x, this.y - labelHeight - 2, w, 22, f.value);
    });
    this.y -= labelHeight + 2 + 22 + 12;
  }

  private checkbox(block: Extract<Block, { type: 'checkbox' }>, col: Column): void {
    const size = 13;
    const lines = this.flow([{ text: block.label }], col.width - size - 10, BODY);
    const leading = BODY * LEADING;
    this.ensure(Math.max(lines.length * leading, size) + 8);
    const box = this.form.createCheckBox(block.field);
    box.addToPage(this.page, { x: col.x, y: this.y - size - 1.5, width: size, height: size, borderColor: this.primary, borderWidth: 1, backgroundColor: WHITE });
    if (block.checked) box.check();
    this.box(col.x, this.y - size - 1.5, size, size, 'field');
    this.op({ op: 'field', x: col.x, y: this.y - size - 1.5, width: size, height: size, value: block.checked ? 'x' : '', checkbox: true });
    this.fields.push(block.field);
    for (const line of lines) { this.drawLine(line, col.x + size + 10, this.y, BODY, leading, INK); this.y -= leading; }
    this.y -= 8;
  }

  /** The branded band on page one: eyebrow, title, subtitle, logo. */
  cover(logo: PDFImage | null): void {
    const titleWidth = WIDTH - (logo ? 130 : 0);
    let titleSize = 25;
    let titleLines = this.flow([{ text: this.spec.title, bold: true }], titleWidth, titleSize);
    if (titleLines.length > 2) { titleSize = 19; titleLines = this.flow([{ text: this.spec.title, bold: true }], titleWidth, titleSize); }
    const subtitleLines = this.spec.subtitle ? this.flow([{ text: this.spec.subtitle }], titleWidth, 11) : [];
    const bandHeight = Math.max(150, 56 + 18 + titleLines.length * titleSize * 1.2 + subtitleLines.length * 16 + 30);
    const bandY = PAGE_H - bandHeight;
    this.rect(0, bandY, PAGE_W, bandHeight, this.primary, 'cover-band');
    this.rect(0, bandY - 4, PAGE_W, 4, this.accent, 'cover-stripe');
    let y = PAGE_H - 48;
    this.drawLine(this.flow([{ text: this.spec.eyebrow.toUpperCase(), bold: true }], titleWidth, 8.5)[0], MARGIN_X, y, 8.5, 12, WHITE, { opacity: 0.78 });
    y -= 22;
    for (const line of titleLines) { this.drawLine(line, MARGIN_X, y, titleSize, titleSize * 1.2, WHITE); y -= titleSize * 1.2; }
    y -= 4;
    for (const line of subtitleLines) { this.drawLine(line, MARGIN_X, y, 11, 16, WHITE, { opacity: 0.88 }); y -= 16; }
    if (logo) {
      const boxW = 108;
      const boxH = 56;
      const bx = PAGE_W - MARGIN_X - boxW;
      const by = PAGE_H - 40 - boxH;
      this.page.drawRectangle({ x: bx, y: by, width: boxW, height: boxH, color: WHITE, borderColor: WHITE, borderWidth: 0 });
      this.op({ op: 'rect', x: bx, y: by, width: boxW, height: boxH, color: '#ffffff', opacity: 1 });
      this.box(bx, by, boxW, boxH, 'logo-plate');
      const s = Math.min((boxW - 16) / logo.width, (boxH - 14) / logo.height);
      const lw = logo.width * s;
      const lh = logo.height * s;
      this.page.drawImage(logo, { x: bx + (boxW - lw) / 2, y: by + (boxH - lh) / 2, width: lw, height: lh });
      this.op({ op: 'image', x: bx + (boxW - lw) / 2, y: by + (boxH - lh) / 2, width: lw, height: lh, sha256: this.spec.brand.logoSha256 ?? '' });
      this.box(bx + (boxW - lw) / 2, by + (boxH - lh) / 2, lw, lh, 'logo');
    }
    this.y = bandY - 28;
  }

  /** Running header (from page two) and footer with page numbers, drawn once the page count is known. */
  chrome(logo: PDFImage | null): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      this.page = page;
      if (i > 0) {
        let x = MARGIN_X;
        if (logo) {
          const h = 14;
          const w = Math.min(60, (logo.width * h) / logo.height);
          const lh = (logo.height * w) / logo.width;
          page.drawImage(logo, { x, y: PAGE_H - 46, width: w, height: lh });
          this.op({ op: 'image', x, y: PAGE_H - 46, width: w, height: lh, sha256: this.spec.brand.logoSha256 ?? '' });
          this.box(x, PAGE_H - 46, w, lh, 'logo', i);
          x += w + 8;
        }
        const brand = this.flow([{ text: this.spec.brand.name, bold: true }], 200, 8.5)[0];
        this.drawLine(brand, x, PAGE_H - 34, 8.5, 12, this.primary);
        const title = this.flow([{ text: this.spec.title }], WIDTH - 230, 8.5)[0];
        this.drawLine(title, MARGIN_X + 230, PAGE_H - 34, 8.5, 12, MUTED, { align: 'right', width: WIDTH - 230 });
        this.hline(MARGIN_X, PAGE_H - 52, WIDTH);
      }
      this.hline(MARGIN_X, 46, WIDTH);
      const footer = this.flow([{ text: this.spec.footer ?? this.spec.brand.name }], WIDTH - 90, 8)[0];
      this.drawLine(footer, MARGIN_X, 40, 8, 12, MUTED);
      const pageNo = this.flow([{ text: `Page ${i + 1} of ${total}` }], 90, 8)[0];
      this.drawLine(pageNo, PAGE_W - MARGIN_X - 90, 40, 8, 12, MUTED, { align: 'right', width: 90 });
    });
  }
}

async function embedImage(doc: PDFDocument, image: DocumentImage): Promise<PDFImage | null> {
  try {
    return image.format === 'png' ? await doc.embedPng(image.bytes) : await doc.embedJpg(image.bytes);
  } catch {
    // A damaged picture must not cost the whole document; it is reported as missing.
    return null;
  }
}

/** Renders a spec to PDF bytes. Pure: fonts and images come in as bytes. */
export async function renderPdf(spec: DocumentSpec, resources: DocumentResources): Promise<RenderedDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as Parameters<typeof doc.registerFontkit>[0]);
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setAuthor(spec.author ?? spec.brand.name);
  doc.setSubject(spec.subject ?? spec.eyebrow);
  doc.setKeywords(spec.keywords ?? []);
  doc.setProducer('Fanfare');
  doc.setCreator('Fanfare');
  doc.setLanguage('en');

  const fonts = new Fonts(doc, resources);
  const uncovered = uncoveredIn(spec, fonts.chain);
  const images = new Map<string, PDFImage>();
  for (const [sha, image] of resources.images) {
    const embedded = await embedImage(doc, image);
    if (embedded) images.set(sha, embedded);
  }
  const logo = spec.brand.logoSha256 ? images.get(spec.brand.logoSha256) ?? null : null;

  const layout = new Layout(doc, fonts, spec, images);
  layout.newPage();
  layout.cover(logo);
  if (spec.facts?.length) layout.facts(spec.facts, { x: MARGIN_X, width: WIDTH });
  layout.blocks(spec.blocks, { x: MARGIN_X, width: WIDTH });
  layout.chrome(logo);
  writeMark(doc, spec as MarkedSpec);

  if (layout.fields.length) {
    // Fields type in the document's own embedded font (what pdftk, iText and readers without font substitution draw with),
    // and every field carries an appearance drawn here, prefilled values in any script.
    // Prefilled values are drawn with the page text's own chain: its shaping, its fallbacks, its embedded fonts.
    await applyFormAppearances(doc, { regular: resources.fonts.regular, chain: fonts.chain }, { typingHint: JSON.stringify(spec) });
    // Not true: a reader regenerating the appearances would redraw prefilled CJK, Arabic and other scripts in the typing font, which lacks them.
    doc.getForm().acroForm.dict.set(PDFName.of('NeedAppearances'), doc.context.obj(false));
  }
  const bytes = await doc.save({ updateFieldAppearances: false });
  return { bytes, pages: layout.ops, pageCount: layout.pages.length, pageWidth: PAGE_W, pageHeight: PAGE_H, boxes: layout.boxes, fields: layout.fields, missingImages: layout.missingImages, uncovered, previewFonts: () => fonts.chain.previewFonts() };
}
