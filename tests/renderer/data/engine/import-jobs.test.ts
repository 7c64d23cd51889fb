import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../../../../src/shared/data/command-error';
import { creatorFields } from '../../../../src/shared/data/schemas/creators';
import type { ImportPlan } from '../../../../src/shared/import/plan';
import type { ImportSettings } from '../../../../src/shared/import/types';
import { DataEngine } from '../../../../src/renderer/src/data/engine/engine';
import type { EngineEvent } from '../../../../src/renderer/src/data/engine/protocol';

// The data engine's import over real IndexedDB semantics (fake-indexeddb) and a real Y.Doc.
async function openEngine(workspace: string) {
  const events: EngineEvent[] = [];
  const engine = new DataEngine((e) => events.push(e));
  await engine.open(workspace, 'me', null, 'Me');
  return { engine, events };
}

/** The engine's whole Y.Doc, to prove that nothing at all was written. */
function docState(engine: DataEngine): Uint8Array {
  return Y.encodeStateAsUpdate((engine as unknown as { doc: Y.Doc }).doc);
}

const fixture = () => new Uint8Array(readFileSync('tests/fixtures/import/messy-creators-windows-1252.csv'));
const settingsFor = (mapping: ImportSettings['mapping']): ImportSettings => ({ mapping, defaultPlatform: null, rateScale: 'fraction', onHandleMatch: 'fill', onEmailMatch: 'fill' });

function bigCsv(rows: number): Uint8Array {
  const lines = ['Name,Instagram,Instagram followers,Email'];
  for (let i = 0; i < rows; i++) lines.push(`Creator ${i},@creator.${i},${1_000 + i},c${i}@example.com`);
  return new TextEncoder().encode(lines.join('\n'));
}

describe('importing creators in the data engine', () => {
  it('reads a file, dry-runs it with progress, then writes it once and reports every row', async () => {
    const { engine, events } = await openEngine('ws-import-a');
    engine.create('creators', { name: 'Maya Johnson', accounts: [{ platform: 'instagram', handle: 'mayamoves', followers: 47_000 }] });
    const preview = await engine.importRead('imp-1', new Blob([fixture()]), 'messy.csv');
    expect(preview).toMatchObject({ format: { encoding: 'windows-1252', delimiter: ';' }, rowCount: 17, emptyRows: 1, preset: { id: 'generic' } });

    const untouched = docState(engine);
    const dry = await engine.importPlan('imp-1', settingsFor(preview.mapping));
    expect(dry.summary).toMatchObject({ created: 5, updated: 3, skipped: 0, problems: 9, newCreators: 5, updatedCreators: 1 });
    expect(dry.outcomes.every((o) => o.kind !== 'create' || o.warnings?.length)).toBe(true);
    expect(events.some((e) => e.event === 'import-progress' && e.phase === 'checking')).toBe(true);
    expect(docState(engine)).toEqual(untouched);

    const changesBefore = events.filter((e) => e.event === 'changes').length;
    const report = await engine.importCommit('imp-1');
    expect(report).toMatchObject({ summary: dry.summary, replanned: false });
    // One transaction: one batch of changes for the projection.
    expect(events.filter((e) => e.event === 'changes').length - changesBefore).toBe(1);
    const names = (await engine.importReportCsv('imp-1')).split('\r\n');
    expect(names[0]).toBe('\ufeffRow,Result,Creator,Details,Notes');
    expect(names).toContain('2,Created,Zoë Müller,New creator.,');
    await expect(engine.importCommit('imp-1')).rejects.toThrow('already been saved');
    await engine.close();
  });

  it('a cancelled check writes nothing, and the import cannot then be saved without checking again', async () => {
    const { engine, events } = await openEngine('ws-import-b');
    engine.create('creators', { name: 'Already here' });
    const before = docState(engine);
    const preview = await engine.importRead('imp-2', bigCsv(12_000), 'big.csv');
    const checking = engine.importPlan('imp-2', settingsFor(preview.mapping));
    // As the UI does: a Cancel arrives while the check runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    engine.importCancel('imp-2');
    await expect(checking).rejects.toMatchObject({ name: 'ImportCancelled', message: 'The import was cancelled. Nothing was changed.' });
    await expect(engine.importCommit('imp-2')).rejects.toThrow('Check the file before importing it.');
    expect(docState(engine)).toEqual(before);
    const progress = events.filter((e) => e.event === 'import-progress' && e.phase === 'checking');
    expect(progress.length).toBeGreaterThan(1);
    await engine.close();
  });

  it('a failing write writes nothing: 5,000 creators and one bad record leave the workspace as it was', async () => {
    const { engine } = await openEngine('ws-import-c');
    engine.create('creators', { name: 'Already here' });
    const before = docState(engine);
    const creates = Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, row: i + 2, fields: creatorFields.parse({ name: `Creator ${i}` }) }));
    creates[4_321].fields = { ...creates[4_321].fields, emails: [{ address: 'not an email', primary: true }] };
    const plan: ImportPlan = { creates, updates: [], outcomes: [], summary: { rows: 5_000, created: 5_000, updated: 0, skipped: 0, problems: 0, emptyRows: 0, newCreators: 5_000, updatedCreators: 0, rowsWithWarnings: 0 } };
    const response = await engine.handle({ callId: 1, method: 'importCreators', args: [plan] });
    expect(response).toMatchObject({ ok: false, error: { name: 'CommandError', message: expect.stringContaining('(row 4323)') } });
    expect(docState(engine)).toEqual(before);
    expect(() => engine.importCreators({ ...plan, creates: plan.creates.slice(0, 10) })).not.toThrow();
    await engine.close();
  });

  it('checks again when the workspace changed since the dry run, so a teammate’s new creator is updated, not doubled', async () => {
    const { engine } = await openEngine('ws-import-d');
    const preview = await engine.importRead('imp-3', new TextEncoder().encode('Name,Instagram,City\nZoë,@zoe.runs,Berlin\n'), 'one.csv');
    const dry = await engine.importPlan('imp-3', settingsFor(preview.mapping));
    expect(dry.summary.created).toBe(1);
    const zoe = engine.create('creators', { name: 'Zoë M.', accounts: [{ platform: 'instagram', handle: 'zoe.runs' }] });
    const report = await engine.importCommit('imp-3');
    expect(report).toMatchObject({ replanned: true, summary: { created: 0, updated: 1 } });
    expect(engine.likelyDuplicates()).toEqual([]);
    expect((engine as unknown as { store: { get(c: string, id: string): { location: { city: string } } } }).store.get('creators', String(zoe.id)).location.city).toBe('Berlin');
    await engine.close();
  });

  it('hands a big import to the UI in pieces of at most 5,000 records, in order, none lost', async () => {
    const { engine, events } = await openEngine('ws-import-f');
    const preview = await engine.importRead('imp-6', bigCsv(23_000), 'big.csv');
    await engine.importPlan('imp-6', settingsFor(preview.mapping));
    const before = events.length;
    await engine.importCommit('imp-6');
    const pieces = events.slice(before).filter((e) => e.event === 'changes').map((e) => (e.event === 'changes' ? e.batches.flatMap((b) => b.upserts) : []));
    expect(pieces.map((p) => p.length)).toEqual([5_000, 5_000, 5_000, 5_000, 3_000]);
    expect(new Set(pieces.flat().map((d) => d.name)).size).toBe(23_000);
    await engine.close();
  }, 60_000);

  it('says plainly what is wrong with an empty file or a gone import', async () => {
    const { engine } = await openEngine('ws-import-e');
    await expect(engine.importRead('imp-4', new Uint8Array(), 'empty.csv')).rejects.toThrow('This file is empty');
    await expect(engine.importRead('imp-5', new TextEncoder().encode('Name,Email\n'), 'header.csv')).rejects.toThrow('no creators under it');
    await expect(engine.importPlan('nope', settingsFor(['name']))).rejects.toBeInstanceOf(CommandError);
    await engine.close();
  });
});
