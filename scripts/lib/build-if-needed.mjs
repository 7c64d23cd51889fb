// Builds Fanfare with electron-vite when out/ is missing or older than the
// sources. A plain mtime comparison: cheap, and a needless rebuild costs
// seconds while running stale code costs an afternoon.
// Also runnable on its own: `node scripts/lib/build-if-needed.mjs [--force]`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const OUTPUTS = ['out/main/index.js', 'out/main/web-host.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(root = projectRoot) {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestInput = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return newestInput > oldestOutput;
}

/** Returns true when it built; throws an Error with a one-sentence message when the build fails. */
export function buildIfNeeded({ root = projectRoot, force = false } = {}) {
  if (!force && !buildIsStale(root)) return false;
  console.log('Building Fanfare (first run, or the source code changed)…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = existsSync(cli)
    ? spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) {
    throw new Error(
      existsSync(cli)
        ? 'Fanfare could not be built; the messages above say why.'
        : 'Fanfare could not be built because its build tools are not installed; run "npm install" first.',
    );
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    buildIfNeeded({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
