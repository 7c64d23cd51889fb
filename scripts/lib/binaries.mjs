// Electron's and ffmpeg-static's binaries come from GitHub. Their packages'
// own install scripts would fetch them during `npm install` and, where GitHub
// cannot be reached, stop the whole install (.npmrc turns dependency install
// scripts off for that reason). Fanfare fetches them itself, when it can, and
// goes on without them when it cannot: the browser app and the system's ffmpeg
// do the same work.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/** The Electron binary's path, or null where it was never downloaded. */
export function electronBinary() {
  try {
    // The electron package exports its binary's path, and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Runs a package's own download script; returns null when it worked, else one line saying why not. */
function runDownload(name, timeoutMs) {
  const dir = packageDir(name);
  if (!dir || !existsSync(join(dir, 'install.js'))) return `${name} is not installed`;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const run = spawnSync(process.execPath, ['install.js'], { cwd: dir, env, encoding: 'utf8', timeout: timeoutMs });
  if (run.error?.code === 'ETIMEDOUT') return `the download took longer than ${Math.round(timeoutMs / 1000)} s`;
  if (run.status === 0) return null;
  const text = `${run.stderr ?? ''}\n${run.stdout ?? ''}`;
  const reason = text.match(/(getaddrinfo \w+ [\w.-]+|ECONNREFUSED[^\n]*|ETIMEDOUT[^\n]*|HTTPError[^\n]*|\b\d{3} [A-Z][\w ]+)/)?.[1];
  return reason ? `no access to the download (${reason.trim()})` : 'the download failed';
}

/** Tries to fetch Electron's binary; null when it is there now, else why not. */
export function fetchElectron(timeoutMs = 120_000) {
  if (electronBinary()) return null;
  const problem = runDownload('electron', timeoutMs);
  return problem ?? (electronBinary() ? null : 'the download did not leave a binary');
}

/** Tries to fetch ffmpeg-static's binary (an optional package); null when it is there now, else why not. */
export function fetchFfmpegStatic(timeoutMs = 120_000) {
  let path;
  try {
    path = require('ffmpeg-static');
  } catch {
    return 'ffmpeg-static is not installed';
  }
  if (typeof path === 'string' && existsSync(path)) return null;
  return runDownload('ffmpeg-static', timeoutMs);
}
