import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm test` checks the system's programs before any step: run that check with them hidden.
const nodeOnly = mkdtempSync(join(tmpdir(), 'fanfare-node-only-'));
symlinkSync(process.execPath, join(nodeOnly, 'node'));
afterAll(() => rmSync(nodeOnly, { recursive: true, force: true }));

function checkTools(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, ['scripts/test.mjs', '--check-tools'], { encoding: 'utf8', env });
  return { status: run.status, text: `${run.stdout}${run.stderr}` };
}

describe('npm test’s check of the system’s programs', () => {
  it('passes where everything is installed (as CI installs it)', () => {
    const { status, text } = checkTools(process.env);
    expect(text).toContain('Every program npm test needs is installed.');
    expect(status).toBe(0);
  });

  it('names each missing program, why it is needed, its package and the command that installs them', () => {
    const { status, text } = checkTools({ PATH: nodeOnly, HOME: process.env.HOME, PLAYWRIGHT_CHROMIUM_PATH: '/nowhere/chromium' });
    expect(status).toBe(1);
    for (const name of ['Chromium', 'ffmpeg', 'ffprobe', 'pdftotext', 'qpdf', 'pdftk', 'LibreOffice Calc']) expect(text).toContain(name);
    expect(text).toContain('npm run setup');
    expect(text).toContain('sudo apt-get install chromium ffmpeg poppler-utils qpdf pdftk-java libreoffice-calc');
    expect(text).toContain('PLAYWRIGHT_CHROMIUM_PATH');
    expect(text).not.toMatch(/\n\s+at /);
  });
});
