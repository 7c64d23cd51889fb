import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { reportCsv } from '../../../src/shared/import/report';

describe('the import report as CSV', () => {
  it('has a line per row with result and reason, opens in Excel with accents, and cannot run formulas', () => {
    const csv = reportCsv([
      { row: 2, kind: 'create', creator: 'Zoë Müller', reason: 'New creator.', creatorId: 'a' },
      { row: 3, kind: 'problem', creator: '=HYPERLINK("http://evil")', reason: 'Email: “x@” is not an email address.', problems: [] },
      { row: 4, kind: 'skip', creator: 'José', reason: 'Same email as row 2; "quoted", and\nmultiline', notes: ['No name in the file.'] },
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(parsed).toEqual([
      ['Row', 'Result', 'Creator', 'Details', 'Notes'],
      ['2', 'Created', 'Zoë Müller', 'New creator.', ''],
      ['3', 'Not imported', `'=HYPERLINK("http://evil")`, 'Email: “x@” is not an email address.', ''],
      ['4', 'Skipped', 'José', 'Same email as row 2; "quoted", and\nmultiline', 'No name in the file.'],
    ]);
  });
});
