import { PassThrough } from 'node:stream';
import type { ReportWorkbookInput } from '../../../shared/reports/workbook-input';
import { writeReportWorkbook, type WriteOptions } from './report-workbook';
import { stripAccents } from '../../../shared/domain/fold-text';

export interface ExportedFile {
  fileName: string;
  /** The file's bytes, base64: every transport carries JSON. */
  base64: string;
  sizeBytes: number;
}

/** Writes the report's workbook in memory and hands it back for the renderer to save. */
export async function exportReportWorkbook(input: ReportWorkbookInput, options: WriteOptions = {}): Promise<ExportedFile> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeReportWorkbook(input, out, { releaseRows: true, ...options });
  await ended;
  const bytes = Buffer.concat(chunks);
  // Let the pieces go before the base64 copy is made: at 100,000 posts that is the peak.
  chunks.length = 0;
  const safe = stripAccents(input.fileName).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'report';
  return { fileName: `${safe}.xlsx`, base64: bytes.toString('base64'), sizeBytes: bytes.length };
}
