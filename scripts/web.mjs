#!/usr/bin/env node
// `npm run web [-- --port P] [-- --host H]`: Fanfare in a browser, served by
// the local web host (127.0.0.1 only, opened from a per-run link printed in the terminal).
import { buildIfNeeded } from './lib/build-if-needed.mjs';
import { runWebHost } from './lib/run-web-host.mjs';

try {
  buildIfNeeded();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
runWebHost(process.argv.slice(2));
