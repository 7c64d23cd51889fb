import { host } from '../../host';
import type { FontFamily, FontVariant } from '../../../../shared/documents/model';
import { base64ToBytes } from '../../host/base64';

const loaded = new Map<FontFamily, Promise<void>>();

export const previewFontName = (family: FontFamily, variant: FontVariant | 'cjk') =>
  variant === 'cjk' ? 'sans-serif' : `"FanfareDoc-${family}-${variant}", ${family === 'noto-serif' ? 'serif' : 'sans-serif'}`;

/** Loads the brand font into the page once, so the preview shows the same letters as the PDF. */
export function loadPreviewFonts(family: FontFamily): Promise<void> {
  let done = loaded.get(family);
  if (!done) {
    done = host['documents-preview-fonts']({ family }).then(async (fonts) => {
      const variants: FontVariant[] = ['regular', 'bold', 'italic', 'boldItalic'];
      await Promise.all(variants.map(async (variant) => {
        const face = new FontFace(`FanfareDoc-${family}-${variant}`, base64ToBytes(fonts[variant]));
        await face.load();
        document.fonts.add(face);
      }));
    });
    // A failure is not remembered: the next preview tries again (the preview falls back to system fonts meanwhile).
    done.catch(() => loaded.delete(family));
    loaded.set(family, done);
  }
  return done;
}
