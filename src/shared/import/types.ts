import type { Platform } from '../data/schemas/creators';
import type { FieldKey } from './fields';

/** A cell as read from the file: text from a CSV, text or an exact number from a spreadsheet. */
export type Cell = string | number;

/** A spreadsheet's first sheet, or a CSV, as rows of cells under one header row. */
export interface Table {
  headers: string[];
  /** Data rows in file order; `rowNumbers[i]` is where row i sits in the file as a spreadsheet app shows it (header = 1). */
  rows: Cell[][];
  rowNumbers: number[];
  /** Rows with no value at all: not creators, and not worth a line in the report. */
  emptyRows: number;
  /** How the file was read, said plainly for the preview: "UTF-8", "Windows-1252", "semicolons". */
  format: FileFormat;
  /** Whole-file issues (an unclosed quote, a second sheet that was not read). */
  notices: string[];
  /** Rows the reader itself could not split into cells; they become problems of their own. */
  broken: { row: number; reason: string }[];
  /** Rows read with a doubt the person must check (too few values), in file order; they are still imported. */
  warnings: { row: number; reason: string }[];
}

export interface FileFormat {
  kind: 'csv' | 'xlsx';
  /** For CSV: how the bytes were decoded. */
  encoding?: Encoding;
  delimiter?: string;
  /** For XLSX: the sheet that was read. */
  sheet?: string;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What to do when a row is someone already in the workspace (or earlier in the file). */
export type ConflictPolicy = 'skip' | 'fill' | 'overwrite';

/** Engagement-rate numbers without a % sign: 3.4 meaning 3.4%, or 0.034 meaning 3.4%. */
export type RateScale = 'percent' | 'fraction';

export interface ImportSettings {
  /** One field per column, in column order. */
  mapping: FieldKey[];
  /** The platform of handles whose platform neither a column nor a profile link tells. */
  defaultPlatform: Platform | null;
  rateScale: RateScale;
  onHandleMatch: ConflictPolicy;
  onEmailMatch: ConflictPolicy;
}

/** One reason a row cannot be imported as it is: which column, what it held, why. */
export interface RowProblem {
  column: string;
  value: string;
  reason: string;
}

export type RowOutcomeKind = 'create' | 'update' | 'skip' | 'problem';

/** What happens (dry run) or happened (report) to one row of the file. */
export interface RowOutcome {
  row: number;
  kind: RowOutcomeKind;
  /** The creator's name as it will read in the list. */
  creator: string;
  /** One sentence: "Same Instagram handle as Maya Johnson: phone and city filled". */
  reason: string;
  problems?: RowProblem[];
  /** Things read with a caveat, kept for the report ("No name in the file: named after @zoe.runs"). */
  notes?: string[];
  /** Things the person should check, among the notes: a value kept as written, a row with too few values. */
  warnings?: string[];
  /** The record created or updated. */
  creatorId?: string;
  /** For a row folded into a creator that an earlier row of this file creates: that row. */
  intoRow?: number;
}

/**
 * Rows by what happens to them (created + updated + skipped + problems =
 * rows), and the creators that makes: a creator named on two rows is one
 * creator, so the buttons count `newCreators` and `updatedCreators`.
 */
export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  problems: number;
  emptyRows: number;
  /** Creators the import adds (one per created row). */
  newCreators: number;
  /** Creators already in the workspace that the import changes. */
  updatedCreators: number;
  /** Rows that are imported with something to check (a value kept as written, too few values). */
  rowsWithWarnings: number;
}
