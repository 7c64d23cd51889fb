import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HostError } from '../../../shared/api/errors';
import type { FontFamily } from '../../../shared/documents/model';
import type { FallbackFont, FontSetBytes } from '../../../shared/documents/render-pdf';
import { findPackageRoot } from '../package-root';

const files: Record<FontFamily, { dir: string; prefix: string }> = {
  'noto-sans': { dir: 'noto-sans', prefix: 'NotoSans' },
  'noto-serif': { dir: 'noto-serif', prefix: 'NotoSerif' },
};

/** Where the bundled fonts are: `resources/fonts` next to package.json (also inside app.asar). */
export function fontsDir(root: string | null = findPackageRoot()): string {
  const dir = root ? join(root, 'resources', 'fonts') : null;
  if (!dir || !existsSync(dir)) throw new HostError('not-available', 'Fanfare’s fonts are missing from this installation, so it cannot make PDFs. Reinstalling Fanfare puts them back.');
  return dir;
}

// Read once per process: the same byte arrays let the engine reuse its parsed fonts.
const cache = new Map<string, Uint8Array>();

function read(path: string): Uint8Array {
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(path));
    cache.set(path, bytes);
  }
  return bytes;
}

export function loadFontSet(family: FontFamily, dir = fontsDir()): FontSetBytes {
  const { dir: sub, prefix } = files[family];
  const at = (style: string) => read(join(dir, sub, `${prefix}-${style}.ttf`));
  return { regular: at('Regular'), bold: at('Bold'), italic: at('Italic'), boldItalic: at('BoldItalic') };
}

/** Noto Sans SC (Chinese, Japanese kana); loaded only for text that needs it. */
export function loadCjkFont(dir = fontsDir()): Uint8Array | null {
  const path = join(dir, 'noto-sans-sc', 'NotoSansSC-Regular.ttf');
  return existsSync(path) ? read(path) : null;
}

/**
 * The script fonts behind the brand font, in the order they are tried. Each
 * is read from disk only when a document has a character the fonts before it
 * lack. Where no bold file is bundled (Chinese, Japanese, Korean), bold text
 * is drawn with the regular weight.
 */
const fallbackFiles: Array<{ key: string; dir: string; regular: string; bold?: string }> = [
  { key: 'arabic', dir: 'noto-sans-arabic', regular: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' },
  { key: 'hebrew', dir: 'noto-sans-hebrew', regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' },
  { key: 'devanagari', dir: 'noto-sans-devanagari', regular: 'NotoSansDevanagari-Regular.ttf', bold: 'NotoSansDevanagari-Bold.ttf' },
  { key: 'thai', dir: 'noto-sans-thai', regular: 'NotoSansThai-Regular.ttf', bold: 'NotoSansThai-Bold.ttf' },
  { key: 'cjk', dir: 'noto-sans-sc', regular: 'NotoSansSC-Regular.ttf' },
  { key: 'korean', dir: 'noto-sans-kr', regular: 'NotoSansKR-Hangul-Regular.ttf' },
];

export function loadFallbackFonts(dir = fontsDir()): FallbackFont[] {
  const lazy = (sub: string, file: string) => () => {
    const path = join(dir, sub, file);
    return existsSync(path) ? read(path) : null;
  };
  return fallbackFiles.map((f) => ({ key: f.key, regular: lazy(f.dir, f.regular), bold: f.bold ? lazy(f.dir, f.bold) : undefined }));
}
