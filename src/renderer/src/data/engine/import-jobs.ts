import * as Y from 'yjs';
import { CommandError } from '../../../../shared/data/command-error';
import type { WorkspaceStore } from '../../../../shared/data/store';
import { commitImport } from '../../../../shared/import/commit';
import { existingFromDoc } from '../../../../shared/import/existing';
import { idFactory } from '../../../../shared/import/ids';
import { planImport, type ImportPlan } from '../../../../shared/import/plan';
import { previewOf, readSpreadsheet, type ImportPreview } from '../../../../shared/import/read';
import { reportCsv } from '../../../../shared/import/report';
import type { ImportSettings, ImportSummary, RowOutcome, Table } from '../../../../shared/import/types';
import type { EngineEvent, ImportPhase } from './protocol';

/** The dry run or the report, as the wizard shows it: created rows are counted, every other row is listed. */
export interface ImportResult {
  summary: ImportSummary;
  outcomes: RowOutcome[];
  /** A re-check found the workspace had changed since the summary (a teammate's edit, say) and the plan was redone. */
  replanned?: boolean;
}

interface Job {
  fileName: string;
  table: Table | null;
  settings: ImportSettings | null;
  plan: ImportPlan | null;
  /** The Y.Doc's state when the plan was made; a different one at commit means the plan may be stale. */
  planBasis: Uint8Array | null;
  cancelled: boolean;
  committed: boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled. Nothing was changed.');
    this.name = 'ImportCancelled';
  }
}

/**
 * Imports in the data engine: the file is read, checked and planned here,
 * off the UI thread, with progress and a way to stop; then written in one
 * transaction. Each import is a job kept until the wizard lets it go, so
 * the 50,000 rows cross to the worker once and never come back.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly emit: (event: EngineEvent) => void) {}

  async read(importId: string, source: Blob | ArrayBuffer | Uint8Array, fileName: string): Promise<ImportPreview> {
    const job: Job = { fileName, table: null, settings: null, plan: null, planBasis: null, cancelled: false, committed: false };
    this.jobs.set(importId, job);
    this.progress(importId, 'reading', 0, 1);
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source instanceof Blob ? await source.arrayBuffer() : source);
    this.stopIfCancelled(job);
    const table = await readSpreadsheet(bytes, fileName);
    this.stopIfCancelled(job);
    if (table.headers.length === 0) throw new CommandError('invalid', 'This file is empty: there is no header row and no creators in it.');
    if (table.rows.length + table.broken.length === 0) throw new CommandError('invalid', 'This file has a header row but no creators under it.');
    job.table = table;
    this.progress(importId, 'reading', 1, 1);
    return previewOf(table, fileName);
  }

  /** The dry run: nothing is written. */
  async plan(importId: string, settings: ImportSettings, doc: Y.Doc): Promise<ImportResult> {
    const job = this.require(importId);
    job.cancelled = false;
    job.settings = settings;
    job.plan = null;
    job.plan = await this.makePlan(importId, job, doc);
    job.planBasis = Y.encodeStateVector(doc);
    return resultOf(job.plan);
  }

  /**
   * Writes the planned import. If the workspace changed since the dry run,
   * the plan is made again first, so what is written matches what is there
   * now; either way the whole import is one transaction.
   */
  async commit(importId: string, store: WorkspaceStore, doc: Y.Doc): Promise<ImportResult> {
    const job = this.require(importId);
    if (job.committed) throw new CommandError('invalid', 'This import has already been saved.');
    if (!job.plan || !job.settings) throw new CommandError('invalid', 'Check the file before importing it.');
    job.cancelled = false;
    let replanned = false;
    if (!sameBytes(job.planBasis, Y.encodeStateVector(doc))) {
      job.plan = await this.makePlan(importId, job, doc);
      job.planBasis = Y.encodeStateVector(doc);
      replanned = true;
    }
    this.stopIfCancelled(job);
    const plan = job.plan;
    this.progress(importId, 'saving', 0, 1);
    commitImport(store, plan);
    job.committed = true;
    // Only the report is needed from here on; the rows and the planned records are in the Y.Doc now.
    job.table = null;
    job.plan = { ...plan, creates: [], updates: [] };
    this.progress(importId, 'saving', 1, 1);
    return { ...resultOf(plan), replanned };
  }

  /** Stops a read or a check at its next pause; a save that has begun runs to its end (it is one transaction). */
  cancel(importId: string): void {
    const job = this.jobs.get(importId);
    if (job) job.cancelled = true;
  }

  discard(importId: string): void {
    this.jobs.delete(importId);
  }

  reportCsv(importId: string): string {
    const plan = this.require(importId).plan;
    if (!plan) throw new CommandError('invalid', 'There is no report yet: check the file first.');
    return reportCsv(plan.outcomes);
  }

  clear(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
    this.jobs.clear();
  }

  private async makePlan(importId: string, job: Job, doc: Y.Doc): Promise<ImportPlan> {
    const table = job.table!;
    this.progress(importId, 'checking', 0, table.rows.length);
    const existing = existingFromDoc(doc);
    return planImport(table, job.settings!, existing, {
      newId: idFactory(),
      progress: (done, total) => this.progress(importId, 'checking', done, total),
      // A macrotask, not a microtask: the worker must get to the Cancel message waiting behind this work.
      checkpoint: async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        this.stopIfCancelled(job);
      },
    });
  }

  private stopIfCancelled(job: Job): void {
    if (job.cancelled) throw new ImportCancelled();
  }

  private require(importId: string): Job {
    const job = this.jobs.get(importId);
    if (!job) throw new CommandError('not-found', 'This import is no longer open. Choose the file again.');
    return job;
  }

  private progress(importId: string, phase: ImportPhase, done: number, total: number): void {
    this.emit({ event: 'import-progress', importId, phase, done, total });
  }
}

/** New creators are counted, not listed, unless there is something to check about them (a warning). */
function resultOf(plan: ImportPlan): ImportResult {
  return { summary: plan.summary, outcomes: plan.outcomes.filter((o) => o.kind !== 'create' || o.warnings?.length) };
}

function sameBytes(a: Uint8Array | null, b: Uint8Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
