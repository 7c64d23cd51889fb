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
  | { type: 'checkbox'; field: string; label: string; checked?: boolean };

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
      if (b.type === 'list') b.items.forEach(walk);
    }
  };
  walk(spec.blocks);
  return [...found];
}

/** Shorthand for a plain run of text. */
export const t = (text: string, style: Omit<Inline, 'text'> = {}): Inline => ({ text, ...style });
