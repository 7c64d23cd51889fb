#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/*/run.mjs, prints its
// figures and writes them as JSON to bench/results/<name>.json.
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';

const root = resolve(import.meta.dirname, '..');
const only = process.argv[2];
const names = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'results' && existsSync(join(root, 'bench', d.name, 'run.mjs')))
  .map((d) => d.name)
  .filter((n) => !only || n === only);

mkdirSync(join(root, 'bench/results'), { recursive: true });
for (const name of names) {
  console.log(`\n━━ bench: ${name} ━━`);
  const started = Date.now();
  const { default: results } = await import(pathToFileURL(join(root, 'bench', name, 'run.mjs')).href);
  const file = join(root, 'bench/results', `${name}.json`);
  writeFileSync(file, JSON.stringify({
    name, at: new Date().toISOString(), seconds: (Date.now() - started) / 1000,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    results,
  }, null, 2));
  console.log(`→ ${file}`);
}
