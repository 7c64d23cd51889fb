import type { Cell, Table } from '../import/types';
import { findColumn } from './csv-text';
import { MICROS } from './fields';
import { normalizeCode } from './code-generation';

/**
 * Orders and revenue per code, from the shop. Two shapes are read:
 * a report with one row per code (Shopify's "Sales by discount" report, an
 * affiliate platform's export: code, orders, sales), or an orders export with
 * one row per order or line item (Shopify's orders CSV: "Name", "Discount
 * Code", "Total"), which is counted here, each order once. Rows that cannot be
 * read are reported and skipped; codes the workspace does not have are
 * listed, not created.
 */
export interface AttributableCode {
  id: string;
  code: string;
  creatorName: string;
}

export interface CodeTotals {
  codeId: string;
  code: string;
  creatorName: string;
  orders: number;
  revenueMicros: number;
}

export interface AttributionPlan {
  shape: 'per-code' | 'per-order';
  currency: string;
  totals: CodeTotals[];
  unknownCodes: { code: string; rows: number[] }[];
  bad: { row: number; reason: string }[];
}

export class AttributionFileError extends Error {}

const CODE = ['Discount Code', 'Discount code', 'Code', 'discount_code', 'Coupon', 'Coupon Code', 'Promo Code', 'Discount name', 'Discount'];
const ORDERS = ['Orders', 'Order Count', 'orders_count', 'Number of orders', 'Total orders', 'Conversions', 'Uses', 'Usage Count'];
const REVENUE = ['Total sales', 'Revenue', 'Net sales', 'Sales', 'Gross sales', 'Total', 'Order Total', 'total_revenue', 'Amount'];
const ORDER_ID = ['Name', 'Order', 'Order Name', 'Order Number', 'Order ID', 'order_id', 'Id'];
const CURRENCY = ['Currency'];

/** "$1,234.50", "1 234,50 €", "1234.5" → micros; null when it cannot be read for certain. */
export function parseMoneyMicros(raw: Cell): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? Math.round(raw * MICROS) : null;
  let text = raw.replace(/\b[A-Z]{3}\b/g, '').replace(/[\s\u00a0$€£¥]|zł/g, '');
  if (!text) return 0;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text) || /^\d+,\d{1,2}$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * MICROS);
}

function count(raw: Cell): number | null {
  const text = String(raw).replace(/[\s,]/g, '');
  if (!text) return 0;
  return /^\d+$/.test(text) ? Number(text) : null;
}

export function planAttributionImport(table: Table, codes: readonly AttributableCode[], fallbackCurrency: string): AttributionPlan {
  const col = {
    code: findColumn(table.headers, CODE), orders: findColumn(table.headers, ORDERS), revenue: findColumn(table.headers, REVENUE),
    order: findColumn(table.headers, ORDER_ID), currency: findColumn(table.headers, CURRENCY),
  };
  if (col.code < 0) throw new AttributionFileError(`No discount code column found. The file's columns are: ${table.headers.filter(Boolean).join(', ')}. Name one “Discount Code”.`);
  if (col.revenue < 0 && col.orders < 0) throw new AttributionFileError('No orders or sales column found: the file needs “Orders”, or “Total sales” / “Total” per order.');
  const shape: AttributionPlan['shape'] = col.orders >= 0 ? 'per-code' : 'per-order';
  const byCode = new Map(codes.map((c) => [normalizeCode(c.code), c]));
  const totals = new Map<string, CodeTotals>();
  const unknown = new Map<string, number[]>();
  const bad: AttributionPlan['bad'] = table.broken.map((b) => ({ row: b.row, reason: b.reason }));
  const seenOrders = new Set<string>();
  const currencies = new Set<string>();

  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i];
    const at = (index: number): Cell => (index < 0 ? '' : row[index] ?? '');
    // An order with several codes lists them comma-separated in Shopify's export; each gets the order.
    const rawCodes = String(at(col.code)).split(',').map((c) => c.trim()).filter(Boolean);
    if (!rawCodes.length) return;
    const revenue = col.revenue >= 0 ? parseMoneyMicros(at(col.revenue)) : 0;
    if (revenue === null) {
      bad.push({ row: rowNumber, reason: `“${at(col.revenue)}” in ${table.headers[col.revenue]} is not an amount` });
      return;
    }
    let orders = 1;
    if (shape === 'per-code') {
      const n = count(at(col.orders));
      if (n === null) {
        bad.push({ row: rowNumber, reason: `“${at(col.orders)}” in ${table.headers[col.orders]} is not a whole number` });
        return;
      }
      orders = n;
    } else {
      // Line-item rows repeat the order: count it, and its total, once.
      const orderId = String(at(col.order)).trim();
      if (orderId) {
        if (seenOrders.has(orderId)) return;
        seenOrders.add(orderId);
      }
    }
    const currency = String(at(col.currency)).trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(currency)) currencies.add(currency);
    for (const raw of rawCodes) {
      const code = byCode.get(normalizeCode(raw));
      if (!code) {
        unknown.set(normalizeCode(raw), [...(unknown.get(normalizeCode(raw)) ?? []), rowNumber]);
        continue;
      }
      const t = totals.get(code.id) ?? { codeId: code.id, code: code.code, creatorName: code.creatorName, orders: 0, revenueMicros: 0 };
      t.orders += orders;
      t.revenueMicros += revenue;
      totals.set(code.id, t);
    }
  });
  if (currencies.size > 1) throw new AttributionFileError(`The file mixes currencies (${[...currencies].join(', ')}); export one currency at a time.`);
  return {
    shape, currency: [...currencies][0] ?? fallbackCurrency,
    totals: [...totals.values()].sort((a, b) => b.revenueMicros - a.revenueMicros),
    unknownCodes: [...unknown.entries()].map(([code, rows]) => ({ code, rows })),
    bad: bad.sort((a, b) => a.row - b.row),
  };
}
