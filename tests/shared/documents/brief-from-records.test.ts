import { describe, expect, it } from 'vitest';
import { briefTermsFrom, moodBoardFrom } from '../../../src/shared/documents/brief-from-records';
import { moneyFrom } from '../../../src/shared/domain/fields';

describe('a brief’s terms from the records', () => {
  it('takes every deliverable of creators with terms, leaves out those who declined, and keeps budget and fees as money text', () => {
    const names = new Map([['c1', 'Zoë'], ['c2', 'Hương'], ['c3', 'Ana']]);
    const d = (platform: string, dueOn: string | null) => ({ platform, format: 'reel', quantity: 1, dueOn, usageRights: '' });
    const terms = briefTermsFrom(
      { startsOn: '2026-03-01', endsOn: null, budget: moneyFrom(24000, 'USD'), notes: 'Hold 20% back' },
      [
        { creatorId: 'c1', terms: { fee: moneyFrom(1200, 'USD'), deliverables: [d('instagram', '2026-03-10'), d('tiktok', null)] } },
        { creatorId: 'c2', terms: null },
        { creatorId: 'c3', declinedAt: '2026-02-01T10:00:00Z', terms: { fee: moneyFrom(900, 'USD'), deliverables: [d('instagram', '2026-03-12')] } },
      ],
      (id) => names.get(id),
    );
    expect(terms.campaign).toEqual({ startsOn: '2026-03-01', endsOn: null, budget: '$24,000.00', notes: 'Hold 20% back' });
    expect(terms.deliverables.map((x) => [x.creatorName, x.platform, x.fee])).toEqual([['Zoë', 'instagram', '$1,200.00'], ['Zoë', 'tiktok', '$1,200.00']]);
  });

  it('keeps the mood board in the order chosen, captioned from notes, and counts pictures deleted since', () => {
    const assets = [
      { id: 'a', sha256: 'a'.repeat(64), fileName: 'a.jpg', notes: 'Golden hour\nshot by Zoë' },
      { id: 'b', sha256: 'b'.repeat(64), fileName: 'b.jpg', notes: '' },
    ];
    expect(moodBoardFrom(['b', 'gone', 'a'], assets)).toEqual({ pictures: [{ sha256: 'b'.repeat(64), caption: '' }, { sha256: 'a'.repeat(64), caption: 'Golden hour' }], gone: 1 });
  });
});
