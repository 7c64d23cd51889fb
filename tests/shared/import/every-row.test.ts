import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { commitImport } from '../../../src/shared/import/commit';
import { finishedSentence, importButtonLabel, rowsAddUp, updatesExplained } from '../../../src/shared/import/counts';
import { existingFromDoc } from '../../../src/shared/import/existing';
import { rowsWithoutPlatform } from '../../../src/shared/import/fields';
import { planImport } from '../../../src/shared/import/plan';
import { previewOf, readSpreadsheet } from '../../../src/shared/import/read';
import type { ImportSettings } from '../../../src/shared/import/types';

/** A workspace as the app has it: a Y.Doc written through the store, read by the importer as the data engine reads it. */
function workspace() {
  const doc = new Y.Doc();
  const store = new WorkspaceStore(doc, { actorId: 'me', actorName: 'Me' });
  return { doc, store };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Read → preview → plan, as the wizard and the data engine do it, with the person's choices on top of the preview's. */
async function planFile(doc: Y.Doc, text: string | Uint8Array, choices: Partial<ImportSettings> = {}, fileName = 'creators.csv') {
  const table = await readSpreadsheet(typeof text === 'string' ? bytes(text) : text, fileName);
  const preview = previewOf(table, fileName);
  let n = 0;
  const plan = await planImport(table, {
    mapping: preview.mapping, defaultPlatform: preview.defaultPlatform, rateScale: preview.rateScale, onHandleMatch: 'fill', onEmailMatch: 'fill', ...choices,
  }, existingFromDoc(doc), { newId: () => `new-${++n}` });
  return { table, preview, plan };
}

// Most rows have profile links; rows 5, 6 and 7 have only a handle. Rows 5 and 6 are people already in the
// list (found by email); row 7 is someone new.
const MIXED = [
  'Name,Profile,Email,Followers',
  'Zoë Müller,https://www.instagram.com/zoe.runs/,zoe@example.com,12500',
  'Café Crème,https://www.tiktok.com/@cafecreme,hello@cafecreme.fr,1.2K',
  'Kwame Osei,https://www.youtube.com/@kwame,kwame@example.com,88000',
  'Maya Johnson,mayamoves,MAYA@example.com,52000',
  'Jordan Rivera,jordan.r,jordan@example.com,',
  'New Person,new.person,new@example.com,900',
  'Lena Becker,https://instagram.com/lena.b,lena@example.com,3000',
].join('\n');

function withMayaAndJordan() {
  const ws = workspace();
  ws.store.create('creators', { name: 'Maya Johnson', accounts: [{ platform: 'instagram', handle: 'mayamoves', followers: null }], emails: [{ address: 'maya@example.com', primary: true }] });
  ws.store.create('creators', { name: 'Jordan Rivera', emails: [{ address: 'jordan@example.com', primary: true }] });
  return ws;
}

describe('a creator import takes every row it can', () => {
  it('offers the platform choice for the rows of a mixed file that have only a handle, and names them', async () => {
    const { preview } = await planFile(workspace().doc, MIXED);
    const found = rowsWithoutPlatform(preview.mapping, preview.cellKinds);
    expect(found.rows.map((r) => preview.rowNumbers[r])).toEqual([5, 6, 7]);
    expect(found.of).toBe(7);
    // The first five rows the column step shows have links: the old check on them saw no need to ask.
    expect(preview.samples.slice(0, 3).every((row) => row[1].startsWith('https://'))).toBe(true);
  });

  it('left empty, a handle without a platform is placed by the creator its email matches; rows that cannot be placed say why', async () => {
    const { doc } = withMayaAndJordan();
    const { plan } = await planFile(doc, MIXED, { defaultPlatform: null });
    const byRow = new Map(plan.outcomes.map((o) => [o.row, o]));
    // Maya: same email, and her Instagram account has that handle: her follower count is filled from the row.
    expect(byRow.get(5)).toMatchObject({ kind: 'update', reason: 'Same email maya@example.com as Maya Johnson. Filled in Instagram followers.' });
    expect(byRow.get(5)?.notes).toEqual([expect.stringContaining('it is the Instagram account of Maya Johnson, whom this row matches by email')]);
    // Jordan has no account with that handle: nothing says its platform, so the row waits for the person's choice.
    expect(byRow.get(6)).toMatchObject({ kind: 'problem', problems: [{ column: 'Profile', value: 'jordan.r', reason: expect.stringContaining('Jordan Rivera, whom this row matches by email, has no account with that handle') }] });
    expect(byRow.get(7)).toMatchObject({ kind: 'problem', reason: expect.stringContaining('no creator in your list or earlier in this file has this row’s email') });
    expect(byRow.get(7)?.reason).toContain('Choose the platform of the rows with only a handle in the column step');
    expect([2, 3, 4, 8].map((r) => byRow.get(r)?.kind)).toEqual(['create', 'create', 'create', 'create']);
    expect(plan.summary).toMatchObject({ rows: 7, created: 4, updated: 1, skipped: 0, problems: 2, newCreators: 4, updatedCreators: 1 });
  });

  it('with a platform chosen for those rows, every row is imported and the links keep their own platforms', async () => {
    const { doc, store } = withMayaAndJordan();
    const { plan } = await planFile(doc, MIXED, { defaultPlatform: 'instagram' });
    expect(plan.summary).toMatchObject({ rows: 7, created: 5, updated: 2, problems: 0, newCreators: 5, updatedCreators: 2 });
    commitImport(store, plan);
    const all = store.list('creators');
    const accountsOf = (name: string) => all.find((c) => c.name === name)?.accounts.map((a) => `${a.platform}:${a.handle}:${a.followers}`);
    expect(accountsOf('Maya Johnson')).toEqual(['instagram:mayamoves:52000']);
    expect(accountsOf('Jordan Rivera')).toEqual(['instagram:jordan.r:null']);
    expect(accountsOf('New Person')).toEqual(['instagram:new.person:900']);
    expect(accountsOf('Café Crème')).toEqual(['tiktok:cafecreme:1200']);
    expect(accountsOf('Kwame Osei')).toEqual(['youtube:kwame:88000']);
  });

  it('reads languages and countries in their own language, by code and by former name; an unknown one is kept as written and the row imported', async () => {
    const { doc, store } = workspace();
    const { plan } = await planFile(doc, [
      'Name,Instagram,Languages,Country',
      'Ola Nowak,@ola.n,polski,Polska',
      'Petr Novák,@petr.n,"čeština, English",Česko',
      'Jonas Becker,@jonas.b,Deutsch,Deutschland',
      'Réka Tóth,@reka.t,magyar,Magyarország',
      'Ayşe Yılmaz,@ayse.y,Türkçe,Turkey',
      'Kim Lee,@kim.l,"Simlish, en",Atlantis',
    ].join('\n'));
    expect(plan.summary).toMatchObject({ rows: 6, created: 6, problems: 0, rowsWithWarnings: 1 });
    const fields = plan.creates.map((c) => [c.fields.name, c.fields.languages, c.fields.location.country]);
    expect(fields).toEqual([
      ['Ola Nowak', ['pl'], 'PL'], ['Petr Novák', ['cs', 'en'], 'CZ'], ['Jonas Becker', ['de'], 'DE'], ['Réka Tóth', ['hu'], 'HU'],
      ['Ayşe Yılmaz', ['tr'], 'TR'], ['Kim Lee', ['en'], ''],
    ]);
    const kim = plan.creates[5];
    expect(kim.fields.notes).toBe('Country as written in the import: Atlantis\nLanguages as written in the import: Simlish');
    expect(plan.outcomes[5].warnings).toEqual([
      expect.stringContaining('Country: “Atlantis” is not a country Fanfare knows, so it is kept in the notes as written'),
      expect.stringContaining('Languages: “Simlish” is not a language Fanfare knows, so it is kept in the notes as written'),
    ]);
    commitImport(store, plan);
    expect(store.list('creators')).toHaveLength(6);
  });

  it('imports a row with too few values and warns that its columns may have shifted', async () => {
    const { plan } = await planFile(workspace().doc, 'Name,Instagram,Email,Country,City\nZoë,@zoe.runs,zoe@example.com,DE,Berlin\nJosé,@jose.n,jose@example.com\n');
    expect(plan.outcomes[1]).toMatchObject({ row: 3, kind: 'create', warnings: ['This row has 3 values but the header has 5 columns, so “Country” and “City” were read as empty. If a value is missing in the middle of the row, the ones after it are in the wrong columns: check this row in your file.'] });
    expect(plan.outcomes[0].warnings).toBeUndefined();
    expect(plan.summary).toMatchObject({ created: 2, rowsWithWarnings: 1 });
  });

  it('refuses a picture renamed .csv as not a spreadsheet, and reads real text files as before', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#d9480f' } }).png().toBuffer();
    await expect(readSpreadsheet(new Uint8Array(png), 'creators.csv')).rejects.toThrow('creators.csv is not a spreadsheet: its contents are a PNG image, whatever its name says.');
    const noise = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    await expect(readSpreadsheet(noise, 'export.csv')).rejects.toThrow('is not a spreadsheet: its contents are a binary file');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Name,Email\nZoë,z@example.com\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await readSpreadsheet(utf16, 'unicode.txt')).rows).toEqual([['Zoë', 'z@example.com']]);
  });

  it('importing the same file twice changes nothing, even when two rows give one creator two spellings of a link', async () => {
    const { doc, store } = withMayaAndJordan();
    const file = [
      'Name,Instagram,Email,Followers,City',
      'Zoë Müller,https://www.instagram.com/zoe.runs/,zoe@example.com,12500,Berlin',
      'Zoë M.,https://instagram.com/Zoe.Runs?hl=en,,,',
      'Maya Johnson,https://www.instagram.com/mayamoves/,maya@example.com,52000,Austin',
      'Maya J.,instagram.com/mayamoves,,48200,',
      'Petr Novák,@petr.n,petr@example.com,1000,',
      'Petr Novák,@petr.n,,,',
    ].join('\n');
    for (const policy of ['fill', 'overwrite'] as const) {
      const settings = { onHandleMatch: policy, onEmailMatch: policy, defaultPlatform: 'instagram' as const };
      const first = await planFile(doc, file, settings);
      commitImport(store, first.plan);
      const after = Y.encodeStateVector(doc);
      const again = await planFile(doc, file, settings);
      expect({ policy, creates: again.plan.creates.length, updates: again.plan.updates.length }).toEqual({ policy, creates: 0, updates: 0 });
      expect(again.plan.summary).toMatchObject({ created: 0, updated: 0, skipped: 6, newCreators: 0, updatedCreators: 0 });
      expect(importButtonLabel(again.plan.summary)).toBe('Nothing to import');
      commitImport(store, again.plan);
      expect(Y.encodeStateVector(doc)).toEqual(after);
      // With "overwrite", Maya's two rows set two follower counts; the last one is what she has, so the rows cancel out.
      if (policy === 'overwrite') expect(again.plan.outcomes.find((o) => o.row === 4)?.reason).toContain('nothing changes in the end, because rows 4 and 5 of this file give this creator different values');
    }
    const zoe = store.list('creators').filter((c) => c.name.startsWith('Zoë'));
    expect(zoe.map((c) => c.accounts[0].url)).toEqual(['https://www.instagram.com/zoe.runs/']);
  });

  it('counts creators on the button and rows in the summary, and the rows add up', async () => {
    const { doc } = withMayaAndJordan();
    const { plan } = await planFile(doc, MIXED, { defaultPlatform: 'instagram', onEmailMatch: 'fill' });
    const s = plan.summary;
    expect(s.created + s.updated + s.skipped + s.problems).toBe(s.rows);
    expect(importButtonLabel(s)).toBe('Import 5 new creators and update 2');
    expect(importButtonLabel({ ...s, newCreators: 31, updatedCreators: 1 })).toBe('Import 31 new creators and update 1');
    expect(importButtonLabel({ ...s, newCreators: 0, updatedCreators: 1 })).toBe('Update 1 creator');
    expect(rowsAddUp(s)).toBe('7 rows: 5 new, 2 updates, 0 skipped, 0 not imported.');
    expect(finishedSentence(s)).toBe('5 creators added and 2 updated. 7 rows: 5 new, 2 updates, 0 skipped, 0 not imported.');

    const twice = await planFile(doc, `${MIXED}\nZoë again,https://www.instagram.com/zoe.runs/,zoe.work@example.com,\n`, { defaultPlatform: 'instagram' });
    expect(twice.plan.summary).toMatchObject({ rows: 8, created: 5, updated: 3, newCreators: 5, updatedCreators: 2 });
    expect(importButtonLabel(twice.plan.summary)).toBe('Import 5 new creators and update 2');
    const intoFile = twice.plan.outcomes.filter((o) => o.intoRow !== undefined);
    expect(intoFile.map((o) => [o.row, o.intoRow])).toEqual([[9, 2]]);
    expect(updatesExplained(twice.plan.summary, intoFile.length)).toBe('Of the 3 updates, 2 updates change 2 creators already in your list, and 1 adds to a creator that an earlier row of this file creates.');
  });
});
