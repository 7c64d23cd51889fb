import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creatorFields, type CreatorFields } from '../../../src/shared/data/schemas/creators';
import { parseCsv } from '../../../src/shared/import/csv';
import { existingFromList } from '../../../src/shared/import/existing';
import { planImport } from '../../../src/shared/import/plan';
import { previewOf } from '../../../src/shared/import/read';
import type { ImportSettings, Table } from '../../../src/shared/import/types';

const creator = (id: string, input: Record<string, unknown>) => ({ id, ...creatorFields.parse(input) });
const maya = creator('maya', { name: 'Maya Johnson', phone: '+1 555 0100', accounts: [{ platform: 'instagram', handle: 'mayamoves', followers: 47_000 }], emails: [{ address: 'maya@example.com', primary: true }], tags: ['vip'] });
const jordan = creator('jordan', { name: 'Jordan Rivera', emails: [{ address: 'jordan@example.com', primary: true }] });

function table(text: string): Table {
  return parseCsv(new TextEncoder().encode(text));
}

async function plan(text: string, settings: Partial<ImportSettings> = {}, existing: (CreatorFields & { id: string })[] = [maya, jordan]) {
  const t = table(text);
  const preview = previewOf(t, 'file.csv');
  let n = 0;
  return planImport(t, { mapping: preview.mapping, defaultPlatform: 'instagram', rateScale: preview.rateScale, onHandleMatch: 'skip', onEmailMatch: 'skip', ...settings }, existingFromList(existing), { newId: () => `new-${++n}` });
}

describe('planning an import (the dry run)', () => {
  it('finds creators already in the list by handle, whatever its case, "@" or link form, and by email in any case', async () => {
    const result = await plan('Name,Instagram,Email\nMaya J.,https://www.instagram.com/MayaMoves/,\nM,@MAYAMOVES,\nJordan R.,,JORDAN@example.com\nNew Person,@new.person,new@example.com\n');
    expect(result.outcomes.map((o) => [o.row, o.kind, o.creatorId])).toEqual([[2, 'skip', 'maya'], [3, 'skip', 'maya'], [4, 'skip', 'jordan'], [5, 'create', 'new-1']]);
    expect(result.outcomes[0].reason).toBe('Same Instagram handle @mayamoves as Maya Johnson: skipped, as chosen for matching handles.');
    expect(result.outcomes[2].reason).toBe('Same email jordan@example.com as Jordan Rivera: skipped, as chosen for matching emails.');
    expect(result.summary).toMatchObject({ rows: 4, created: 1, updated: 0, skipped: 3, problems: 0 });
  });

  it('"fill empty fields" sets only what is empty and adds accounts, emails and tags', async () => {
    const result = await plan('Name,Instagram,Instagram followers,TikTok,Email,Phone,City,Tags\nMaya J.,@mayamoves,52000,@maya.tt,maya.work@example.com,+44 20 0000,Austin,"vip, yoga"\n', { onHandleMatch: 'fill' });
    expect(result.outcomes[0]).toMatchObject({ kind: 'update', reason: 'Same Instagram handle @mayamoves as Maya Johnson. Filled in city; added a TikTok account, an email and a tag.' });
    const patch = result.updates[0].patch;
    expect(result.updates[0]).toMatchObject({ id: 'maya', rows: [2] });
    expect(patch.name).toBeUndefined();
    expect(patch.phone).toBeUndefined();
    expect(patch.accounts).toEqual([expect.objectContaining({ platform: 'instagram', followers: 47_000 }), expect.objectContaining({ platform: 'tiktok', handle: 'maya.tt' })]);
    expect(patch.emails).toEqual([{ address: 'maya@example.com', primary: true }, { address: 'maya.work@example.com', primary: false }]);
    expect(patch.tags).toEqual(['vip', 'yoga']);
  });

  it('"overwrite" lets the file’s values win but never erases: empty cells change nothing, lists only grow', async () => {
    const result = await plan('Name,Instagram,Instagram followers,Email,Phone,Tags\nMaya Johnson-Lee,@mayamoves,52000,maya.new@example.com,,\n', { onHandleMatch: 'overwrite' });
    const patch = result.updates[0].patch;
    expect(patch.name).toBe('Maya Johnson-Lee');
    expect(patch.accounts?.[0].followers).toBe(52_000);
    expect(patch.phone).toBeUndefined();
    expect(patch.tags).toBeUndefined();
    expect(patch.emails).toEqual([{ address: 'maya@example.com', primary: false }, { address: 'maya.new@example.com', primary: true }]);
    expect(result.outcomes[0].reason).toBe('Same Instagram handle @mayamoves as Maya Johnson. Updated name, Instagram followers and primary email; added an email.');
  });

  it('a name made up from a handle never replaces a real one', async () => {
    const result = await plan('Instagram,Instagram followers\n@mayamoves,52000\n', { onHandleMatch: 'overwrite' });
    expect(result.updates[0].patch.name).toBeUndefined();
  });

  it('says so when a matching row brings nothing new, so importing a file twice changes nothing', async () => {
    const result = await plan('Name,Instagram,Email\nMaya Johnson,@mayamoves,maya@example.com\n', { onHandleMatch: 'fill', onEmailMatch: 'fill' });
    expect(result.outcomes[0]).toMatchObject({ kind: 'skip', reason: 'Same Instagram handle @mayamoves as Maya Johnson: nothing new in this row.' });
    expect(result.updates).toEqual([]);
  });

  it('folds duplicates within the file into the first row, by the choice for their kind', async () => {
    const text = 'Name,Instagram,Email,City\nZoë,@zoe.runs,,\nZOË,https://instagram.com/Zoe.Runs,zoe@example.com,Berlin\nZoe again,,ZOE@example.com,Paris\n';
    const filled = await plan(text, { onHandleMatch: 'fill', onEmailMatch: 'fill' });
    expect(filled.creates).toHaveLength(1);
    expect(filled.creates[0].fields).toMatchObject({ name: 'Zoë', emails: [{ address: 'zoe@example.com' }], location: { city: 'Berlin' } });
    // Row 4's only news is a city, and row 2 already has one by then.
    expect(filled.outcomes.map((o) => o.kind)).toEqual(['create', 'update', 'skip']);
    expect(filled.outcomes[2].reason).toBe('Same email zoe@example.com as row 2 of this file (Zoë): nothing new in this row.');
    const skipped = await plan(text, { onHandleMatch: 'skip', onEmailMatch: 'skip' });
    expect(skipped.outcomes.map((o) => o.kind)).toEqual(['create', 'skip', 'create']);
  });

  it('never guesses when a row matches two different creators', async () => {
    const result = await plan('Name,Instagram,Email\nMaya?,@mayamoves,jordan@example.com\n', { onHandleMatch: 'fill', onEmailMatch: 'fill' });
    expect(result.outcomes[0]).toMatchObject({ kind: 'problem', reason: expect.stringContaining('matches 2 different creators: Maya Johnson (same handle) and Jordan Rivera (same email)') });
    const twins = [maya, { ...maya, id: 'maya-2' }];
    const both = await plan('Name,Instagram\nMaya,@mayamoves\n', {}, twins);
    expect(both.outcomes[0].reason).toContain('belongs to 2 creators already in your list');
  });

  it('reports a merge that would break the record (more than 20 accounts) instead of writing it', async () => {
    const many = creator('many', { name: 'Many', emails: [{ address: 'many@example.com', primary: true }], accounts: Array.from({ length: 20 }, (_, i) => ({ platform: 'blog', handle: `site${i}.com` })) });
    const result = await plan('Name,Email,TikTok\nMany,many@example.com,@one.more\n', { onEmailMatch: 'fill' }, [many]);
    expect(result.outcomes[0]).toMatchObject({ kind: 'problem', reason: expect.stringContaining('together they cannot be saved') });
  });

  it('plans the messy fixture: every row accounted for, with reasons', async () => {
    const t = parseCsv(new Uint8Array(readFileSync('tests/fixtures/import/messy-creators-windows-1252.csv')));
    const preview = previewOf(t, 'messy.csv');
    let n = 0;
    const result = await planImport(t, { mapping: preview.mapping, defaultPlatform: null, rateScale: preview.rateScale, onHandleMatch: 'fill', onEmailMatch: 'fill' }, existingFromList([maya]), { newId: () => `new-${++n}` });
    // 8 rows become 6 creators: rows 4 and 15 add to creators of rows 2 and 5, row 18 updates Maya.
    expect(result.summary).toEqual({ rows: 17, created: 5, updated: 3, skipped: 0, problems: 9, emptyRows: 1, newCreators: 5, updatedCreators: 1, rowsWithWarnings: 1 });
    expect(result.outcomes.filter((o) => o.kind === 'update').map((o) => o.intoRow)).toEqual([2, 5, undefined]);
    // "Atlantis" is no country: the row is imported, the value kept in the notes as written, and the report says so.
    expect(result.creates.find((c) => c.row === 9)?.fields).toMatchObject({ name: 'Max Atlantis', location: { country: '' }, notes: 'Country as written in the import: Atlantis' });
    expect(result.outcomes.find((o) => o.row === 9)?.warnings).toEqual([expect.stringContaining('“Atlantis” is not a country Fanfare knows, so it is kept in the notes as written')]);
    const byRow = new Map(result.outcomes.map((o) => [o.row, o]));
    expect(byRow.get(4)).toMatchObject({ kind: 'update', creator: 'ZOË MÜLLER', reason: expect.stringContaining('row 2 of this file (Zoë Müller)') });
    expect(byRow.get(18)).toMatchObject({ kind: 'update', creatorId: 'maya' });
    expect(byRow.get(10)?.reason).toContain('ambiguous');
    expect(byRow.get(17)).toMatchObject({ kind: 'create', notes: [expect.stringContaining('scientific notation')] });
    expect(result.creates.find((c) => c.row === 3)?.fields).toMatchObject({ name: 'Café Crème Studio', accounts: [{ handle: 'cafecreme', followers: 1_200, engagementRate: 0.021 }, { platform: 'tiktok', handle: 'cafecreme' }], notes: 'Two lines\r\nof notes; with a semicolon' });
  });

  it('reports progress and stops at a checkpoint when asked, before anything is decided', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `Creator ${i},@c${i}`).join('\n');
    const t = table(`Name,Instagram\n${rows}\n`);
    const seen: number[] = [];
    const stopped = planImport(t, { mapping: ['name', 'instagram.handle'], defaultPlatform: null, rateScale: 'fraction', onHandleMatch: 'skip', onEmailMatch: 'skip' }, existingFromList([]), {
      newId: () => 'x',
      progress: (done) => seen.push(done),
      checkpoint: async () => { throw new Error('Cancelled'); },
    });
    await expect(stopped).rejects.toThrow('Cancelled');
    expect(seen).toEqual([0, 500, 1000, 1500, 2000]);
  });
});
