import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../src/shared/import/read';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading Excel workbooks (real exceljs files)', () => {
  it('keeps numbers exact, shows percentages as written, and reads rich text, formulas, links and dates', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Creators');
      sheet.addRow(['Name', 'Followers', 'ER', 'Profile', 'Since', 'Score']);
      sheet.addRow([{ richText: [{ text: 'Zoë ' }, { font: { bold: true }, text: 'Müller' }] }, 1234, 0.034, { text: 'instagram.com/zoe.runs', hyperlink: 'https://instagram.com/zoe.runs' }, new Date(Date.UTC(2024, 2, 31)), { formula: 'B2*2', result: 2468 }]);
      sheet.getCell('C2').numFmt = '0.0%';
      sheet.addRow([]);
      sheet.addRow(['Ana', '1.2K', '5%', '', '', '']);
    });
    const table = await readSpreadsheet(bytes, 'creators.xlsx');
    expect(table.format).toEqual({ kind: 'xlsx', sheet: 'Creators' });
    expect(table.headers).toEqual(['Name', 'Followers', 'ER', 'Profile', 'Since', 'Score']);
    expect(table.rows).toEqual([
      ['Zoë Müller', 1234, '3.4%', 'instagram.com/zoe.runs', '2024-03-31', 2468],
      ['Ana', '1.2K', '5%', '', '', ''],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
    expect(table.emptyRows).toBe(1);
  });

  it('reads the first sheet with data and says that the others were not read', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Empty');
      wb.addWorksheet('List').addRow(['Name']).worksheet.addRow(['Zoë']);
      wb.addWorksheet('Old list').addRow(['Name']);
    });
    const table = await readSpreadsheet(bytes, 'two.xlsx');
    expect(table.format.sheet).toBe('List');
    expect(table.notices[0]).toContain('only the first, “List”, was read');
  });

  it('explains old .xls files and broken workbooks in a sentence', async () => {
    await expect(readSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).rejects.toThrow('older Excel file (.xls)');
    await expect(readSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toThrow('could not be read as an Excel workbook');
  });
});
