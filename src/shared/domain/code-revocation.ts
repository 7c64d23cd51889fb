import type { StoreOperation } from '../data/store';
import { codeLimits, type LimitedCode } from './discount-csv';

/**
 * Revoking a code and issuing its replacement, as one undoable change: the
 * new code points back at the old one, and both stay in the history. The old
 * code stays taken forever, since it may still be live in the store.
 */
export interface RevocableCode extends LimitedCode {
  id: string;
  campaignId: string | null;
  creatorId: string | null;
  engagementId: string | null;
  discount: { type: 'percent' | 'fixed'; value: number } | null;
  status: 'active' | 'revoked';
}

export interface Revocation {
  /** Why, for the history; needed when the code is still active. */
  reason: string;
  /** The replacement's text, or null to revoke without one. */
  replacement: string | null;
  rules: readonly { id: string; rule: { onePerCustomer: boolean } }[];
  at: string;
  replacementId: string;
}

/** `no-reason`: an active code is revoked only with a reason. `nothing-to-do`: a revoked code without a replacement. */
export type RevocationRefusal = 'no-reason' | 'nothing-to-do';

export type RevocationWrites = { ok: true; operations: StoreOperation[] } | { ok: false; refusal: RevocationRefusal };

export function revokeCodeWrites(code: RevocableCode, revocation: Revocation): RevocationWrites {
  const revoking = code.status === 'active';
  const reason = revocation.reason.trim();
  if (revoking && !reason) return { ok: false, refusal: 'no-reason' };
  if (!revoking && !revocation.replacement) return { ok: false, refusal: 'nothing-to-do' };
  const operations: StoreOperation[] = [];
  if (revoking) operations.push({ kind: 'update', collection: 'codes', id: code.id, patch: { status: 'revoked', revokedReason: reason, revokedAt: revocation.at } });
  if (revocation.replacement) {
    operations.push({
      kind: 'create', collection: 'codes', id: revocation.replacementId,
      input: {
        kind: 'discount', campaignId: code.campaignId, creatorId: code.creatorId, engagementId: code.engagementId, ruleId: code.ruleId, replacesId: code.id,
        code: revocation.replacement, discount: code.discount, ...codeLimits(code, revocation.rules),
      },
    });
  }
  return { ok: true, operations };
}
