import { csvText } from '../sheets/csv-write';
import { formatDay, type DayFormat } from './day-format';

/**
 * Codes as a file for Shopify's discount bulk import. Shopify's admin has no
 * CSV import for discounts; teams use the Matrixify app's "Discounts" sheet
 * (https://matrixify.app/documentation/discounts/): Title (the discount's
 * name in the admin), Command (NEW creates and fails on an existing code),
 * Code, Method (Code or Automatic), Type ("Amount off Order"), Value Type
 * ("Percentage" or "Fixed Amount"), Value (10 = 10%), Starts At, Ends At,
 * Limit Total Times, Limit One Use Per Customer. The file name must contain
 * "Discounts" for Matrixify to read a CSV as that sheet.
 */
export interface ExportCode {
  code: string;
  creatorName: string;
  campaignName: string;
  discount: { type: 'percent' | 'fixed'; value: number } | null;
  expiresOn: string | null;
  usageLimit: number | null;
  onePerCustomer: boolean;
  status: 'active' | 'revoked';
  /** When the code was issued (ISO instant): the discount starts then. */
  createdAt: string;
}

/** What limits a code: the screen shows and the export writes this one answer. */
export interface CodeLimits {
  expiresOn: string | null;
  usageLimit: number | null;
  onePerCustomer: boolean;
}

export interface LimitedCode {
  expiresOn: string | null;
  usageLimit: number | null;
  /** Stored on the code since it is issued; null on codes issued before that. */
  onePerCustomer: boolean | null;
  ruleId: string | null;
}

/**
 * A code's limits. A code issued before codes kept "once per customer"
 * takes its rule's setting, and without a rule, once per customer: what every
 * export wrote for such codes, so the shop already has them that way.
 */
export function codeLimits(code: LimitedCode, rules: readonly { id: string; rule: { onePerCustomer: boolean } }[]): CodeLimits {
  const onePerCustomer = code.onePerCustomer ?? rules.find((r) => r.id === code.ruleId)?.rule.onePerCustomer ?? true;
  return { expiresOn: code.expiresOn, usageLimit: code.usageLimit, onePerCustomer };
}

/** Limits in words for a table cell: "until 31 Mar · 50 uses · once per customer", or "No limits". */
export function describeLimits(limits: CodeLimits, format: DayFormat = {}): string {
  const parts = [
    limits.expiresOn ? `until ${formatDay(limits.expiresOn, format)}` : '',
    limits.usageLimit ? `${limits.usageLimit} use${limits.usageLimit === 1 ? '' : 's'} in all` : '',
    limits.onePerCustomer ? 'once per customer' : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No limits';
}

export const shopifyDiscountHeaders = [
  'Title', 'Command', 'Code', 'Method', 'Type', 'Value Type', 'Value', 'Starts At', 'Ends At', 'Limit Total Times', 'Limit One Use Per Customer',
] as const;

export interface DiscountExport {
  fileName: string;
  csv: string;
  rows: number;
  skipped: { code: string; creatorName: string; reason: string }[];
}

/** The end of the expiry day in UTC: a code "valid until 31 March" still works on the 31st. */
function endOfDay(date: string): string {
  return `${date}T23:59:59Z`;
}

export function exportDiscountCodes(codes: readonly ExportCode[], today: string): DiscountExport {
  const skipped: DiscountExport['skipped'] = [];
  const rows: (string | number | boolean)[][] = [];
  for (const c of codes) {
    if (c.status === 'revoked') {
      skipped.push({ code: c.code, creatorName: c.creatorName, reason: 'Revoked: delete it in the store instead of importing it' });
      continue;
    }
    if (!c.discount) {
      skipped.push({ code: c.code, creatorName: c.creatorName, reason: 'No discount set' });
      continue;
    }
    if (c.expiresOn && c.expiresOn < today) {
      skipped.push({ code: c.code, creatorName: c.creatorName, reason: `Expired on ${c.expiresOn}` });
      continue;
    }
    const title = [c.campaignName || 'Creator code', c.creatorName].filter(Boolean).join(' – ');
    rows.push([
      title, 'NEW', c.code, 'Code', 'Amount off Order', c.discount.type === 'percent' ? 'Percentage' : 'Fixed Amount',
      c.discount.type === 'percent' ? c.discount.value : c.discount.value.toFixed(2),
      c.createdAt, c.expiresOn ? endOfDay(c.expiresOn) : '', c.usageLimit ?? '', c.onePerCustomer,
    ]);
  }
  return { fileName: `creator-codes-discounts-${today}.csv`, csv: csvText(shopifyDiscountHeaders, rows), rows: rows.length, skipped };
}
