import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';

/**
 * The sync server's CLI as a real child process, so tests can SIGTERM and
 * `kill -9` it. It is bundled once with Vite into node_modules/.cache (inside
 * the project, so its imports of yjs, ws and level resolve as in out/main).
 */
const root = resolve(import.meta.dirname, '../..');

export async function buildCli(): Promise<{ cli: string; remove: () => void }> {
  const outDir = join(root, 'node_modules', '.cache', `sync-server-test-${randomUUID()}`);
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      ssr: resolve(root, 'sync-server/cli.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { entryFileNames: 'sync-server.js', format: 'es' } },
    },
  });
  return { cli: join(outDir, 'sync-server.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * Runs one CLI command to completion. A run that did not end on its own (killed,
 * timed out, never started) or that succeeded without printing anything throws
 * with everything known about it, instead of leaving a bare JSON.parse error.
 */
export function runCli(cli: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Generous: on a loaded machine (the bench, parallel test files) starting Node and LevelDB can take seconds.
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  const stdout = run.stdout ?? '';
  const stderr = run.stderr ?? '';
  if (run.error || run.status === null || (run.status === 0 && stdout.trim() === '')) {
    const how = run.error ? `failed (${run.error.message})` : run.status === null ? `was killed by ${run.signal}` : 'exited with 0 but printed nothing';
    throw new Error(`sync-server ${args.join(' ')} ${how}; status ${run.status}, signal ${run.signal}, stderr: ${stderr.trim() || '(empty)'}`);
  }
  return { status: run.status, stdout, stderr };
}

export interface ServerProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `serve` and resolves once it logs that it is listening. */
export function serveCli(cli: string, args: string[]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolveStart, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes('"event":"listening"')) resolveStart({ child, lines, exited });
    });
    void exited.then(({ code }) => reject(new Error(`The server exited (${code}) before listening: ${stderr}`)));
  });
}
