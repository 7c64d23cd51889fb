import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/shared/import/csv';

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));

describe('reading CSV files', () => {
  it('finds the delimiter from the header, not from data full of decimal commas', () => {
    expect(detectDelimiter('Name;Followers;ER\nZoë;1,2K;3,4%\n')).toBe(';');
    expect(detectDelimiter('Name\tFollowers\nZoë\t1,200\n')).toBe('\t');
    expect(detectDelimiter('Name,Followers\n"Doe; Jane",1200\n')).toBe(',');
    const table = csv('Name;Followers;ER\nZoë;1,2K;3,4%\n');
    expect(table.headers).toEqual(['Name', 'Followers', 'ER']);
    expect(table.rows).toEqual([['Zoë', '1,2K', '3,4%']]);
    expect(table.format).toMatchObject({ kind: 'csv', delimiter: ';', encoding: 'utf-8' });
  });

  it('follows Excel’s “sep=” line and does not take it for the header', () => {
    const table = csv('sep=|\nName|Email\nZoë|zoe@example.com\n');
    expect(table.headers).toEqual(['Name', 'Email']);
    expect(table.rowNumbers).toEqual([3]);
  });

  it('keeps quoted line breaks inside their value and numbers rows as a spreadsheet app shows them', () => {
    const table = csv('Name,Notes\r\n"Café Crème","Two lines\r\nof notes"\r\n\r\nZoë,ok\r\n');
    expect(table.rows).toEqual([['Café Crème', 'Two lines\r\nof notes'], ['Zoë', 'ok']]);
    expect(table.rowNumbers).toEqual([2, 4]);
    expect(table.emptyRows).toBe(1);
  });

  it('reports a row with more values than the header has, rather than shifting or dropping them', () => {
    const table = csv('Name;Followers\nZoë;1200\nJosé; Núñez;900\nAna;300\n');
    expect(table.rows.map((r) => r[0])).toEqual(['Zoë', 'Ana']);
    expect(table.broken).toEqual([{ row: 3, reason: expect.stringContaining('separator (“;”) without quotes') }]);
  });

  it('reports a quote that is never closed', () => {
    const table = csv('Name,Notes\nZoë,"never closed\nAna,fine\n');
    expect(table.broken[0]).toMatchObject({ row: 2, reason: expect.stringContaining('never closed') });
  });

  it('names blank and repeated headers so every column can be mapped', () => {
    const table = csv('Name,,Email,Email\nZoë,x,a@b.co,c@d.co\n');
    expect(table.headers).toEqual(['Name', 'Column B', 'Email', 'Email (2)']);
  });

  it('reads the messy Windows-1252, semicolon fixture', () => {
    const table = parseCsv(new Uint8Array(readFileSync('tests/fixtures/import/messy-creators-windows-1252.csv')));
    expect(table.format).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(table.rows[0].slice(0, 4)).toEqual(['Zoë Müller', '@Zoe.Runs', '12.500', '3,4%']);
    expect(table.rows[1][9]).toBe('Two lines\r\nof notes; with a semicolon');
    expect(table.emptyRows).toBe(1);
  });

  it('reads UTF-16 tab-separated text as Excel saves “Unicode text”', () => {
    const table = parseCsv(new Uint8Array(readFileSync('tests/fixtures/import/creators-utf16.txt')));
    expect(table.format).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.rows[0][0]).toBe('Łucja Wiśniewska');
  });
});
