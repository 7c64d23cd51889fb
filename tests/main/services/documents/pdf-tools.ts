import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Independent readers of the PDFs we write: qpdf and poppler. */
export function writeTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-doc-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Renders pages to PNG (for looking at them); returns the file prefix. */
export function renderPng(path: string, prefix: string, resolution = 60): void {
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), path, prefix]);
}
