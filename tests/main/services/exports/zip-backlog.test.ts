import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

// The report workbook waits for exceljs' zip to catch up by reading the stream each sheet is
// piped into (report-workbook.ts, zipCaughtUp). If an exceljs upgrade moves it, the wait
// silently becomes a plain yield and a 100,000-post export grows by about 90 MB: fail here instead.
describe('the stream a sheet is zipped through', () => {
  it('is where the report workbook looks for its backlog', async () => {
    const out = new PassThrough();
    out.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Posts');
    sheet.addRow(['Zoë', 1]).commit();
    const entry = (sheet as unknown as { stream?: { pipes?: Array<{ _writableState?: { length: number }; _readableState?: { length: number } }> } }).stream?.pipes?.[0];
    expect(typeof entry?._writableState?.length).toBe('number');
    expect(typeof entry?._readableState?.length).toBe('number');
    await sheet.commit();
    await workbook.commit();
  });
});
