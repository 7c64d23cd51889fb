import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { projectRoot } from './build-if-needed.mjs';

/**
 * Starts the built web host (out/main/web-host.js) on a free port with its
 * data in `dataDir`, as people run the app in a browser; resolves with the
 * child process and the address it prints.
 */
export async function startWebHost(dataDir) {
  const host = spawn(process.execPath, [join(projectRoot, 'out', 'main', 'web-host.js'), '--port', '0'], {
    env: { ...process.env, FANFARE_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolveUrl, reject) => {
    let out = '';
    host.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/running at (http:\/\/[^\s]+\/)/);
      if (match) resolveUrl(match[1]);
    });
    host.on('exit', (code) => reject(new Error(`The web host stopped (${code}) before it started: ${out}`)));
  });
  return { host, url };
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
