// Leadership PDF benchmark: a campaign report over 50,000 posts (weekly trend over a
// year, breakdowns, top content, 10,000 creators of whom 400 are listed) laid out and
// rendered to PDF through the document engine, as the host's `documents-render` does it.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { syntheticData } from '../reports/data.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const outDir = resolve(root, 'out/bench-report-pdf');
const posts = Number(process.env.BENCH_REPORT_POSTS ?? 50_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);

await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { input: { lib: join(here, 'lib.ts') }, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
const lib = await import(pathToFileURL(join(outDir, 'lib.mjs')).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = await fn();
  const cpu = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000, out };
};

const data = syntheticData(posts);
const options = { timeZone: 'Europe/Warsaw', today: '2026-11-01', currency: 'USD' };
const view = { ...lib.defaultReportView, campaignIds: ['c1'], periodMode: 'custom', customPeriod: { start: '2025-11-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week', topBy: 'engagements' };
const filters = { ...lib.defaultFilters, campaignIds: ['c1'], period: view.customPeriod, comparison: 'previous', granularity: 'week', topBy: 'engagements' };
const report = lib.buildReport(data, filters, options);
const brand = { ...lib.defaultBrandKit, name: 'Lumen Skin' };
const request = () => lib.leadershipRequestFrom(report, view, { title: 'Always-on ambassadors', brand, preparedOn: '1 November 2026' });

// The renderer's part (report → request) and the host's (check → layout → PDF → base64).
const requestRuns = [];
for (let i = 0; i < runs; i++) requestRuns.push((await time(() => request())).ms);
const input = request();
const requestBytes = JSON.stringify(input).length;
const cold = await time(() => lib.renderDocument(lib.documentRequest.parse(input)));
const renderRuns = [];
const renderCpu = [];
let file = cold.out;
for (let i = 0; i < runs; i++) {
  const r = await time(() => lib.renderDocument(lib.documentRequest.parse(request())));
  renderRuns.push(r.ms);
  renderCpu.push(r.cpuMs);
  file = r.out;
}
const charts = lib.specFor(lib.documentRequest.parse(input)).blocks.filter((b) => b.type === 'chart').length;
console.log(`Leadership PDF for a campaign report over ${posts.toLocaleString('en-US')} posts (${report.posts.length.toLocaleString('en-US')} in the year, ${report.trend.length} weekly points, ${report.creators.length.toLocaleString('en-US')} creators of whom 400 listed, ${charts} charts):`);
console.log(`  report → request (renderer): median ${median(requestRuns).toFixed(1)} ms; request ${(requestBytes / 1024).toFixed(0)} KB of JSON`);
console.log(`  request → PDF (host: check, layout, fonts subset, save, base64): median ${median(renderRuns).toFixed(0)} ms wall, ${median(renderCpu).toFixed(0)} ms CPU, of ${runs} runs; first in this process ${cold.ms.toFixed(0)} ms (fonts parsed once)`);
console.log(`  the PDF: ${file.pageCount} pages, ${(file.sizeBytes / 1024).toFixed(0)} KB`);
console.log('  (a shared 2-core machine with other agents running builds and tests: figures are noisy and pessimistic)');

export default {
  posts, postsInReport: report.posts.length, trendPoints: report.trend.length, charts,
  requestMs: +median(requestRuns).toFixed(2), requestBytes,
  renderMs: Math.round(median(renderRuns)), renderCpuMs: Math.round(median(renderCpu)), renderRunsMs: renderRuns.map(Math.round), firstRenderMs: Math.round(cold.ms),
  pages: file.pageCount, bytes: file.sizeBytes,
};
