#!/usr/bin/env node
// `npm test`: typecheck, lint (with the layering rule), unit and integration
// tests, a fresh build, then end-to-end tests in Chromium against the web
// host (and the Electron smoke test where Electron is installed). Every step
// runs, so one failure does not hide another; the summary says what passed.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './lib/binaries.mjs';
import { describeMissing, missingTools } from './lib/system-tools.mjs';

// Before anything runs: a missing program is named here, with the command that installs it.
const missing = missingTools();
if (missing.length) {
  console.error(describeMissing(missing));
  process.exit(1);
}
if (process.argv.includes('--check-tools')) {
  console.log('Every program npm test needs is installed.');
  process.exit(0);
}

const steps = [
  { name: 'Typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'Typecheck (renderer)', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'Lint and layering', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'Unit and integration tests (vitest)', cmd: 'npx', args: ['vitest', 'run'] },
  { name: 'Build (electron-vite)', cmd: 'npx', args: ['electron-vite', 'build'] },
  { name: 'End-to-end tests (Playwright, Chromium)', cmd: 'npx', args: ['playwright', 'test'], needs: 'Build (electron-vite)' },
];

const results = [];
for (const step of steps) {
  if (step.needs && results.find((r) => r.name === step.needs)?.ok === false) {
    results.push({ name: step.name, ok: false, seconds: 0, note: `skipped because "${step.needs}" failed` });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
  results.push({ name: step.name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

const failed = results.filter((r) => !r.ok);
console.log('\n━━ Summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(42)} ${r.note ?? `${r.seconds.toFixed(1)} s`}`);
if (!electronBinary()) console.log('SKIP  Electron smoke test: the Electron binary is not installed here (`npm start` fetches it where GitHub can be reached).');
console.log(failed.length ? `\n${failed.length} of ${results.length} steps failed.` : `\nAll ${results.length} steps passed.`);
process.exit(failed.length ? 1 : 0);
