import { platforms, type Platform } from '../data/schemas/creators';
import { looksLikeUrl } from './accounts';
import { parseCsv } from './csv';
import { CELL_LINK, CELL_TEXT, type FieldKey } from './fields';
import { detectRateScale } from './numbers';
import { autoMapping, detectPreset, genericPreset } from './presets';
import { binaryKind } from './sniff';
import { isBlank } from './table';
import type { Cell, FileFormat, RateScale, Table } from './types';
import { readXlsx } from './xlsx';

/** Reads a CSV, TSV or XLSX file, told apart by its first bytes rather than its name. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Table> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || /\.xls$/i.test(fileName)) {
    throw new Error('This is an older Excel file (.xls), which Fanfare cannot read. Open it in Excel or Google Sheets and save it as .xlsx or CSV.');
  }
  if (zip) return readXlsx(bytes);
  if (/\.(numbers|ods|pdf|docx?)$/i.test(fileName)) {
    throw new Error('Fanfare imports CSV and Excel (.xlsx) files. Export or save this file as one of those first.');
  }
  const binary = binaryKind(bytes);
  if (binary) {
    throw new Error(`${fileName} is not a spreadsheet: its contents are ${binary}, whatever its name says. Fanfare imports CSV and Excel (.xlsx) files; export your creator list as one of those and choose that file.`);
  }
  return parseCsv(bytes);
}

/** What the column step shows: the file as read, the tool it came from, and a first mapping. */
export interface ImportPreview {
  fileName: string;
  format: FileFormat;
  headers: string[];
  /** The first rows, as text, for sample values under each column. */
  samples: string[][];
  rowCount: number;
  emptyRows: number;
  brokenRows: number;
  notices: string[];
  preset: { id: string; label: string };
  mapping: FieldKey[];
  rateScale: RateScale;
  /** Whether the engagement column has numbers without a % sign, so the scale matters. */
  rateScaleMatters: boolean;
  /** A platform for handles that come without one, when the file's name says it ("modash-tiktok.csv"). */
  defaultPlatform: Platform | null;
  /**
   * Every row's cells in brief, per column: 0 empty, 1 text, 2 a web link. Enough for the column step
   * to tell, for any mapping the person picks, which rows have a handle but nothing that says its platform.
   */
  cellKinds: Uint8Array[];
  /** Where each data row sits in the file (header = 1), for naming rows in the column step. */
  rowNumbers: number[];
}

const SAMPLE_ROWS = 5;

export function previewOf(table: Table, fileName: string): ImportPreview {
  const preset = detectPreset(table.headers);
  const mapping = autoMapping(table.headers, preset);
  const rate = rateScaleFor(table, mapping);
  return {
    fileName,
    format: table.format,
    headers: table.headers,
    samples: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.map(display)),
    rowCount: table.rows.length + table.broken.length,
    emptyRows: table.emptyRows,
    brokenRows: table.broken.length,
    notices: table.notices,
    preset: preset ? { id: preset.id, label: preset.label } : genericPreset,
    mapping,
    rateScale: rate.scale,
    rateScaleMatters: rate.bareNumbers,
    defaultPlatform: platformInName(fileName),
    cellKinds: cellKinds(table),
    rowNumbers: table.rowNumbers,
  };
}

function cellKinds(table: Table): Uint8Array[] {
  const kinds = table.headers.map(() => new Uint8Array(table.rows.length));
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    for (let c = 0; c < kinds.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number') {
        kinds[c][r] = CELL_TEXT;
        continue;
      }
      // A 50,000-row file has half a million cells: the cheap tests first. Every link has a "/" or starts with "www.".
      if (!cell || (cell.charCodeAt(0) <= 32 && !cell.trim())) continue;
      const first = cell.charCodeAt(0) | 32;
      const link = (cell.includes('/') || ((first === 119 || first === 32) && /^\s*www\./i.test(cell))) && looksLikeUrl(cell.trim());
      kinds[c][r] = link ? CELL_LINK : CELL_TEXT;
    }
  }
  return kinds;
}

/** The engagement scale of the first engagement column, judged on every row. */
export function rateScaleFor(table: Table, mapping: FieldKey[]): { scale: RateScale; bareNumbers: boolean } {
  const index = mapping.findIndex((k) => k.endsWith('.engagementRate'));
  if (index < 0) return { scale: 'fraction', bareNumbers: false };
  return detectRateScale(table.rows.map((r) => r[index]), table.headers[index]);
}


function platformInName(fileName: string): Platform | null {
  const words = fileName.toLowerCase().split(/[^a-z]+/);
  if (words.includes('ig')) return 'instagram';
  if (words.includes('twitter')) return 'x';
  return platforms.find((p) => p !== 'other' && p !== 'x' && words.includes(p)) ?? null;
}

function display(cell: Cell): string {
  return isBlank(cell) ? '' : String(cell).trim();
}
