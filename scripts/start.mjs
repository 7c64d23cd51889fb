#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed; on
// machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD (no binary), the
// same app in the browser through the web host. Never a stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfNeeded, projectRoot } from './lib/build-if-needed.mjs';
import { forwardSignalsAndExit, runWebHost } from './lib/run-web-host.mjs';

function electronBinary() {
  try {
    // The electron package exports its binary's path, and throws when the binary was never downloaded.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.log('The Electron desktop binary is not installed on this machine, so Fanfare is starting in your browser instead.');
}
try {
  buildIfNeeded();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (electron) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and open no window.
  delete env.ELECTRON_RUN_AS_NODE;
  forwardSignalsAndExit(spawn(electron, [projectRoot, ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', env }));
} else {
  runWebHost(process.argv.slice(2));
}
