import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildContractsTable } from '../../../../src/shared/domain/table-exports/contracts';
import { buildLibraryTable } from '../../../../src/shared/domain/table-exports/library';
import { toCsv } from '../../../../src/shared/domain/table-export';

describe('the library and contracts exports', () => {
  it('library: sizes and lengths as numbers, the rights status as on the badge', () => {
    const table = buildLibraryTable([{
      fileName: 'ana-reel.mp4', kind: 'video', tags: ['hero', 'summer'], creatorName: 'Ana', campaignName: 'Glow', source: 'cut', width: 1080, height: 1920,
      sizeBytes: 15 * 1024 * 1024 + 300_000, durationSeconds: 29.96, videoCodec: 'h264', audioCodec: 'aac', usageRights: 'Paid use OK', createdAt: '2026-11-03T10:00:00Z',
    }]);
    expect(table.rows[0]).toEqual(['ana-reel.mp4', 'video (cut)', 'hero, summer', 'Ana', 'Glow', 1080, 1920, 15653, 30, 'h264 + aac', 'Paid use OK', '2026-11-03T10:00:00Z']);
    expect(table.headers).toContain('Size (KB)');
    // A small photo still shows its size, and a clip its tenth of a second.
    const small = buildLibraryTable([{
      fileName: 'ana.jpg', kind: 'image', tags: [], creatorName: 'Ana', campaignName: 'Glow', source: 'import', width: 800, height: 800,
      sizeBytes: 40_000, durationSeconds: 6.4, videoCodec: '', audioCodec: '', usageRights: '', createdAt: '2026-11-03T10:00:00Z',
    }]);
    expect(small.rows[0][small.headers.indexOf('Size (KB)')]).toBe(39);
    expect(small.kinds[small.headers.indexOf('Length (seconds)')]).toBe('score');
    expect(toCsv(small)).toContain(',39,6.4,');
  });

  it('contracts: the agreed fee as a number with its currency, and the text as written', () => {
    const table = buildContractsTable([{
      title: 'Agreement — Ana', creatorName: 'Ana', handle: '@ana', campaignName: 'Glow', fee: moneyFrom(1500, 'GBP'), feeText: '£1,500.00', status: 'Signed by creator',
      signedBy: 'Ana Lopez', signedOn: '2026-11-10', signedCopy: true, updatedAt: '2026-11-10T18:00:00Z',
    }]);
    const at = (h: string) => table.rows[0][table.headers.indexOf(h)];
    expect(at('Fee')).toBe(1500);
    expect(at('Currency')).toBe('GBP');
    expect(at('Signed copy attached')).toBe('Yes');
    expect(toCsv(table)).toContain(",'@ana,");
  });
});
