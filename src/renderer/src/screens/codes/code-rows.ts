import type { Money } from '../../../../shared/domain/fields';
import { readCodeRule, type CodeRule } from '../../../../shared/domain/code-rules';

export interface CodeRow {
  id: string;
  kind: 'discount' | 'link';
  campaignId: string | null;
  creatorId: string | null;
  engagementId: string | null;
  code: string;
  discount: { type: 'percent' | 'fixed'; value: number } | null;
  expiresOn: string | null;
  usageLimit: number | null;
  onePerCustomer: boolean | null;
  status: 'active' | 'revoked';
  revokedReason: string;
  revokedAt: string | null;
  replacesId: string | null;
  ruleId: string | null;
  link: { baseUrl: string; utm: { source: string; medium: string; campaign: string; content: string; term: string } } | null;
  orders: number | null;
  revenue: Money | null;
  createdAt: string;
  deletedAt: string | null;
}

export interface RuleSetting {
  id: string;
  kind: 'code-rule';
  name: string;
  data: Record<string, unknown>;
  deletedAt: string | null;
}

export interface SavedRule {
  id: string;
  name: string;
  rule: CodeRule;
}

export function savedRules(settings: readonly RuleSetting[] | null): SavedRule[] {
  return (settings ?? []).map((s) => ({ id: s.id, name: s.name, rule: readCodeRule(s.data) }));
}

export function describeCodeDiscount(discount: CodeRow['discount'], currency: string): string {
  if (!discount) return '—';
  return discount.type === 'percent' ? `${discount.value}% off` : `${new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(discount.value)} off`;
}
