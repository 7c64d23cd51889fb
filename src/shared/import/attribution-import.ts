import type { StoreOperation } from '../data/store';
import type { Cell, Table } from './types';
import { normalizeCode } from '../domain/code-generation';
import { findColumn } from '../domain/csv-text';
import { MICROS, type Money } from '../domain/fields';
import { count, money } from '../domain/number-fields';
import { readCellNumber, readMoneyCell, type NumberRead, type NumberSpec } from '../domain/number-reader';
import type { OrdersMode } from './metrics-import-changes';

/**
 * Orders and revenue per code, from the shop. Two shapes are read:
 * a report with one row per code (Shopify's "Sales by discount" report, an
 * affiliate platform's export: code, orders, sales), or an orders export with
 * one row per order or line item (Shopify's orders CSV: "Name", "Discount
 * Code", "Total"), which is counted here, each order once. Rows that cannot be
 * read are reported and skipped; codes the workspace does not have are
 * listed, not created. What the file changes is shown code by code before
 * → after, and the person chooses whether its orders add to the code's or
 * replace them (planAttributionChanges).
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

const REVENUE_AMOUNT = money('Revenue');
const ORDER_COUNT = count('Orders');

/** A blank cell in a shop's report is no sales; anything else is read by the app's one number reader. */
function readCell(raw: Cell, spec: NumberSpec): NumberRead {
  if (String(raw).trim() === '') return { ok: true, value: 0 };
  if (spec.kind !== 'money') return readCellNumber(raw, spec);
  // The currency column says which currency; a code or symbol in the cell itself is only read past.
  const read = readMoneyCell(raw, spec);
  return read.ok ? { ok: true, value: read.value } : read;
}

/** "$1,234.50", "1 234,50 €", "1234.5" → micros; null when it cannot be read for certain. */
export function parseMoneyMicros(raw: Cell): number | null {
  const read = readCell(raw, REVENUE_AMOUNT);
  return read.ok ? Math.round((read.value ?? 0) * MICROS) : null;
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
    const revenueRead = col.revenue >= 0 ? readCell(at(col.revenue), REVENUE_AMOUNT) : { ok: true as const, value: 0 };
    if (!revenueRead.ok) {
      bad.push({ row: rowNumber, reason: `${table.headers[col.revenue]}: ${revenueRead.reason}` });
      return;
    }
    const revenue = Math.round((revenueRead.value ?? 0) * MICROS);
    let orders = 1;
    if (shape === 'per-code') {
      const read = readCell(at(col.orders), ORDER_COUNT);
      if (!read.ok) {
        bad.push({ row: rowNumber, reason: `${table.headers[col.orders]}: ${read.reason}` });
        return;
      }
      orders = read.value ?? 0;
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

/** A code's figures as they are now. */
export interface CodeFigures {
  id: string;
  orders: number | null;
  revenue: Money | null;
}

export interface CodeChange {
  codeId: string;
  code: string;
  creatorName: string;
  before: { orders: number | null; revenue: Money | null };
  /** null while the person has not chosen add or replace, or when the change is refused (see `problem`). */
  after: { orders: number; revenue: Money } | null;
  problem: string | null;
}

/** Whether the person must choose "add to" or "replace": only when a matched code already has figures. */
export function attributionNeedsChoice(plan: AttributionPlan, current: readonly CodeFigures[]): boolean {
  const byId = new Map(current.map((c) => [c.id, c]));
  return plan.totals.some((t) => byId.get(t.codeId)?.orders != null || byId.get(t.codeId)?.revenue != null);
}

/**
 * Each code's figures before → after. "add" adds the file's orders and
 * revenue to the code's (a file of new orders since the last import);
 * "replace" takes the file's totals (a report of every order so far).
 */
export function planAttributionChanges(plan: AttributionPlan, current: readonly CodeFigures[], mode: OrdersMode | null): CodeChange[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  return plan.totals.map((t) => {
    const now = byId.get(t.codeId);
    const before = { orders: now?.orders ?? null, revenue: now?.revenue ?? null };
    const file = { orders: t.orders, revenue: { amountMicros: t.revenueMicros, currency: plan.currency } };
    const change: CodeChange = { codeId: t.codeId, code: t.code, creatorName: t.creatorName, before, after: null, problem: null };
    const hasFigures = before.orders != null || before.revenue != null;
    if (!hasFigures || mode === 'replace') change.after = file;
    else if (!mode) change.problem = 'Choose whether the file’s orders are added to the code’s or replace them.';
    else if (before.revenue && before.revenue.currency !== plan.currency && before.revenue.amountMicros > 0) {
      change.problem = `The code’s revenue is in ${before.revenue.currency} and the file is in ${plan.currency}: they cannot be added. Choose “replace”, or export the file in ${before.revenue.currency}.`;
    } else {
      change.after = { orders: (before.orders ?? 0) + file.orders, revenue: { amountMicros: (before.revenue?.amountMicros ?? 0) + file.revenue.amountMicros, currency: plan.currency } };
    }
    return change;
  });
}

/** The writes: only codes whose figures change. */
export function attributionOperations(changes: readonly CodeChange[]): StoreOperation[] {
  return changes
    .filter((c) => c.after && (c.after.orders !== c.before.orders || c.after.revenue.amountMicros !== c.before.revenue?.amountMicros || c.after.revenue.currency !== c.before.revenue?.currency))
    .map((c) => ({ kind: 'update', collection: 'codes', id: c.codeId, patch: { orders: c.after!.orders, revenue: c.after!.revenue } }));
}
