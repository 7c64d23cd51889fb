// Team sync server benchmarks (figures in driver.mjs). The work runs in a child
// process with a 10 GB heap: the bench itself holds two complete 50k-creator
// clients at once (a Y.Doc of that workspace is over 1 GB of heap), which does not
// fit Node's default ~4 GB. The sync servers run with Node's defaults.
import { fork } from 'node:child_process';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname);
const child = fork(join(here, 'driver.mjs'), [], { execArgv: ['--max-old-space-size=10240'], stdio: 'inherit' });
const results = await new Promise((res, rej) => {
  let got = null;
  child.on('message', (m) => { if (m?.results) got = m.results; });
  child.on('exit', (code, signal) => (code === 0 && got ? res(got) : rej(new Error(`the sync benchmark ended with ${signal ?? `exit code ${code}`} before reporting its results`))));
});

export default results;
