import { describeDiscount, type CodeRule } from '../code-rules';
import { exportTable, moneyAmount, type ExportColumn } from '../export-columns';
import type { Money } from '../fields';
import type { ExportTable } from '../table-export';
import { buildTrackedLink, utmFields, utmLabels, type Utm } from '../utm';

/** A discount code with the names the screen resolved for it. */
export interface ExportCode {
  code: string;
  status: 'active' | 'revoked';
  creatorName: string;
  campaignName: string;
  /** "15% off", as the list says it. */
  gives: string;
  discount: { type: 'percent' | 'fixed'; value: number } | null;
  expiresOn: string | null;
  usageLimit: number | null;
  /** As the Shopify file says it (discount-csv.ts `codeLimits`). */
  onePerCustomer: boolean;
  orders: number | null;
  revenue: Money | null;
  replaces: string;
  revokedReason: string;
}

/** The discount codes shown (campaign and status filters, in the list's order). */
export function buildCodesTable(rows: readonly ExportCode[], currency: string): ExportTable {
  const columns: ExportColumn<ExportCode>[] = [
    { header: 'Code', kind: 'text', value: (c) => c.code },
    { header: 'Status', kind: 'text', value: (c) => (c.status === 'revoked' ? 'Revoked' : 'Active') },
    { header: 'Creator', kind: 'text', value: (c) => c.creatorName },
    { header: 'Campaign', kind: 'text', value: (c) => c.campaignName },
    { header: 'Gives', kind: 'text', value: (c) => c.gives },
    { header: 'Percent off', kind: 'percent', value: (c) => (c.discount?.type === 'percent' ? c.discount.value / 100 : null) },
    { header: `Amount off (${currency})`, kind: 'money', value: (c) => (c.discount?.type === 'fixed' ? c.discount.value : null) },
    { header: 'Expires', kind: 'date', value: (c) => c.expiresOn },
    { header: 'Usage limit', kind: 'count', value: (c) => c.usageLimit },
    { header: 'Once per customer', kind: 'text', value: (c) => (c.onePerCustomer ? 'Yes' : 'No') },
    { header: 'Orders', kind: 'count', value: (c) => c.orders },
    { header: 'Revenue', kind: 'money', value: (c) => moneyAmount(c.revenue) },
    { header: 'Revenue currency', kind: 'text', value: (c) => c.revenue?.currency ?? '' },
    { header: 'Replaces', kind: 'text', value: (c) => c.replaces },
    { header: 'Revoked because', kind: 'text', value: (c) => c.revokedReason },
  ];
  return exportTable(rows, columns);
}

/** The code rules: each program's naming pattern and what its codes give. */
export function buildCodeRulesTable(rows: readonly { name: string; campaignName: string; rule: CodeRule }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Rule', kind: 'text', value: (r) => r.name },
    { header: 'Campaign', kind: 'text', value: (r) => r.campaignName },
    { header: 'Tier', kind: 'text', value: (r) => r.rule.tier },
    { header: 'Pattern', kind: 'text', value: (r) => r.rule.pattern },
    { header: 'Max length', kind: 'count', value: (r) => r.rule.maxLength },
    { header: 'Letters', kind: 'text', value: (r) => (r.rule.letterCase === 'upper' ? 'UPPER' : 'lower') },
    { header: 'Gives', kind: 'text', value: (r) => describeDiscount(r.rule) },
    { header: 'Expires', kind: 'date', value: (r) => r.rule.expiresOn },
    { header: 'Usage limit', kind: 'count', value: (r) => r.rule.usageLimit },
    { header: 'Once per customer', kind: 'text', value: (r) => (r.rule.onePerCustomer ? 'Yes' : 'No') },
  ]);
}

/** The saved tracked links: the full link, and each UTM part in a column of its own. */
export function buildLinksTable(rows: readonly { creatorName: string; campaignName: string; link: { baseUrl: string; utm: Utm } | null }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (l) => l.creatorName },
    { header: 'Campaign', kind: 'text', value: (l) => l.campaignName },
    { header: 'Tracked link', kind: 'text', value: (l) => (l.link ? buildTrackedLink(l.link.baseUrl, l.link.utm).url ?? '' : '') },
    { header: 'Page', kind: 'text', value: (l) => l.link?.baseUrl ?? '' },
    ...utmFields.map((field): ExportColumn<(typeof rows)[number]> => ({ header: utmLabels[field], kind: 'text', value: (l) => l.link?.utm[field] ?? '' })),
  ]);
}
