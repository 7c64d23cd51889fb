// The programs `npm test` needs from the operating system, what each is for,
// and the Debian/Ubuntu package that brings it. Node built-ins only: this runs
// before `npm install` has finished (from `npm run setup`) and before any step
// of `npm test`, so a missing tool is named at once instead of failing deep
// inside a test.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const systemTools = [
  { name: 'Chromium', commands: ['chromium'], pkg: 'chromium', why: 'the end-to-end tests run the app in it' },
  { name: 'ffmpeg', commands: ['ffmpeg'], pkg: 'ffmpeg', why: 'cuts and checks videos in the media tests' },
  { name: 'ffprobe', commands: ['ffprobe'], pkg: 'ffmpeg', why: 'reads every cut back against its platform’s spec' },
  { name: 'pdftotext, pdffonts and pdftoppm', commands: ['pdftotext', 'pdffonts', 'pdftoppm'], pkg: 'poppler-utils', why: 'read the PDFs back' },
  { name: 'qpdf', commands: ['qpdf'], pkg: 'qpdf', why: 'checks the PDFs’ structure' },
  { name: 'pdftk', commands: ['pdftk'], pkg: 'pdftk-java', why: 'fills the opt-in forms as a creator’s PDF reader would' },
  { name: 'LibreOffice Calc', commands: ['soffice'], pkg: 'libreoffice-calc', why: 'opens and recalculates the Excel exports' },
  // The mailbox tests start their own copies on 127.0.0.1 (tests/support/mail-server.ts),
  // and stop any system copy the package installation started on every interface.
  { name: 'Postfix', files: ['/usr/lib/postfix/sbin/master'], pkg: 'postfix', why: 'the mailbox tests send through a real SMTP server' },
  { name: 'Dovecot IMAP', files: ['/usr/sbin/dovecot', '/usr/lib/dovecot/imap'], pkg: 'dovecot-imapd', why: 'the mailbox tests read the mail back over IMAP' },
  { name: 'Dovecot LMTP', files: ['/usr/lib/dovecot/lmtp'], pkg: 'dovecot-lmtpd', why: 'delivers the test mail into the test mailboxes' },
  { name: 'DejaVu fonts', files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], pkg: 'fonts-dejavu-core', why: 'a known font for the PDF tests' },
];

/** The Debian/Ubuntu packages for all of them, in one line for apt-get. */
export const debianPackages = [...new Set(systemTools.map((t) => t.pkg)), 'ca-certificates'];

function runnable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command, env = process.env) {
  return (env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => runnable(join(dir, command)));
}

/** Where the end-to-end tests look for Chromium (playwright.config.ts says the same). */
export function chromiumPath(env = process.env) {
  return env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The tools that are missing, each with the commands not found. */
export function missingTools(env = process.env) {
  return systemTools.flatMap((tool) => {
    if (tool.name === 'Chromium') return runnable(chromiumPath(env)) ? [] : [{ ...tool, missing: [chromiumPath(env)] }];
    if (tool.files) return tool.files.every((f) => existsSync(f)) ? [] : [{ ...tool, missing: tool.files }];
    const missing = tool.commands.filter((c) => !onPath(c, env));
    return missing.length ? [{ ...tool, missing }] : [];
  });
}

/** What to say when some are missing: which, why, and the one command that installs them. */
export function describeMissing(missing) {
  const lines = [`npm test needs ${missing.length === 1 ? 'a program' : `${missing.length} programs`} this computer does not have:`];
  for (const tool of missing) lines.push(`  - ${tool.name} (${tool.missing.join(', ')} not found): ${tool.why}. Package: ${tool.pkg}`);
  const pkgs = [...new Set(missing.map((t) => t.pkg))].join(' ');
  lines.push('', 'On Debian or Ubuntu, install them with', `  npm run setup`, 'or', `  sudo apt-get install ${pkgs}`);
  if (missing.some((t) => t.name === 'Chromium')) lines.push('If Chromium is installed elsewhere, set PLAYWRIGHT_CHROMIUM_PATH to its path.');
  return lines.join('\n');
}
