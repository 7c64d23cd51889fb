// Runs the built web host (out/main/web-host.js) in a child process and
// mirrors its exit; Ctrl+C and SIGTERM are passed on so it can close cleanly.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './build-if-needed.mjs';

export function runWebHost(args) {
  const child = spawn(process.execPath, [join(projectRoot, 'out', 'main', 'web-host.js'), ...args], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  return forwardSignalsAndExit(child);
}

export function forwardSignalsAndExit(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // The terminal already sends Ctrl+C to the whole group; forwarding covers `kill <pid>` of this script.
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Fanfare could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
