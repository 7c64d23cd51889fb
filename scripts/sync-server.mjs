#!/usr/bin/env node
// `npm run sync-server -- [serve|create-workspace|invite|revoke] [options]`:
// the team sync server (sync-server/cli.ts, built to out/main/sync-server.js).
// Builds first when needed, then runs it and passes Ctrl+C / SIGTERM on, so
// the server can save everything before it exits.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfNeeded, projectRoot } from './lib/build-if-needed.mjs';
import { forwardSignalsAndExit } from './lib/run-web-host.mjs';

const entry = join(projectRoot, 'out', 'main', 'sync-server.js');

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

// build-if-needed watches src/; the server's own sources live in sync-server/.
const stale = !existsSync(entry) || newestMtime(join(projectRoot, 'sync-server')) > statSync(entry).mtimeMs;

try {
  buildIfNeeded({ force: stale });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
forwardSignalsAndExit(child);
