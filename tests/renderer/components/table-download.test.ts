import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableToXlsx } from '../../../src/renderer/src/components/table-download';
import { buildCodesTable } from '../../../src/shared/domain/table-exports/codes';
import { moneyFrom } from '../../../src/shared/domain/fields';

describe('the Excel writer every table export uses', () => {
  it('writes numbers as numbers with their formats, dates as dates, and empty cells as empty', async () => {
    const table = buildCodesTable([{
      code: 'ZOE15', status: 'active', creatorName: 'Zoë', campaignName: 'Glow', gives: '15% off', discount: { type: 'percent', value: 15 },
      expiresOn: '2026-12-31', usageLimit: null, onePerCustomer: false, orders: 1234, revenue: moneyFrom(4800.5, 'USD'), replaces: '', revokedReason: '',
    }], 'USD');
    const blob = await tableToXlsx(table, 'Codes: Q4/EU [draft]');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as never);
    // Excel refuses []:*?/\ in a sheet name.
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Codes  Q4 EU  draft');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(1).values as unknown[];
    const cell = (h: string) => sheet.getRow(2).getCell(header.indexOf(h));
    expect(cell('Percent off').value).toBe(0.15);
    expect(cell('Percent off').numFmt).toBe('0.0%');
    expect(cell('Orders').value).toBe(1234);
    expect(cell('Orders').numFmt).toBe('#,##0');
    expect(cell('Revenue').value).toBe(4800.5);
    expect(cell('Revenue').numFmt).toBe('#,##0.00');
    expect(cell('Expires').value).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(cell('Usage limit').value).toBeNull();
    expect(cell('Replaces').value).toBeNull();
    expect(cell('Creator').value).toBe('Zoë');
  });
});
