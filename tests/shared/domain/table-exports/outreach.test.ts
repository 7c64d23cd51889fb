import { describe, expect, it } from 'vitest';
import { offerTerms } from '../../../../src/shared/data/schemas/engagements';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildFollowUpTable, buildOffersTable, buildTemplatesTable } from '../../../../src/shared/domain/table-exports/outreach';
import { buildLatestPostsTable } from '../../../../src/shared/domain/table-exports/overview';
import { buildSnapshotsTable } from '../../../../src/shared/domain/table-exports/posts';

describe('the outreach, offers and overview exports', () => {
  it('templates: reply rate as a fraction, empty (not 0%) for a template never sent', () => {
    const table = buildTemplatesTable([
      { title: 'First touch', subject: 'Hi {{first_name}}', usedFor: 'Email', rate: { templateId: 't', contacted: 40, replied: 10, rate: 0.25 } },
      { title: 'DM', subject: '', usedFor: 'DM', rate: undefined },
    ]);
    expect(table.kinds[5]).toBe('percent');
    expect(table.rows).toEqual([['First touch', 'Hi {{first_name}}', 'Email', 40, 10, 0.25], ['DM', '', 'DM', 0, 0, null]]);
  });

  it('follow-ups: due date, days overdue and which follow-up it is', () => {
    const table = buildFollowUpTable([{ creatorName: 'Ana', email: 'ana@x.com', lastContactedAt: '2026-11-14T09:00:00Z', plan: { status: 'due', dueOn: '2026-11-19', overdueDays: 2, nextNumber: 1 } as never }], 2);
    expect(table.rows[0]).toEqual(['Ana', 'ana@x.com', '2026-11-14T09:00:00Z', '2026-11-19', 2, 1, 2]);
  });

  it('offers: money as numbers, commission as a fraction, deliverables counted', () => {
    const terms = offerTerms.parse({ fee: moneyFrom(800, 'EUR'), bonus: moneyFrom(100, 'EUR'), commissionPercent: 10, deliverables: [{ id: 'd1', platform: 'instagram', format: 'reel', quantity: 2 }, { id: 'd2', platform: 'tiktok', format: 'video', quantity: 1 }] });
    const table = buildOffersTable([{ creatorName: 'Ana', status: 'agreed', terms, summary: '€800.00 fee' }, { creatorName: 'Ben', status: 'no-offer', terms: null, summary: '' }]);
    expect(table.rows[0].slice(1)).toEqual(['Agreed', '€800.00 fee', 800, 100, null, 'EUR', 0.1, 3, null]);
    expect(table.rows[1].slice(3)).toEqual([null, null, null, '', null, null, null]);
  });

  it('overview and a post’s snapshots: latest numbers, and every snapshot newest first as given', () => {
    const metrics = [{ at: '2026-11-02T00:00:00Z', views: 100, reach: 80 }, { at: '2026-11-09T00:00:00Z', views: 900, reach: null, likes: 30, source: 'screenshot' }];
    expect(buildLatestPostsTable([{ creatorName: 'Ana', campaignName: 'Glow', url: 'u', postedAt: '2026-11-01T00:00:00Z', metrics }]).rows[0]).toEqual(['Ana', 'Glow', 'u', '2026-11-01T00:00:00Z', 900, null]);
    const snaps = buildSnapshotsTable([{ ...metrics[1], screenshot: 'proof.png' }, metrics[0]], 1000);
    const at = (r: number, h: string) => snaps.rows[r][snaps.headers.indexOf(h)];
    expect(at(0, 'Views')).toBe(900);
    expect(at(0, 'Engagement rate')).toBe(0.03);
    expect(at(0, 'Source')).toBe('from a screenshot');
    expect(at(0, 'Screenshot')).toBe('proof.png');
    expect(at(1, 'Likes')).toBeNull();
  });
});
