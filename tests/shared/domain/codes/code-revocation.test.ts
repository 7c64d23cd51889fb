import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../../src/shared/data/store';
import { revokeCodeWrites, type RevocableCode } from '../../../../src/shared/domain/code-revocation';

const at = '2026-11-05T10:00:00.000Z';

function issued() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
  const record = store.create('codes', {
    kind: 'discount', code: 'ZOE15', creatorId: 'cr-1', campaignId: 'ca-1', ruleId: 'rule-1', discount: { type: 'percent', value: 15 }, expiresOn: '2026-12-31', usageLimit: 50,
  });
  const code = store.get('codes', record.id)! as unknown as RevocableCode;
  return { store, code };
}

describe('revoking a code', () => {
  it('revokes with the reason and issues the replacement with the same discount and limits, pointing back, in one undoable change', () => {
    const { store, code } = issued();
    const writes = revokeCodeWrites(code, { reason: ' Leaked on a coupon site ', replacement: 'ZOE15B', rules: [{ id: 'rule-1', rule: { onePerCustomer: false } }], at, replacementId: 'code-2' });
    expect(writes.ok).toBe(true);
    store.applyAll(writes.ok ? writes.operations : []);
    expect(store.get('codes', code.id)).toMatchObject({ status: 'revoked', revokedReason: 'Leaked on a coupon site', revokedAt: at });
    expect(store.get('codes', 'code-2')).toMatchObject({
      code: 'ZOE15B', status: 'active', replacesId: code.id, creatorId: 'cr-1', campaignId: 'ca-1', ruleId: 'rule-1',
      discount: { type: 'percent', value: 15 }, expiresOn: '2026-12-31', usageLimit: 50, onePerCustomer: false,
    });
    expect(store.undo()).toBe(true);
    expect(store.get('codes', code.id)).toMatchObject({ status: 'active' });
    expect(store.get('codes', 'code-2')).toBeNull();
  });

  it('revokes without a replacement when none is wanted', () => {
    const { code } = issued();
    const writes = revokeCodeWrites(code, { reason: 'Creator left the program', replacement: null, rules: [], at, replacementId: 'code-2' });
    expect(writes.ok && writes.operations.map((o) => o.kind)).toEqual(['update']);
  });

  it('issues only the replacement for a code revoked earlier', () => {
    const { store, code } = issued();
    store.update('codes', code.id, { status: 'revoked', revokedReason: 'Wrong discount', revokedAt: at });
    const writes = revokeCodeWrites({ ...code, status: 'revoked' }, { reason: '', replacement: 'ZOE15B', rules: [], at, replacementId: 'code-2' });
    expect(writes.ok && writes.operations.map((o) => `${o.kind} ${o.collection}`)).toEqual(['create codes']);
  });

  it('refuses, with a code, an active code without a reason and a revoked one without a replacement', () => {
    const { code } = issued();
    expect(revokeCodeWrites(code, { reason: '  ', replacement: 'ZOE15B', rules: [], at, replacementId: 'code-2' })).toEqual({ ok: false, refusal: 'no-reason' });
    expect(revokeCodeWrites({ ...code, status: 'revoked' }, { reason: '', replacement: null, rules: [], at, replacementId: 'code-2' })).toEqual({ ok: false, refusal: 'nothing-to-do' });
  });
});
