import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../../src/shared/data/store';
import { issueCodesOperations } from '../../../../src/shared/domain/code-issuing';
import { codeRuleData } from '../../../../src/shared/domain/code-rules';

describe('issuing codes from a rule', () => {
  it('creates one code per creator with the rule’s discount and limits, typed codes in the rule’s letter case', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const rule = { id: 'rule-1', rule: codeRuleData.parse({ pattern: '{FIRSTNAME}{DISCOUNT}', discountValue: 20, letterCase: 'upper', usageLimit: 100, expiresOn: '2026-12-31', onePerCustomer: false }) };
    let n = 0;
    const ops = issueCodesOperations([{ creatorId: 'ana', code: 'ANA20' }, { creatorId: 'ben', code: 'benny20' }], rule, 'ca', (id) => (id === 'ana' ? 'en-ana' : null), () => `code-${++n}`);
    store.applyAll(ops);
    expect(store.get('codes', 'code-1')).toMatchObject({
      kind: 'discount', code: 'ANA20', creatorId: 'ana', campaignId: 'ca', engagementId: 'en-ana', ruleId: 'rule-1', status: 'active',
      discount: { type: 'percent', value: 20 }, usageLimit: 100, expiresOn: '2026-12-31', onePerCustomer: false,
    });
    expect(store.get('codes', 'code-2')).toMatchObject({ code: 'BENNY20', engagementId: null });
    store.undo();
    expect(store.get('codes', 'code-1')).toBeNull();
  });

  it('keeps a typed code as typed when the rule writes codes in lower case (the generator already did)', () => {
    const rule = { id: 'rule-1', rule: codeRuleData.parse({ pattern: '{FIRSTNAME}{DISCOUNT}', letterCase: 'lower' }) };
    expect(issueCodesOperations([{ creatorId: 'ana', code: 'Ana15' }], rule, null, () => null, () => 'c1')[0]).toMatchObject({ input: { code: 'Ana15' } });
  });
});
