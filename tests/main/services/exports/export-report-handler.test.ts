import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createInProcessHost } from '../../../../src/main/handlers';
import { HostError } from '../../../../src/shared/api/errors';
import { kpiDefinitions } from '../../../../src/shared/reports/kpis';
import type { ReportWorkbookInput } from '../../../../src/shared/reports/workbook-input';

const input: ReportWorkbookInput = {
  title: 'Spring Glow — report', subtitle: 'All time', currency: 'EUR', fileName: 'spring glow/all time', comparisonLabel: null,
  kpis: kpiDefinitions.map((k) => ({ id: k.id, value: null, previous: null, target: null, why: 'Nothing yet' })),
  assumptions: { shippingPerParcel: null, emv: null, firstRoundDecided: 0, firstRoundApproved: 0, budget: 1000 },
  posts: [['2026-03-01', 'Zoë', 'zoe', 'Spring', 'Instagram', 'reel', 'Nano', '', 'https://x.test/p', 1200, 1000, 1300, 50, 5, 2, 3, 10, null, 12.5, 60]],
  creators: [['Zoë', 'zoe', 'Spring', 'Instagram', 'Nano', '', 'Yes', 1, 0, 1, 1, 'cr-zoe', 'ca-spring']],
  spend: [['Zoë', 'Spring', 'Fee and bonus', 200, 'cr-zoe', 'ca-spring']],
  trend: [{ label: 'W09 · 23 Feb', posts: 1, creatorsPosting: 1, reach: 1000, engagements: 60 }],
  byPlatform: [{ label: 'Instagram', posts: 1, reach: 1000 }],
};

describe('reports-export-xlsx', () => {
  it('returns the workbook with a safe file name, reporting progress', async () => {
    const host = createInProcessHost();
    const messages: string[] = [];
    const file = await host['reports-export-xlsx'](input, { onProgress: (p) => messages.push(p.message) });
    expect(file.fileName).toBe('spring-glow-all-time.xlsx');
    expect(messages[0]).toBe('Drawing the charts');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Posts')!.getCell('B2').value).toBe('Zoë');
    expect(wb.getWorksheet('Summary')!.getCell('B18').numFmt).toBe('"€"#,##0.00');
    expect(file.sizeBytes).toBeGreaterThan(5000);
  });

  it('refuses a row with the wrong number of columns, saying where', async () => {
    const host = createInProcessHost();
    const error = await host['reports-export-xlsx']({ ...input, posts: [['2026-03-01', 'Zoë']] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(Object.keys((error as HostError).fields ?? {})[0]).toMatch(/^posts\.0/);
  });
});
