import { downloadBlob } from '../../components/download-file';

/** Saves text as a file, e.g. the import report. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
