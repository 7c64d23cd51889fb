/**
 * The document model every Fanfare PDF is described in: a flow of blocks
 * (headings, paragraphs, lists, tables, images, form fields) on branded
 * pages. Builders for briefs, contracts and guides produce a DocumentSpec;
 * the engine (render-pdf.ts) lays it out and draws it.
 */

export const fontFamilies = ['noto-sans', 'noto-serif'] as const;
export type FontFamily = (typeof fontFamilies)[number];
export const fontFamilyLabels: Record<FontFamily, string> = { 'noto-sans': 'Noto Sans (clean, modern)', 'noto-serif': 'Noto Serif (classic, editorial)' };

export type FontVariant = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface BrandKit {
  /** The brand's name as it appears on every page. */
  name: string;
  /** Hex colours, "#RRGGBB". */
  primary: string;
  accent: string;
  font: FontFamily;
  /** A PNG or JPEG (or anything sharp reads) in the media store. */
  logoSha256: string | null;
}

export const defaultBrandKit: BrandKit = { name: 'Your brand', primary: '#3b2f8f', accent: '#e8590c', font: 'noto-sans', logoSha256: null };

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Makes the text a clickable link. */
  href?: string;
  /** Hex colour; defaults to the body colour (links: the brand colour). */
  color?: string;
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'right';
}

/** One line of bars or points in a chart: one value per category. */
export interface ChartSeries {
  name: string;
  /** null is "no figure" (no bar, a gap in the line), never drawn as 0. */
  values: Array<number | null>;
  /** Hex colour; defaults to the brand's colours. */
  color?: string;
}

/** How a chart's axis and value labels read: 12.4K, 3.4%, $1.2K. Percent values are fractions (0.034). */
export type ChartValueFormat = { kind: 'number' } | { kind: 'percent' } | { kind: 'money'; currency: string };

/**
 * A bar or line chart drawn as vectors (text stays selectable and crisp at any zoom),
 * kept whole on one page: title, legend, axes with labels, optional reference line.
 */
export interface ChartBlock {
  type: 'chart';
  kind: 'bar' | 'line';
  title: string;
  subtitle?: string;
  /** The x axis, in order: weeks, platforms, tiers. */
  categories: string[];
  series: ChartSeries[];
  xLabel?: string;
  yLabel?: string;
  format?: ChartValueFormat;
  /** A horizontal line across the plot, such as a budget or a target, named in the legend. */
  reference?: { value: number; label: string };
  /** Plot height in points (default 150). */
  height?: number;
  /** Writes each bar's value above it when every label fits. */
  valueLabels?: boolean;
  /** Counts of things (posts, creators): the axis never shows 0.5. */
  wholeNumbers?: boolean;
}

/** A headline figure: a label, a big value and small lines under it (a change, a target, why it is missing). */
export interface StatTile {
  label: string;
  value: string;
  lines?: Inline[][];
  /** Greys the value out: a figure that is missing. */
  muted?: boolean;
}

/** A picture in a grid with a few small lines under it; without a picture, its placeholder text in a tinted frame. */
export interface GalleryItem {
  sha256: string | null;
  placeholder: string;
  lines?: Inline[][];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; runs: Inline[] }
  | { type: 'paragraph'; runs: Inline[]; size?: number; muted?: boolean }
  | { type: 'list'; ordered: boolean; start?: number; items: Block[][] }
  | { type: 'table'; columns: TableColumn[]; rows: Inline[][][] }
  | { type: 'image'; sha256: string; caption?: string; maxHeight?: number }
  | { type: 'callout'; title?: string; runs: Inline[] }
  | { type: 'facts'; items: Array<{ label: string; value: string }> }
  | { type: 'rule' }
  | { type: 'page-break' }
  | { type: 'signatures'; parties: Array<{ role: string; name: string; field: string }> }
  | { type: 'text-field'; field: string; label: string; value?: string; lines?: number; hint?: string }
  | { type: 'field-row'; fields: Array<{ field: string; label: string; value?: string }> }
  | { type: 'checkbox'; field: string; label: string; checked?: boolean }
  | ChartBlock
  | { type: 'stats'; items: StatTile[]; columns?: 2 | 3 | 4 }
  | { type: 'gallery'; items: GalleryItem[]; columns?: 3 | 4 | 5 };

export interface DocumentSpec {
  /** PDF metadata title and the running header. */
  title: string;
  /** Small capitals above the title on the cover band: "CREATOR AGREEMENT". */
  eyebrow: string;
  subtitle?: string;
  /** Key facts under the cover band: campaign, dates, creator. */
  facts?: Array<{ label: string; value: string }>;
  brand: BrandKit;
  /** Left of the footer on every page; the right side says "Page n of N". */
  footer?: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  blocks: Block[];
}

/** Every image a spec needs, so the host can fetch them before layout. */
export function imagesIn(spec: DocumentSpec): string[] {
  const found = new Set<string>();
  if (spec.brand.logoSha256) found.add(spec.brand.logoSha256);
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === 'image') found.add(b.sha256);
      if (b.type === 'gallery') for (const item of b.items) if (item.sha256) found.add(item.sha256);
      if (b.type === 'list') b.items.forEach(walk);
    }
  };
  walk(spec.blocks);
  return [...found];
}

/** Shorthand for a plain run of text. */
export const t = (text: string, style: Omit<Inline, 'text'> = {}): Inline => ({ text, ...style });
