// One export in a fresh process, so its peak RSS is its own:
// `node export-child.mjs <bundle> <fanfare|raw> <input.json>`. Like the host handler, it
// starts from the request's JSON text (parsed and checked against the contract's schema).
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const [bundle, mode, inputPath] = process.argv.slice(2);
const lib = await import(pathToFileURL(bundle).href);
// The request's text is only held while it is parsed, as the transports do.
const readRequest = () => JSON.parse(readFileSync(inputPath, 'utf8'));
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);

const started = performance.now();
const cpu = process.cpuUsage();
let bytes;
let input;
let shape;
if (mode === 'fanfare') {
  // The handler's own path: parse, check, write the workbook in memory, return it as base64.
  input = lib.reportWorkbookInput.parse(readRequest());
  shape = { rows: input.posts.length, columns: input.posts[0]?.length ?? 0, shippingLines: input.creators.filter((c) => typeof c[8] === 'number' && c[8] > 0).length };
  const file = await lib.exportReportWorkbook(input);
  bytes = file.sizeBytes;
} else {
  // The raw tool: exceljs' streaming writer, the same posts rows, no formats, summary, formulas or charts.
  input = readRequest();
  shape = { rows: input.posts.length, columns: input.posts[0]?.length ?? 0 };
  const path = join(mkdtempSync(join(tmpdir(), 'bench-raw-')), 'raw.xlsx');
  const out = createWriteStream(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('Posts');
  for (const row of input.posts) sheet.addRow(row).commit();
  await sheet.commit();
  await wb.commit();
  await finished(out);
  bytes = statSync(path).size;
}
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
process.send({ ms, cpuMs: (used.user + used.system) / 1000, peakRssMB: peak / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes, ...shape });
