import type { z } from 'zod';
import type { RenderedDocumentFile } from '../../../shared/api/contract';
import { imagesIn } from '../../../shared/documents/model';
import { renderPdf } from '../../../shared/documents/render-pdf';
import { fileNameFor, specFor, type documentRequest } from '../../../shared/documents/requests';
import type { MediaStore } from '../media-store/media-store';
import { loadFallbackFonts, loadFontSet } from './fonts';
import { loadImages } from './images';

/** Makes one PDF: builds the layout for the request, fetches fonts and pictures, renders. */
export async function renderDocument(request: z.output<typeof documentRequest>, options: { mediaStore?: MediaStore; preview?: boolean } = {}): Promise<RenderedDocumentFile & { bytes: Uint8Array }> {
  const spec = specFor(request);
  const images = await loadImages(options.mediaStore, imagesIn(spec));
  const out = await renderPdf(spec, { fonts: loadFontSet(spec.brand.font), fallbacks: loadFallbackFonts(), images });
  return {
    bytes: out.bytes,
    fileName: fileNameFor(spec),
    pdfBase64: Buffer.from(out.bytes).toString('base64'),
    sizeBytes: out.bytes.length,
    pageCount: out.pageCount,
    fields: out.fields,
    missingImages: out.missingImages,
    uncovered: out.uncovered,
    preview: options.preview
      ? {
        pageWidth: out.pageWidth,
        pageHeight: out.pageHeight,
        pages: out.pages,
        fonts: out.previewFonts(),
        images: Object.fromEntries([...images].map(([sha, img]) => [sha, `data:image/${img.format === 'png' ? 'png' : 'jpeg'};base64,${Buffer.from(img.bytes).toString('base64')}`])),
      }
      : null,
  };
}
