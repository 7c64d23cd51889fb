// Server backup while a team edits (figures in driver.mjs). The driver runs in a
// child process with a larger heap: generating the 50k-creator workspace through
// the app's own commands builds a Y.Doc of over a GB.
import { fork } from 'node:child_process';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname);
const child = fork(join(here, 'driver.mjs'), [], { execArgv: ['--max-old-space-size=6144'], stdio: 'inherit' });
const results = await new Promise((res, rej) => {
  let got = null;
  child.on('message', (m) => { if (m?.results) got = m.results; });
  child.on('exit', (code, signal) => (code === 0 && got ? res(got) : rej(new Error(`the server-backup benchmark ended with ${signal ?? `exit code ${code}`} before reporting its results`))));
});

export default results;
