import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Papa from 'papaparse';

/** LibreOffice Calc (Debian libreoffice-calc, installed by .ci/run), or null where it is missing. */
export const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0) ?? null;

/** LibreOffice's raw CSV still writes percentages with their sign. */
export const numberOf = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

/** A fresh LibreOffice profile set to "always recalculate on load", in a new temporary folder. */
function recalculatingProfile(): { dir: string; profile: string } {
  if (!soffice) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>');
  return { dir, profile };
}

/**
 * Files as a person gets them in LibreOffice Calc, each saved back as .xlsx
 * for readXlsx: a CSV opened as Calc opens one (UTF-8, comma, double quotes;
 * a field that reads as a formula becomes one), a workbook recalculated on
 * load. A cell that came out a formula has its <f> in the result. One Calc
 * start for all the CSVs and one for the rest: each start takes seconds.
 */
export function openedByLibreOffice(paths: readonly string[]): Buffer[] {
  const { dir, profile } = recalculatingProfile();
  const stem = (path: string) => basename(path).replace(/\.[^.]+$/, '');
  if (new Set(paths.map(stem)).size !== paths.length) throw new Error('Give each file its own name: LibreOffice writes them into one folder');
  for (const csv of [true, false]) {
    const batch = paths.filter((p) => p.endsWith('.csv') === csv);
    if (!batch.length) continue;
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', ...(csv ? ['--infilter=CSV:44,34,76,1'] : []), '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), ...batch],
      { timeout: 180_000, stdio: 'pipe' });
  }
  return paths.map((path) => readFileSync(join(dir, 'out', `${stem(path)}.xlsx`)));
}

/**
 * Opens the workbook in LibreOffice with "always recalculate on load" (so
 * every number is LibreOffice's own, not a cached result) and returns each
 * sheet's values as text: raw numbers, or as a person sees them (formats applied).
 */
export function recalculated(path: string, options: { asShown?: boolean } = {}): (sheet: string) => string[][] {
  const { dir, profile } = recalculatingProfile();
  // Filter options: comma, double quote, UTF-8, from line 1, …, raw values or as shown (formats applied), every sheet (-1) to its own file.
  execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,${options.asShown ? 'true' : 'false'},false,false,-1`, '--outdir', dir, path], { timeout: 120_000, stdio: 'pipe' });
  const stem = basename(path).replace(/\.xlsx$/, '');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  return (sheet) => {
    const file = files.find((f) => f === `${stem}-${sheet}.csv`);
    if (!file) throw new Error(`LibreOffice wrote no ${sheet} sheet (it wrote ${files.join(', ')})`);
    return Papa.parse<string[]>(readFileSync(join(dir, file), 'utf8'), { skipEmptyLines: false }).data;
  };
}
