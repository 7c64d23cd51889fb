// Creator-list benchmarks through the real built app (web host + Chromium),
// on a 50,000-creator workspace: keystroke → rows painted for search, filter
// change → rows painted, and long tasks / dropped frames while scrolling.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { buildIfNeeded } from '../../scripts/lib/build-if-needed.mjs';
import { openSession, serveSeedPages, startWebHost } from '../../scripts/lib/start-web-host.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const seedDir = resolve(root, 'out/bench-creator-table');
const CREATORS = Number(process.env.BENCH_CREATORS ?? 50_000);
const SCROLL_MS = 5_000;

buildIfNeeded();
await build({ root: here, base: '/__bench/', logLevel: 'warn', build: { outDir: seedDir, emptyOutDir: true, rollupOptions: { input: join(here, 'index.html') } } });

// The app, as people run it in a browser: the web host serving the built renderer.
const { host, url, openUrl } = await startWebHost(mkdtempSync(join(tmpdir(), 'fanfare-bench-table-')));

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
await openSession(context, openUrl);
await serveSeedPages(context, url, seedDir);

const page = await context.newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(`${url}__bench/index.html`);
await page.waitForFunction(() => document.title === 'ready');
const seed = await page.evaluate((n) => window.fanfareBench.seed(n), CREATORS);
// BENCH_TERMS=text: type only the search terms containing it (a closer look at a few slow ones).
if (process.env.BENCH_TERMS) seed.terms = seed.terms.filter((t) => t.includes(process.env.BENCH_TERMS));
console.log(`seeded ${CREATORS.toLocaleString('en-US')} creators in ${(seed.seedMs / 1000).toFixed(1)} s`);

const openStarted = Date.now();
await page.goto(`${url}#/creators`);
// BENCH_HEAP=1: where the UI thread's memory is, by where it was allocated (sampled while the list opens).
// BENCH_HEAP=garbage: everything allocated while opening, collected since or not; BENCH_HEAP=major: what was
// kept plus what lived long enough for the full collector to clear it (the pause someone typing may meet).
const heapSampling = process.env.BENCH_HEAP ? await context.newCDPSession(page) : null;
const garbage = ['garbage', 'major'].includes(process.env.BENCH_HEAP);
if (heapSampling) {
  await heapSampling.send('HeapProfiler.startSampling', {
    samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: garbage, includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP === 'garbage',
  });
}
await page.getByTestId('creator-row').first().waitFor({ timeout: 120_000 });
const openMs = Date.now() - openStarted;
await page.getByTestId('catch-up-indicator').waitFor({ state: 'detached', timeout: 180_000 });
const caughtUpMs = Date.now() - openStarted;
console.log(`list open: first rows after ${(openMs / 1000).toFixed(1)} s, workspace caught up after ${(caughtUpMs / 1000).toFixed(1)} s`);

// Instruments the page: when the list's content changes (its data-view attribute, set in the same
// commit as the rows), the time after the next paint, against the first input since the last change.
await page.evaluate(() => {
  const b = (window.__bench = { pending: null, paints: [], longTasks: [], frames: [] });
  // Where a change starts: a key press, or the release of a click (when options, pills and buttons act).
  for (const type of ['keydown', 'pointerup', 'beforeinput']) {
    addEventListener(type, (e) => { if (!b.pending) b.pending = { t: e.timeStamp, type }; }, true);
  }
  const scroller = document.querySelector('[data-view]');
  new MutationObserver(() => {
    const view = scroller.getAttribute('data-view');
    const trigger = b.pending;
    b.pending = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const paint = { view, trigger, painted: performance.now() };
        b.paints.push(paint);
        b.onPaint?.(paint);
      };
      channel.port2.postMessage(null);
    });
  }).observe(scroller, { attributes: true, attributeFilter: ['data-view'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
});

const longTasksNow = () => page.evaluate(() => window.__bench.longTasks.length);

/**
 * Runs one user action and returns input → rows painted, in ms. The page
 * itself says when the new rows are painted (no polling from here, which
 * would add work to the very thread being measured).
 */
async function measured(action) {
  await page.evaluate(() => {
    const b = window.__bench;
    const view = () => document.querySelector('[data-view]').getAttribute('data-view');
    const before = view();
    Object.assign(b, { pending: null, result: null, resolve: null });
    b.onPaint = (paint) => {
      // The rows of the final state: nothing newer is waiting to render.
      if (paint.view === before || view() !== paint.view) return;
      b.onPaint = null;
      b.result = paint;
      b.resolve?.(paint);
    };
  });
  await action();
  const last = await page.evaluate(() => new Promise((resolve, reject) => {
    const b = window.__bench;
    if (b.result) return resolve(b.result);
    b.resolve = resolve;
    setTimeout(() => reject(new Error('The list did not change within 30 s.')), 30_000);
  }));
  await page.waitForTimeout(30);
  if (!last.trigger) {
    // eslint-disable-next-line no-control-regex -- the page joins cell texts with \u0001 on purpose
    const recent = await page.evaluate(() => window.__bench.paints.slice(-4).map((p) => ({ view: p.view.replace(/\u0001/g, ' | ').slice(0, 120), trigger: p.trigger })));
    throw new Error(`A change on screen without an input: the measurement lost track. Last paints: ${JSON.stringify(recent)}`);
  }
  return last.painted - last.trigger.t;
}

/**
 * Main-thread self time by trace event name, and JS samples by function, split into the
 * keystrokes that typed a term's first or second letter and all the others.
 */
function printTrace(trace, labels, typedAt, inputs = ['keydown']) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => !main || (e.pid === main.pid && e.tid === main.tid);
  // Each keydown starts a segment; labels say what each keydown typed, in order.
  const starts = events.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && inputs.includes(e.args?.data?.type) && onMain(e)).map((e) => e.ts).sort((a, b) => a - b);
  const segmentOf = (ts) => {
    let lo = 0, hi = starts.length - 1, at = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= ts) { at = mid; lo = mid + 1; } else hi = mid - 1; }
    return at;
  };
  const groupOf = (ts) => { const at = segmentOf(ts); return at < 0 ? null : labels[at] ?? null; };
  const segments = starts.map(() => new Map());
  const segmentJs = starts.map(() => new Map());
  const groups = new Map();
  const group = (name) => groups.get(name) ?? groups.set(name, { count: 0, events: new Map(), wall: new Map(), js: new Map() }).get(name);
  for (const label of labels) group(label).count++;
  // Self time: each event's thread time less its children's, so the figures add up.
  const own = events.filter((e) => e.ph === 'X' && e.dur && onMain(e)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const add = (map, key, v) => map.set(key, (map.get(key) ?? 0) + v);
  // Busy time per keystroke: top-level main-thread tasks in the 60 ms after the keydown (its own work,
  // not idle-time work after it). Medians of it move far less between runs than latencies do.
  const busy = starts.map(() => 0);
  for (const e of own) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const at = segmentOf(e.ts);
    if (!stack.length && at >= 0 && e.ts - starts[at] <= 60_000) busy[at] += (e.tdur ?? e.dur) / 1000;
    const label = groupOf(e.ts);
    // Thread time where the trace has it: on a loaded machine, wall time counts other processes' turns.
    const time = (e.tdur ?? e.dur) / 1000;
    if (label && e.name === 'Layout') {
      const g = group(label);
      g.layouts = (g.layouts ?? 0) + 1;
      g.dirty = (g.dirty ?? 0) + (e.args?.beginData?.dirtyObjects ?? 0);
      g.total = (g.total ?? 0) + (e.args?.beginData?.totalObjects ?? 0);
    }
    const segment = segments[segmentOf(e.ts)];
    if (segment) {
      add(segment, e.name, e.dur / 1000);
      if (stack.length) add(segment, stack[stack.length - 1].name, -e.dur / 1000);
    }
    if (label) {
      add(group(label).events, e.name, time);
      add(group(label).wall, e.name, e.dur / 1000);
      if (stack.length) {
        add(group(label).events, stack[stack.length - 1].name, -time);
        add(group(label).wall, stack[stack.length - 1].name, -e.dur / 1000);
      }
    }
    stack.push(e);
  }
  // JS samples (v8.cpu_profiler): ProfileChunk events carry nodes, samples and time deltas.
  const nodes = new Map();
  for (const profile of events.filter((e) => e.name === 'Profile' && onMain(e))) {
    let t = profile.args.data.startTime;
    const id = profile.id;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === id)) {
      const data = chunk.args.data;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(`${id}:${n.id}`, n.callFrame);
      const samples = data.cpuProfile?.samples ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += data.timeDeltas[i];
        const f = nodes.get(`${id}:${samples[i]}`);
        const label = groupOf(t);
        if (!f || !label || f.functionName === '(idle)') continue;
        const js = segmentJs[segmentOf(t)];
        if (js) add(js, `${f.functionName || '(anonymous)'}:${(f.lineNumber ?? -1) + 1}`, 1);
        add(group(label).js, `${f.functionName || '(anonymous)'} ${(f.url ?? "").split("/").pop()}:${(f.lineNumber ?? -1) + 1}`, 1);
      }
    }
  }
  const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length ? v[Math.floor(v.length / 2)] : NaN; };
  for (const label of new Set(labels)) {
    const mine = busy.filter((_, i) => labels[i] === label);
    console.log(`UI thread busy per input, ${label}: median ${median(mine).toFixed(1)} ms, mean ${(mine.reduce((a, b) => a + b, 0) / mine.length).toFixed(1)} ms over ${mine.length}`);
  }
  const busiest = segments.map((m, i) => ({ i, typed: typedAt?.[i], total: [...m.values()].reduce((a, b) => a + b, 0), m })).sort((a, b) => b.total - a.total).slice(0, 6);
  console.log('Busiest keystrokes (main-thread wall time, self, by event):');
  for (const b of busiest) {
    console.log(`  "${b.typed}" ${b.total.toFixed(1)} ms: ${[...b.m].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
    const js = [...segmentJs[b.i]].sort((x, y) => y[1] - x[1]).slice(0, 8);
    if (js.length) console.log(`    JS samples: ${js.map(([n, c]) => `${n} ${c}`).join(', ')}`);
  }
  for (const [label, g] of groups) {
    console.log(`UI thread, ${label} (${g.count} inputs): trace events by self thread time per input (and wall time)`);
    for (const [name, ms] of [...g.events].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${(ms / g.count).toFixed(2).padStart(7)} ms (${((g.wall.get(name) ?? 0) / g.count).toFixed(2)})  ${name}`);
    if (g.layouts) console.log(`  layouts: ${(g.layouts / g.count).toFixed(1)} per input, ${Math.round(g.dirty / g.layouts)} dirty of ${Math.round(g.total / g.layouts)} objects each`);
    const jsTotal = [...g.js.values()].reduce((a, b) => a + b, 0);
    if (jsTotal) {
      console.log(`  JS samples (${jsTotal}), top functions by self samples:`);
      for (const [name, n] of [...g.js].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${((100 * n) / jsTotal).toFixed(1).padStart(5)}%  ${name}`);
    }
  }
}

/** Stops the CPU profile and prints where the UI thread's time went while doing `what`. */
async function printProfile(what) {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const total = profile.samples.length;
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${(f.url ?? "").split("/").pop()}:${(f.lineNumber ?? -1) + 1}`;
    self.set(name, (self.get(name) ?? 0) + (counts.get(node.id) ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`UI thread while ${what}, share of samples by function (self time):`);
  for (const [name, n] of top) console.log(`  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`);
  // Inclusive time: a sample counts once for every distinct function on its stack (recursion aside).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, n] of counts) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      const name = `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? -1) + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + n);
    }
  }
  console.log('… and by function with everything it called (inclusive time):');
  for (const [name, n] of [...inclusive].filter(([name]) => !name.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
  // Components (capitalised names), as a share of React's own work: which parts of the screen a keystroke re-renders.
  const react = Math.max(1, ...[...inclusive].filter(([name]) => name.startsWith('performWorkOnRoot ')).map(([, n]) => n));
  console.log('… components, as a share of React\'s work (performWorkOnRoot):');
  for (const [name, n] of [...inclusive].filter(([name]) => /^_?[A-Z]/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${((100 * n) / react).toFixed(1).padStart(5)}%  ${name}`);
  }
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { runs: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1] ?? NaN, mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const line = (label, s) => console.log(`${label}: p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, max ${fmt(s.max)} over ${s.runs}`);

// The search index is built in the background after opening: wait until it answers. Then a few
// idle seconds, as after any open: loading leaves ~170 MB of garbage that V8 collects meanwhile,
// and its collection would otherwise land in the first measurements.
const search = page.getByRole('textbox', { name: 'Search creators' });
await search.fill(seed.terms[0]);
await page.getByText('Getting search ready…').waitFor({ state: 'detached', timeout: 120_000 });
await search.fill('');
await page.waitForTimeout(10_000);
const cdp = await context.newCDPSession(page);
const heap = async () => Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
// BENCH_GC_FIRST=1: collect the garbage opening left before measuring (what the measurements would be without it).
if (process.env.BENCH_GC_FIRST) await cdp.send('HeapProfiler.collectGarbage');
const heapAtStartMB = await heap();
console.log(`UI-thread heap when measuring starts: ${heapAtStartMB} MB`);
/** A sampled heap profile, by allocating function: on its own (self) and with everything it called. */
function printHeapProfile(profile, title) {
  // BENCH_HEAP_FILE=path keeps the sampled profile (.heapprofile: DevTools' Memory panel opens it).
  if (process.env.BENCH_HEAP_FILE) writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify(profile));
  const self = new Map();
  const inclusive = new Map();
  const walk = (node, stack) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber + 1}`;
    const size = node.selfSize;
    self.set(name, (self.get(name) ?? 0) + size);
    const here = stack.includes(name) ? stack : [...stack, name];
    for (const s of here) inclusive.set(s, (inclusive.get(s) ?? 0) + size);
    for (const c of node.children) walk(c, here);
  };
  walk(profile.head, []);
  const mb = (b) => `${(b / 2 ** 20).toFixed(1).padStart(6)} MB`;
  console.log(`${title}, by allocating function (self):`);
  for (const [name, b] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${mb(b)}  ${name}`);
  console.log('… and by function with everything it called:');
  for (const [name, b] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`  ${mb(b)}  ${name}`);
}

// BENCH_HEAP=typing: everything allocated while typing the searches, collected since or not (what keeps the collector busy).
const typingHeap = process.env.BENCH_HEAP === 'typing';
if (heapSampling && !typingHeap) {
  await heapSampling.send('HeapProfiler.collectGarbage');
  const { profile } = await heapSampling.send('HeapProfiler.getSamplingProfile');
  printHeapProfile(profile, garbage ? 'Memory allocated while opening, kept or not' : 'Live memory still held after opening');
  if (process.env.BENCH_ONLY === 'heap' || garbage) {
    await browser.close();
    host.kill('SIGTERM');
    process.exit(0);
  }
}
if (typingHeap) {
  await heapSampling.send('HeapProfiler.stopSampling');
  await heapSampling.send('HeapProfiler.startSampling', { samplingInterval: 16 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}

// BENCH_PROFILE=1: a CPU profile of the UI thread while typing, summed per function (where the time goes).
const profiling = !!process.env.BENCH_PROFILE;
if (profiling) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

// BENCH_TRACE=1: a Chromium trace while typing, its main-thread events summed by name (style, layout, paint…).
const tracing = !!process.env.BENCH_TRACE;
if (tracing && process.env.BENCH_ONLY !== 'filter') await browser.startTracing(page, { categories: (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler').split(',') });

// Search: each term typed key by key (links pasted, as people do), cleared in between.
const searchSamples = [];
const clearSamples = [];
let searchLongTasks = -(await longTasksNow());
await search.click();
const byLength = new Map();
const slowest = [];
const note = (length, ms) => byLength.set(Math.min(length, 6), [...(byLength.get(Math.min(length, 6)) ?? []), ms]);
// BENCH_ONLY=filter skips the typing, for a quicker look at filters, sorting and scrolling.
for (const term of process.env.BENCH_ONLY === 'filter' ? [] : seed.terms) {
  if (/^https?:/.test(term)) searchSamples.push(await measured(() => page.keyboard.insertText(term)));
  else {
    for (let i = 0; i < term.length; i++) {
      const ms = await measured(() => page.keyboard.type(term[i]));
      searchSamples.push(ms);
      note(i + 1, ms);
      slowest.push({ typed: term.slice(0, i + 1), ms: Math.round(ms * 10) / 10 });
    }
  }
  await page.waitForTimeout(60);
  clearSamples.push(await measured(() => search.press('Escape')));
}
searchLongTasks += await longTasksNow();
// With BENCH_ONLY=filter, the profile runs on through the filter changes instead.
if (profiling && process.env.BENCH_ONLY !== 'filter') await printProfile('typing');
if (typingHeap) printHeapProfile((await heapSampling.send('HeapProfiler.stopSampling')).profile, `Memory allocated while typing (${searchSamples.length + clearSamples.length} inputs), kept or not`);
if (tracing && process.env.BENCH_ONLY !== 'filter') {
  // What each keydown typed, in the order the loop above typed them (pasted links send no keydown).
  const labels = seed.terms.flatMap((term) => [...(/^https?:/.test(term) ? [] : [...term].map((_, i) => (i < 2 ? 'first or second letter' : 'third letter on'))), 'Esc']);
  const typedAt = seed.terms.flatMap((term) => [...(/^https?:/.test(term) ? [] : [...term].map((_, i) => term.slice(0, i + 1))), 'Esc']);
  const trace = (await browser.stopTracing()).toString('utf8');
  // BENCH_TRACE_FILE=path keeps the trace, for chrome://tracing or a closer look at one keystroke.
  if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, trace);
  printTrace(JSON.parse(trace), labels, typedAt);
}
const searchStats = stats(searchSamples);
line(`search, keystroke → rows painted at ${CREATORS.toLocaleString('en-US')}`, searchStats);
line('clearing the search (Esc) → full list painted', stats(clearSamples));
const searchByLength = Object.fromEntries([...byLength].sort((a, b) => a[0] - b[0]).map(([length, samples]) => [length === 6 ? '6+' : String(length), stats(samples)]));
console.log(`  by characters typed: ${Object.entries(searchByLength).map(([n, s]) => `${n}: p50 ${fmt(s.p50)} p95 ${fmt(s.p95)}`).join('; ')}`);
// BENCH_KEYS_FILE=path: every key press and its time, to compare two builds key by key.
if (process.env.BENCH_KEYS_FILE) writeFileSync(process.env.BENCH_KEYS_FILE, slowest.map((s) => `${s.ms}\t${s.typed}`).join('\n'));
slowest.sort((a, b) => b.ms - a.ms).splice(10);
console.log(`  slowest: ${slowest.map((s) => `"${s.typed}" ${fmt(s.ms)}`).join(', ')}`);

if (process.env.BENCH_ONLY === 'search') {
  await browser.close();
  host.kill('SIGTERM');
  process.exit(0);
}

// Filters: through the panel, as a person would use it.
const filterSamples = [];
let filterLongTasks = -(await longTasksNow());
// With BENCH_ONLY=filter, BENCH_TRACE traces the filter changes instead of the typing.
const tracingFilters = tracing && process.env.BENCH_ONLY === 'filter';
if (tracingFilters) await browser.startTracing(page, { categories: (process.env.BENCH_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler').split(',') });
await page.getByRole('button', { name: 'Filters', exact: true }).click();
const panel = page.getByRole('region', { name: 'Filters' });
async function pick(combobox, options) {
  await panel.getByRole('combobox', { name: combobox }).click();
  for (const option of options) filterSamples.push(await measured(() => page.getByRole('option', { name: option }).first().click()));
  await page.keyboard.press('Escape');
}
async function typeInto(textbox, text) {
  await panel.getByRole('textbox', { name: textbox }).click();
  for (const char of text) filterSamples.push(await measured(() => page.keyboard.type(char)));
}
async function removePills() {
  for (;;) {
    const remove = page.getByRole('button', { name: /^Remove filter/ });
    if (!(await remove.count())) break;
    filterSamples.push(await measured(() => remove.first().click()));
  }
}
for (let round = 0; round < 2; round++) {
  await pick('Platform', [/^Instagram/, /^TikTok/]);
  await typeInto('Followers from', '10k');
  await typeInto('Followers up to', '500k');
  await pick('Tier', [/^Micro/, /^Mid-tier/]);
  await pick('Country', round ? [/^Poland/, /^Germany/] : [/^United States/, /^Spain/]);
  filterSamples.push(await measured(() => panel.getByText('Has email', { exact: true }).click()));
  await typeInto('Engagement rate from', '2');
  await pick('Language', [/^English/]);
  await pick('Niche', round ? [/^fitness/] : [/^skincare/, /^makeup/]);
  await pick('Tags', [/^vip/]);
  await removePills();
  await pick('Campaign', [/^In any campaign/]);
  await pick('Last contacted', [/^Not in the last 30 days/]);
  await removePills();
}
filterLongTasks += await longTasksNow();
if (profiling && process.env.BENCH_ONLY === 'filter') await printProfile('changing filters');
if (tracingFilters) {
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  printTrace(trace, filterSamples.map(() => 'filter change'), filterSamples.map((_, i) => `change ${i + 1}`), ['keydown', 'pointerup']);
}
const filterStats = stats(filterSamples);
line(`filter change → rows painted at ${CREATORS.toLocaleString('en-US')}`, filterStats);

// Sorting by a column: the first sort of a column computes its order once; later ones reuse it.
const sortSamples = [];
for (const column of ['Followers', 'Eng. rate', 'Location', 'Followers', 'Creator', 'Location', 'Owner', 'Creator']) {
  sortSamples.push(await measured(() => page.getByRole('columnheader', { name: column }).getByRole('button').click()));
}
const sortStats = stats(sortSamples);
line('sort by a column → rows painted (first sort of a column included)', sortStats);
await page.getByRole('button', { name: 'Filters', exact: true }).click();

/** Scrolls the list for SCROLL_MS, one step per frame, and reports long tasks and slow frames. */
async function scroll(mode) {
  return page.evaluate(async ([mode, duration]) => {
    const b = window.__bench;
    const el = document.querySelector('[data-view]');
    el.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 300));
    const tasksFrom = b.longTasks.length;
    const frames = [];
    const started = performance.now();
    let last = started;
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    await new Promise((done) => {
      const step = (now) => {
        frames.push(now - last);
        last = now;
        // Steady: a fast wheel/trackpad scroll (~3,000 px/s). Jumps: dragging the scrollbar anywhere.
        if (mode === 'steady') el.scrollTop += 50;
        else if (frames.length % 6 === 0) el.scrollTop = random() * (el.scrollHeight - el.clientHeight);
        if (now - started < duration) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    const tasks = b.longTasks.slice(tasksFrom);
    const intervals = frames.slice(1).sort((x, y) => x - y);
    return {
      mode, seconds: (performance.now() - started) / 1000, frames: frames.length, rowsPassed: Math.round(el.scrollTop / 44),
      longTasks: tasks.length, longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      slowFrames: intervals.filter((d) => d > 1000 / 30).length, frameP50Ms: intervals[Math.floor(intervals.length / 2)],
      frameP95Ms: intervals[Math.floor(intervals.length * 0.95)], longestFrameMs: intervals[intervals.length - 1],
    };
  }, [mode, SCROLL_MS]);
}
const scrolls = [await scroll('steady'), await scroll('jumps')];
for (const s of scrolls) {
  console.log(`scroll (${s.mode}) for ${s.seconds.toFixed(1)} s: ${s.longTasks} tasks over 50 ms (longest ${fmt(s.longestTaskMs)}), ${s.slowFrames} of ${s.frames} frames slower than 33 ms; frame p50 ${fmt(s.frameP50Ms)}, p95 ${fmt(s.frameP95Ms)}, longest ${fmt(s.longestFrameMs)}`);
}
console.log(`long tasks while typing searches: ${searchLongTasks}; while changing filters: ${filterLongTasks}`);

await browser.close();
host.kill('SIGTERM');

export default {
  creators: CREATORS,
  seedMs: seed.seedMs,
  open: { firstRowsMs: openMs, caughtUpMs, heapAtStartMB },
  search: { ...searchStats, target: { p95Ms: 30 }, terms: seed.terms.length, byCharactersTyped: searchByLength, slowest, clear: stats(clearSamples), longTasks: searchLongTasks },
  filter: { ...filterStats, target: { p95Ms: 50 }, longTasks: filterLongTasks },
  sort: sortStats,
  scroll: { target: 'no task over 50 ms', runs: scrolls },
};
