import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../src/shared/domain/creator-facts';
import { buildExportTable, exportDate, toCsv } from '../../../src/shared/domain/table-export';
import { names, sampleWorkspace } from './creator-table-fixture';

describe('table export', () => {
  const { rows } = sampleWorkspace(20);
  const ctx = { ...names, facts: () => emptyFacts() };

  it('puts the columns on screen into the sheet, numbers as numbers', () => {
    const table = buildExportTable(rows.slice(0, 3), ['name', 'followers', 'engagement', 'location'], ctx);
    expect(table.headers).toEqual(['Name', 'Email', 'Followers', 'Engagement rate', 'City', 'Country']);
    expect(table.kinds).toEqual(['text', 'text', 'count', 'percent', 'text', 'text']);
    expect(table.rows[0][0]).toBe(rows[0].name);
    expect(table.rows[0][2]).toBe(rows[0].followersMax);
  });

  it('writes CSV that spreadsheets read back as written, and never runs a formula', () => {
    const csv = toCsv({
      headers: ['Name', 'Notes', 'Rate', 'When'],
      kinds: ['text', 'text', 'percent', 'date'],
      rows: [['Zoë "Z" Ł', '=HYPERLINK("x")', 0.0345, '2026-03-04T10:00:00.000Z'], ['Line\nbreak, comma', null, null, null]],
    });
    expect(csv).toBe('Name,Notes,Rate,When\r\n"Zoë ""Z"" Ł","\'=HYPERLINK(""x"")",3.45%,2026-03-04\r\n"Line\nbreak, comma",,,\r\n');
  });

  it('writes an instant as the day it was where the viewer is, and a plain date as it is', () => {
    expect(exportDate('2026-11-03T01:30:00Z', 'America/New_York')).toBe('2026-11-02');
    expect(exportDate('2026-11-02T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-03');
    expect(exportDate('2026-11-02T12:00:00Z', 'UTC')).toBe('2026-11-02');
    expect(exportDate('2026-02-28', 'Pacific/Auckland')).toBe('2026-02-28');
    expect(exportDate(null, 'UTC')).toBe('');
  });
});
