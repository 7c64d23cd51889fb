// Reports benchmarks: a campaign report over 50,000 posts, and the Excel export of
// 100,000 posts (each in a fresh child process, for its own time and peak RSS) against
// raw exceljs writing the same rows.
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { syntheticData } from './data.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const outDir = resolve(root, 'out/bench-reports');
const reportPosts = Number(process.env.BENCH_REPORT_POSTS ?? 50_000);
const exportPosts = Number(process.env.BENCH_EXPORT_POSTS ?? 100_000);
const repeats = Number(process.env.BENCH_RUNS ?? 3);

await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { input: { lib: join(here, 'lib.ts') }, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
const bundle = join(outDir, 'lib.mjs');
const lib = await import(pathToFileURL(bundle).href);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

// ── Campaign report over 50k posts: preparing rows from records, then the report itself.
const data = syntheticData(reportPosts);
const options = { timeZone: 'Europe/Warsaw', today: '2026-11-01', currency: 'USD' };
const filters = { ...lib.defaultFilters, campaignIds: ['c1'], period: { start: '2026-05-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week' };
const cpuMs = (f) => {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
};
// The screen prepares rows once per change of the data, then builds a report per change of the filters.
const runs = [];
let report;
for (let i = 0; i < 5; i++) {
  const prepared = cpuMs(() => lib.prepareReport(data, options));
  const built = cpuMs(() => lib.buildReport(data, filters, options, prepared.value));
  const allTime = cpuMs(() => lib.buildReport(data, { ...lib.defaultFilters, campaignIds: ['c1'] }, options, prepared.value));
  report = built.value;
  runs.push({ prepareWall: prepared.wall, prepareCpu: prepared.cpu, buildWall: built.wall, buildCpu: built.cpu, allTimeWall: allTime.wall, allTimeCpu: allTime.cpu });
}
const r = (key) => median(runs.map((x) => x[key]));
console.log(`Campaign report over ${reportPosts.toLocaleString('en-US')} posts (${data.creators.length.toLocaleString('en-US')} creators), median of 5 (wall / CPU time):`);
console.log(`  rows from records (once per data change): ${r('prepareWall').toFixed(0)} / ${r('prepareCpu').toFixed(0)} ms`);
console.log(`  report, six months against the previous six: ${r('buildWall').toFixed(0)} / ${r('buildCpu').toFixed(0)} ms   (${report.posts.length.toLocaleString('en-US')} posts in the period)`);
console.log(`  report, all time:                         ${r('allTimeWall').toFixed(0)} / ${r('allTimeCpu').toFixed(0)} ms`);
console.log(`  from records to report, total:            ${(r('prepareWall') + r('buildWall')).toFixed(0)} / ${(r('prepareCpu') + r('buildCpu')).toFixed(0)} ms   (budget 500 ms)`);

// ── Excel export of 100k posts, each run in its own process.
// The request the renderer sends for a report of 100k posts, as JSON text.
const big = lib.buildReport(syntheticData(exportPosts), lib.defaultFilters, { timeZone: 'UTC', today: '2026-11-01', currency: 'USD' });
const benchDir = mkdtempSync(join(tmpdir(), 'bench-reports-'));
const inputPath = join(benchDir, 'input.json');
writeFileSync(inputPath, JSON.stringify(lib.reportWorkbookFrom(big, lib.defaultReportView, { title: 'Benchmark', subtitle: 'All time', fileName: 'bench' })));
// The same report where every creator was sent a parcel and shipping has a cost: one shipping line per
// creator on the Spend sheet, each a SUMIFS formula by creator and campaign id with its cached value.
const shipped = syntheticData(exportPosts);
shipped.shipments = shipped.engagements.map((e, i) => ({ id: `sh${i}`, creatorId: e.creatorId, campaignId: e.campaignId, engagementId: e.id, status: 'delivered', shippedAt: '2026-01-10T10:00:00Z', items: [] }));
const shippedReport = lib.buildReport(shipped, lib.defaultFilters, { timeZone: 'UTC', today: '2026-11-01', currency: 'USD', shippingPerParcelMicros: 8_500_000 });
const shippingPath = join(benchDir, 'input-shipping.json');
writeFileSync(shippingPath, JSON.stringify(lib.reportWorkbookFrom(shippedReport, { ...lib.defaultReportView, shippingPerParcel: 8.5 }, { title: 'Benchmark', subtitle: 'All time', fileName: 'bench' })));

function child(mode, path = inputPath) {
  return new Promise((res, rej) => {
    const c = fork(join(here, 'export-child.mjs'), [bundle, mode, path], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got = null;
    c.on('message', (m) => { got = m; });
    c.on('exit', (code) => (code === 0 && got ? res(got) : rej(new Error(`the ${mode} export ended with exit code ${code}`))));
  });
}
const ours = [];
const raw = [];
const withShipping = [];
for (let i = 0; i < repeats; i++) {
  ours.push(await child('fanfare'));
  raw.push(await child('raw'));
  withShipping.push(await child('fanfare', shippingPath));
}
const m = (list, key) => median(list.map((r) => r[key]));
console.log(`Excel export of ${exportPosts.toLocaleString('en-US')} posts × ${ours[0].columns} columns (plus creators, spend, summary of formulas, 2 charts), median of ${repeats} fresh processes:`);
console.log(`  Fanfare, every formula with its cached value, full recalculation on open, print setup (handler path: JSON in, checked, written in memory, base64 out): ${(m(ours, 'ms') / 1000).toFixed(2)} s wall, ${(m(ours, 'cpuMs') / 1000).toFixed(2)} s CPU, peak RSS ${m(ours, 'maxRssMB').toFixed(0)} MB, ${(m(ours, 'bytes') / 2 ** 20).toFixed(1)} MB file   (budget 10 s, 300 MB)`);
console.log(`  the same with a parcel per creator (${withShipping[0].shippingLines.toLocaleString('en-US')} shipping lines as SUMIFS by creator id, cached): ${(m(withShipping, 'ms') / 1000).toFixed(2)} s wall, peak RSS ${m(withShipping, 'maxRssMB').toFixed(0)} MB, ${(m(withShipping, 'bytes') / 2 ** 20).toFixed(1)} MB file   (budget 10 s, 300 MB)`);
console.log(`  raw exceljs streaming writer, same rows to a file: ${(m(raw, 'ms') / 1000).toFixed(2)} s wall, ${(m(raw, 'cpuMs') / 1000).toFixed(2)} s CPU, peak RSS ${m(raw, 'maxRssMB').toFixed(0)} MB`);
console.log(`  ratio Fanfare / raw exceljs: ${(m(ours, 'ms') / m(raw, 'ms')).toFixed(2)}× wall time, ${(m(ours, 'cpuMs') / m(raw, 'cpuMs')).toFixed(2)}× CPU time`);
console.log('  (a shared 2-core machine with other agents running: figures are noisy and pessimistic)');

export default {
  campaignReport: { posts: reportPosts, prepareMs: r('prepareWall'), prepareCpuMs: r('prepareCpu'), buildMs: r('buildWall'), buildCpuMs: r('buildCpu'), allTimeMs: r('allTimeWall'), budgetMs: 500 },
  export: { posts: exportPosts, columns: ours[0].columns, ms: m(ours, 'ms'), cpuMs: m(ours, 'cpuMs'), peakRssMB: m(ours, 'maxRssMB'), bytes: m(ours, 'bytes'), rawMs: m(raw, 'ms'), rawCpuMs: m(raw, 'cpuMs'), rawPeakRssMB: m(raw, 'maxRssMB'), ratio: m(ours, 'ms') / m(raw, 'ms'),
    withShipping: { shippingLines: withShipping[0].shippingLines, ms: m(withShipping, 'ms'), peakRssMB: m(withShipping, 'maxRssMB'), bytes: m(withShipping, 'bytes') } },
};
