#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed (it is
// fetched here the first time, when GitHub can be reached); otherwise the
// same app in the browser through the web host. Never a stack trace.
import { spawn } from 'node:child_process';
import { buildIfNeeded, projectRoot } from './lib/build-if-needed.mjs';
import { electronBinary, fetchElectron } from './lib/binaries.mjs';
import { forwardSignalsAndExit, runWebHost } from './lib/run-web-host.mjs';

let electron = electronBinary();
if (!electron && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Fetching the Electron desktop app (once)…');
  const problem = fetchElectron();
  electron = electronBinary();
  if (problem) console.log(`The desktop app could not be fetched (${problem}), so Fanfare is starting in your browser instead.`);
} else if (!electron) {
  console.log('The Electron desktop binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD), so Fanfare is starting in your browser instead.');
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
