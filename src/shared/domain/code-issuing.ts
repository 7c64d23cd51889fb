import type { StoreOperation } from '../data/store';
import type { CodeRule } from './code-rules';

/** A code to issue: the generated one, or the one the person typed instead. */
export interface IssuedCode {
  creatorId: string;
  code: string;
}

/**
 * New discount codes from a rule, one per creator, as one undoable change.
 * Each keeps the rule's discount and limits as they are today, so editing
 * the rule later does not change codes already live in the store.
 */
export function issueCodesOperations(
  codes: readonly IssuedCode[],
  rule: { id: string; rule: Pick<CodeRule, 'letterCase' | 'discountType' | 'discountValue' | 'expiresOn' | 'usageLimit' | 'onePerCustomer'> },
  campaignId: string | null,
  engagementOf: (creatorId: string) => string | null,
  newId: () => string,
): StoreOperation[] {
  const r = rule.rule;
  return codes.map((c) => ({
    kind: 'create', collection: 'codes', id: newId(),
    input: {
      kind: 'discount', campaignId, creatorId: c.creatorId, engagementId: engagementOf(c.creatorId),
      ruleId: rule.id, code: r.letterCase === 'upper' ? c.code.toUpperCase() : c.code,
      discount: { type: r.discountType, value: r.discountValue }, expiresOn: r.expiresOn, usageLimit: r.usageLimit, onePerCustomer: r.onePerCustomer,
    },
  }));
}
