import { describe, expect, it } from 'vitest';
import { plainRow } from '../../../src/renderer/src/hooks/use-rx-query';

describe('plainRow', () => {
  it('keeps every field of the record and none of RxDB’s own', () => {
    const stored = { id: 'c1', name: 'Zoë', accounts: [{ handle: 'zoe' }], deletedAt: null, _rev: '3-abc', _meta: { lwt: 1 }, _deleted: false, _attachments: {} };
    const row = plainRow(stored);
    expect(row).toEqual({ id: 'c1', name: 'Zoë', accounts: [{ handle: 'zoe' }], deletedAt: null });
    // Shared, not copied: rows are read-only views of the stored record.
    expect(row.accounts).toBe(stored.accounts);
  });
});
