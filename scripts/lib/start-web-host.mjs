import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { projectRoot } from './build-if-needed.mjs';

/**
 * Starts the built web host (out/main/web-host.js) on a free port with its
 * data in `dataDir`, as people run the app in a browser; resolves with the
 * child process, the address it prints and the link that opens a session
 * (the host serves its screens only to a browser that opened that link).
 */
export async function startWebHost(dataDir, { rendererDir } = {}) {
  const args = [join(projectRoot, 'out', 'main', 'web-host.js'), '--port', '0', ...(rendererDir ? ['--renderer-dir', rendererDir] : [])];
  const host = spawn(process.execPath, args, {
    cwd: projectRoot, env: { ...process.env, FANFARE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { url, openUrl } = await new Promise((resolveUrl, reject) => {
    let out = '';
    host.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/(http:\/\/[^\s/]+\/)\?key=[0-9a-f]+/);
      if (match) resolveUrl({ url: match[1], openUrl: match[0] });
    });
    host.on('exit', (code) => reject(new Error(`The web host stopped (${code}) before it started: ${out}`)));
  });
  return { host, url, openUrl };
}

/** Opens the host's link in a browser context, as a person does, so its pages get the session cookie. */
export async function openSession(context, openUrl) {
  const res = await context.request.get(openUrl, { maxRedirects: 0 });
  if (res.status() !== 303) throw new Error(`The web host did not open a session (status ${res.status()}).`);
}

const SEED_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * Serves a bench's own seeding page (built into `seedDir`) under `<url>__bench/`,
 * on the app's own origin, where its IndexedDB and localStorage live.
 */
export async function serveSeedPages(context, url, seedDir) {
  await context.route(`${url}__bench/**`, (route) => {
    const path = join(seedDir, new URL(route.request().url()).pathname.replace(/^\/__bench\//, ''));
    try {
      route.fulfill({ body: readFileSync(path), contentType: SEED_TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      route.fulfill({ status: 404 });
    }
  });
}
