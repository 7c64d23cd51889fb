import { describe, expect, it } from 'vitest';
import { buildReviewQueueTable, type ExportDraft } from '../../../../src/shared/domain/table-exports/review';
import { toCsv } from '../../../../src/shared/domain/table-export';

const draft = (over: Partial<ExportDraft>): ExportDraft => ({
  creatorName: 'Ana', campaignName: 'Glow', deliverable: 'Instagram reel', round: 2, status: 'pending', reviewer: 'Maya', submittedAt: '2026-11-18T09:00:00Z', decidedAt: null, url: 'https://drive.google.com/x', ...over,
});

describe('the content review export', () => {
  it('says how long a pending draft has waited, and when a decided one was decided', () => {
    const table = buildReviewQueueTable([draft({}), draft({ status: 'approved', decidedAt: '2026-11-20T10:00:00Z', reviewer: '@maya' })], new Date('2026-11-21T08:00:00Z'));
    expect(table.rows[0]).toEqual(['Ana', 'Glow', 'Instagram reel', 2, 'To review', 'Maya', '2026-11-18T09:00:00Z', 2, null, 'https://drive.google.com/x']);
    expect(table.rows[1].slice(4, 9)).toEqual(['Approved', '@maya', '2026-11-18T09:00:00Z', null, '2026-11-20T10:00:00Z']);
    expect(toCsv(table).split('\r\n')[2]).toBe("Ana,Glow,Instagram reel,2,Approved,'@maya,2026-11-18,,2026-11-20,https://drive.google.com/x");
  });
});
