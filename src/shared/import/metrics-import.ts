import { moneyFrom, type Money } from '../domain/fields';
import { money } from '../domain/number-fields';
import { readMoneyCell } from '../domain/number-reader';
import { parseCount } from './numbers';
import type { Cell, Table } from './types';
import { parsePostUrl } from '../domain/post-url';
import { csvText } from '../sheets/csv-write';

/**
 * Post metrics from people and files: typed into the grid, pasted from a
 * spreadsheet, or imported from a CSV (Fanfare's generic layout, or an
 * impact.com action listing). Whatever cannot be read is reported with its
 * row, column and reason and skipped whole: a row is never half-imported.
 */
export const countMetrics = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders'] as const;
export type CountMetric = (typeof countMetrics)[number];
export type MetricKey = CountMetric | 'revenue';
export const metricKeys: readonly MetricKey[] = [...countMetrics, 'revenue'];

export const metricLabels: Record<MetricKey, string> = {
  impressions: 'Impressions', reach: 'Reach', views: 'Views', likes: 'Likes', comments: 'Comments', shares: 'Shares',
  saves: 'Saves', clicks: 'Clicks', orders: 'Orders', revenue: 'Revenue',
};

export type MetricValues = { [K in CountMetric]: number | null } & { revenue: Money | null };

export type MetricsSource = 'manual' | 'screenshot' | 'csv-import';

/** Where a snapshot's numbers came from, as a post's history and its export say it. */
export const metricsSourceLabels: Record<MetricsSource, string> = { manual: 'typed', screenshot: 'from a screenshot', 'csv-import': 'imported' };

export interface SnapshotLike extends Partial<MetricValues> {
  at: string;
  source?: MetricsSource;
}

export function emptyValues(): MetricValues {
  return { impressions: null, reach: null, views: null, likes: null, comments: null, shares: null, saves: null, clicks: null, orders: null, revenue: null };
}

/**
 * A new snapshot keeps the post's running totals: what the new numbers do not
 * say (an empty cell, a column the file does not have) is carried from the
 * latest snapshot, so "the latest snapshot" always holds everything known.
 */
export function carryForward(previous: Partial<MetricValues> | null, next: Partial<MetricValues>): MetricValues {
  const out = emptyValues();
  for (const key of metricKeys) {
    const value = next[key] ?? previous?.[key] ?? null;
    (out as Record<MetricKey, unknown>)[key] = value;
  }
  return out;
}

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };

export function parseMetricCount(raw: Cell, key: CountMetric): CellResult<number> {
  const result = parseCount(raw, metricLabels[key]);
  return result.ok ? { ok: true, value: result.value } : { ok: false, reason: result.reason };
}

export function parseAmount(raw: Cell, defaultCurrency: string): CellResult<Money> {
  const read = readMoneyCell(raw, REVENUE);
  return read.ok ? { ok: true, value: read.value == null ? null : moneyFrom(read.value, read.currency ?? defaultCurrency) } : read;
}

/** Revenue is money: never negative, at most two decimals (the one reader refuses more rather than rounding). */
const REVENUE = money('Revenue');

/** A block copied from Excel, Numbers or Google Sheets: rows by line, cells by tab. */
export function parsePastedGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

export interface GridPasteProblem {
  row: number;
  column: MetricKey;
  reason: string;
}

/**
 * Where a pasted block lands in the grid: starting at the focused cell, one
 * post per row and one metric per column, cut at the grid's edges. Values
 * that are not numbers are reported and left out; the others go in.
 */
export function pasteIntoGrid(
  block: string[][], startRow: number, startColumn: number, columns: readonly MetricKey[], rowCount: number, currency: string,
): { cells: { row: number; column: MetricKey; value: number | Money | null }[]; problems: GridPasteProblem[]; cutOff: boolean } {
  const cells: { row: number; column: MetricKey; value: number | Money | null }[] = [];
  const problems: GridPasteProblem[] = [];
  let cutOff = false;
  block.forEach((line, r) => {
    line.forEach((raw, c) => {
      const row = startRow + r;
      const column = columns[startColumn + c];
      if (row >= rowCount || !column) {
        if (raw.trim()) cutOff = true;
        return;
      }
      const parsed = column === 'revenue' ? parseAmount(raw, currency) : parseMetricCount(raw, column);
      if (parsed.ok) cells.push({ row, column, value: parsed.value });
      else problems.push({ row, column, reason: parsed.reason });
    });
  });
  return { cells, problems, cutOff };
}

/** The posts an import can match rows to. */
export interface PostForImport {
  id: string;
  creatorId: string;
  campaignId: string | null;
  url: string;
  platform: string | null;
  platformPostId: string;
  postedAt: string | null;
}

export interface ImportProblem {
  /** The row as a spreadsheet app numbers it (the header is row 1). */
  row: number;
  column: string;
  reason: string;
}

export interface PlannedSnapshot {
  contentId: string;
  at: string;
  values: Partial<MetricValues>;
  /** File rows that made this snapshot. */
  rows: number[];
}

export interface ImportPlan {
  layout: MetricsLayout;
  snapshots: PlannedSnapshot[];
  problems: ImportProblem[];
  /** Rows read in all (not counting empty ones). */
  rowsRead: number;
}

export type MetricsLayout = 'generic' | 'impact';

export const layoutLabels: Record<MetricsLayout, string> = {
  generic: 'Fanfare metrics sheet (one row per post)',
  impact: 'impact.com action listing (one row per order)',
};

function norm(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const genericAliases: Record<MetricKey | 'url' | 'postId' | 'date' | 'currency', string[]> = {
  url: ['posturl', 'url', 'link', 'postlink', 'permalink'],
  postId: ['postid', 'mediaid', 'videoid', 'tweetid', 'pinid'],
  date: ['date', 'measuredat', 'asof', 'snapshotdate', 'reportdate', 'day'],
  currency: ['currency'],
  impressions: ['impressions'],
  reach: ['reach', 'accountsreached', 'uniqueviewers'],
  views: ['views', 'videoviews', 'plays', 'videoplays'],
  likes: ['likes', 'reactions', 'hearts'],
  comments: ['comments', 'replies'],
  shares: ['shares', 'reposts', 'retweets', 'sends'],
  saves: ['saves', 'bookmarks', 'saved'],
  clicks: ['clicks', 'linkclicks', 'stickertaps', 'linkstickertaps', 'outboundclicks'],
  orders: ['orders', 'conversions', 'purchases', 'sales'],
  revenue: ['revenue', 'salesamount', 'salesrevenue', 'gmv'],
};

/**
 * impact.com's Action Listing report (Reports → Listing; download as CSV)
 * and its Action Feed name the same things slightly differently: the
 * report says "Action Id", "Action Date", "Sale Amount", "Sub Id 1",
 * "Referring URL"; the feed says ActionId, EventDate, Amount, SubId1,
 * ReferringURL, MediaPartnerName. Both are read.
 * Sources: https://impact-helpdesk.freshdesk.com/en/support/solutions/articles/155000002735
 * and https://help.impact.com/en/support/solutions/articles/48001238358 (Action Feed fields).
 */
const impactAliases = {
  actionId: ['actionid', 'id'],
  date: ['actiondate', 'eventdate', 'creationdate', 'date'],
  amount: ['saleamount', 'amount'],
  currency: ['currency', 'originalcurrency'],
  partner: ['partner', 'mediapartner', 'mediapartnername', 'partnername'],
  promoCode: ['promocode', 'couponcode', 'promocodes'],
  subId: ['subid1', 'subid', 'sharedid', 'subid2', 'subid3'],
  referringUrl: ['referringurl', 'referralurl', 'landingpage', 'landingpageurl'],
  state: ['state', 'actionstatus', 'status'],
};

function findColumn(headers: readonly string[], aliases: readonly string[]): number {
  const normalised = headers.map(norm);
  for (const alias of aliases) {
    const at = normalised.indexOf(alias);
    if (at >= 0) return at;
  }
  return -1;
}

function findColumns(headers: readonly string[], aliases: readonly string[]): number[] {
  const normalised = headers.map(norm);
  return aliases.map((a) => normalised.indexOf(a)).filter((i) => i >= 0);
}

export function detectLayout(headers: readonly string[]): MetricsLayout | null {
  const has = (aliases: readonly string[]) => findColumn(headers, aliases) >= 0;
  if (has(['actionid']) && has(impactAliases.amount)) return 'impact';
  if ((has(genericAliases.url) || has(genericAliases.postId)) && metricKeys.some((k) => has(genericAliases[k]))) return 'generic';
  return null;
}

/** "2026-11-01", "2026-11-01 14:03", "11/01/2026", an ISO instant: a date-only value is read as noon UTC so it shows as that day everywhere. */
export function parseMetricDate(raw: Cell): CellResult<string> {
  if (typeof raw === 'number') {
    // Excel serial day numbers (days since 1899-12-30).
    if (raw > 20_000 && raw < 80_000) return { ok: true, value: new Date(Math.round((raw - 25_569) * 86_400_000)).toISOString() };
    return { ok: false, reason: `${raw} is not a date.` };
  }
  const text = raw.trim();
  if (!text) return { ok: true, value: null };
  let m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) return validDate(+m[1], +m[2], +m[3], text);
  m = text.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ? (m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z'}`;
    const time = Date.parse(iso);
    return Number.isNaN(time) ? { ok: false, reason: `“${text}” is not a date.` } : { ok: true, value: new Date(time).toISOString() };
  }
  m = text.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?$/i);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    // 03/04/2026 is 3 April in Europe and 4 March in the US: refuse to guess unless one reading is impossible.
    if (a <= 12 && b <= 12 && a !== b) return { ok: false, reason: `“${text}” could be ${a}/${b} or ${b}/${a}: write dates as 2026-04-03.` };
    return a > 12 ? validDate(+m[3], b, a, text) : validDate(+m[3], a, b, text);
  }
  return { ok: false, reason: `“${text}” is not a date (write it as 2026-11-01).` };
}

function validDate(y: number, mo: number, d: number, text: string): CellResult<string> {
  const date = new Date(Date.UTC(y, mo - 1, d, 12));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, reason: `“${text}” is not a day on the calendar.` };
  return { ok: true, value: date.toISOString() };
}

function postFinder(posts: readonly PostForImport[]) {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const byPlatformId = new Map<string, PostForImport>();
  const byUrl = new Map<string, PostForImport>();
  for (const p of posts) {
    if (p.platform && p.platformPostId) byPlatformId.set(`${p.platform}:${p.platformPostId}`, p);
    const parsed = p.url ? parsePostUrl(p.url) : null;
    if (parsed?.ok && parsed.postId) byPlatformId.set(`${parsed.platform}:${parsed.postId}`, p);
    if (p.url) byUrl.set(p.url.replace(/\/+$/, '').toLowerCase(), p);
  }
  const byBareId = new Map<string, PostForImport[]>();
  for (const [key, p] of byPlatformId) {
    const bare = key.slice(key.indexOf(':') + 1);
    byBareId.set(bare, [...(byBareId.get(bare) ?? []), p]);
  }
  return (text: string): PostForImport | null => {
    const value = text.trim();
    if (!value) return null;
    const direct = byId.get(value) ?? byUrl.get(value.replace(/\/+$/, '').toLowerCase());
    if (direct) return direct;
    const parsed = parsePostUrl(value);
    if (parsed.ok && parsed.postId) return byPlatformId.get(`${parsed.platform}:${parsed.postId}`) ?? null;
    const bare = byBareId.get(value);
    return bare && new Set(bare.map((b) => b.id)).size === 1 ? bare[0] : null;
  };
}

/** The generic layout: one row per post per day; each row is one snapshot. */
export function planGenericImport(table: Table, posts: readonly PostForImport[], options: { currency: string; now: string }): ImportPlan {
  const find = postFinder(posts);
  const urlCol = findColumn(table.headers, genericAliases.url);
  const idCol = findColumn(table.headers, genericAliases.postId);
  const dateCol = findColumn(table.headers, genericAliases.date);
  const currencyCol = findColumn(table.headers, genericAliases.currency);
  const metricCols = metricKeys.map((key) => ({ key, col: findColumn(table.headers, genericAliases[key]) })).filter((m) => m.col >= 0);
  const problems: ImportProblem[] = table.broken.map((b) => ({ row: b.row, column: '', reason: b.reason }));
  const snapshots: PlannedSnapshot[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i];
    if (cells.every((c) => String(c).trim() === '')) return;
    rowsRead++;
    const rowProblems: ImportProblem[] = [];
    const link = urlCol >= 0 ? String(cells[urlCol] ?? '') : '';
    const postId = idCol >= 0 ? String(cells[idCol] ?? '') : '';
    const post = find(link) ?? find(postId);
    if (!post) {
      const what = link.trim() || postId.trim();
      rowProblems.push({ row, column: table.headers[urlCol >= 0 ? urlCol : idCol] ?? 'Post URL', reason: what ? `No logged post matches “${what}”. Log the post first, then import again.` : 'The row names no post (no link and no post id).' });
    }
    const date = dateCol >= 0 ? parseMetricDate(cells[dateCol] ?? '') : { ok: true as const, value: null };
    if (!date.ok) rowProblems.push({ row, column: table.headers[dateCol], reason: date.reason });
    const currency = currencyCol >= 0 && /^[A-Za-z]{3}$/.test(String(cells[currencyCol] ?? '').trim()) ? String(cells[currencyCol]).trim().toUpperCase() : options.currency;
    const values: Partial<MetricValues> = {};
    for (const { key, col } of metricCols) {
      const raw = cells[col] ?? '';
      const parsed = key === 'revenue' ? parseAmount(raw, currency) : parseMetricCount(raw, key);
      if (!parsed.ok) rowProblems.push({ row, column: table.headers[col], reason: parsed.reason });
      else if (parsed.value !== null) (values as Record<string, unknown>)[key] = parsed.value;
    }
    if (rowProblems.length === 0 && Object.keys(values).length === 0) rowProblems.push({ row, column: '', reason: 'The row has no numbers.' });
    if (rowProblems.length) {
      problems.push(...rowProblems);
      return;
    }
    const at = (date.ok && date.value) || options.now;
    const key = `${post!.id}|${at}`;
    if (seen.has(key)) {
      problems.push({ row, column: '', reason: `Row ${seen.get(key)} already has this post’s numbers for the same date; this row was skipped.` });
      return;
    }
    seen.set(key, row);
    snapshots.push({ contentId: post!.id, at, values, rows: [row] });
  });
  return { layout: 'generic', snapshots, problems, rowsRead };
}

export interface AffiliateMatchers {
  /** Promo code (any case) → creator id, from the workspace's codes. */
  codeToCreator: ReadonlyMap<string, string>;
  /** Partner name or handle (lower case, no @) → creator id. */
  partnerToCreator: ReadonlyMap<string, string>;
}

const REVERSED = /^(reversed|rejected|declined|denied|cancell?ed|returned)$/i;

/**
 * impact.com: one row per order. Each order is matched to a post by the
 * referring URL or sub id when they name one; otherwise to the creator (by
 * promo code, then partner name) and to their post in the campaign closest
 * before the order. Orders are counted and sale amounts summed per post.
 * Whether they are added to the post's orders or replace them is the
 * person's choice (metrics-import-changes.ts): a file of this week's orders
 * adds, a file of every order since the post replaces. Reversed orders are
 * not counted.
 */
export function planAffiliateImport(table: Table, posts: readonly PostForImport[], matchers: AffiliateMatchers, options: { currency: string; now: string }): ImportPlan {
  const find = postFinder(posts);
  const col = Object.fromEntries(Object.entries(impactAliases).map(([k, aliases]) => [k, findColumn(table.headers, aliases)])) as Record<keyof typeof impactAliases, number>;
  const subCols = findColumns(table.headers, impactAliases.subId);
  const problems: ImportProblem[] = table.broken.map((b) => ({ row: b.row, column: '', reason: b.reason }));
  const totals = new Map<string, { orders: number; revenue: Money | null; rows: number[] }>();
  const seenActions = new Map<string, number>();
  let rowsRead = 0;
  const postsOf = (creatorId: string) => posts.filter((p) => p.creatorId === creatorId);
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i];
    if (cells.every((c) => String(c).trim() === '')) return;
    rowsRead++;
    const text = (c: number) => (c >= 0 ? String(cells[c] ?? '').trim() : '');
    const actionId = text(col.actionId);
    if (actionId && seenActions.has(actionId)) {
      problems.push({ row, column: table.headers[col.actionId], reason: `Order ${actionId} is also on row ${seenActions.get(actionId)}; it was counted once.` });
      return;
    }
    if (REVERSED.test(text(col.state))) {
      problems.push({ row, column: table.headers[col.state], reason: `The order was ${text(col.state).toLowerCase()}: not counted.` });
      return;
    }
    const currency = /^[A-Za-z]{3}$/.test(text(col.currency)) ? text(col.currency).toUpperCase() : options.currency;
    const amount = parseAmount(col.amount >= 0 ? cells[col.amount] ?? '' : '', currency);
    if (!amount.ok) {
      problems.push({ row, column: table.headers[col.amount], reason: amount.reason });
      return;
    }
    const date = col.date >= 0 ? parseMetricDate(cells[col.date] ?? '') : { ok: true as const, value: null };
    if (!date.ok) {
      problems.push({ row, column: table.headers[col.date], reason: date.reason });
      return;
    }
    let post = find(text(col.referringUrl));
    for (const c of subCols) post ??= find(text(c));
    if (!post) {
      const code = text(col.promoCode).toLowerCase();
      const partner = text(col.partner).toLowerCase().replace(/^@/, '');
      const creatorId = (code && matchers.codeToCreator.get(code)) || (partner && matchers.partnerToCreator.get(partner)) || null;
      if (creatorId) {
        const theirs = postsOf(creatorId).filter((p) => p.postedAt).sort((a, b) => (a.postedAt! < b.postedAt! ? 1 : -1));
        const orderAt = date.value ?? options.now;
        post = theirs.find((p) => p.postedAt! <= orderAt) ?? theirs[theirs.length - 1] ?? null;
        if (!post) {
          problems.push({ row, column: table.headers[col.promoCode >= 0 && code ? col.promoCode : col.partner] ?? '', reason: 'This creator has no post logged yet: log their post, then import again.' });
          return;
        }
      }
    }
    if (!post) {
      const named = [text(col.promoCode) && `code ${text(col.promoCode)}`, text(col.partner) && `partner ${text(col.partner)}`].filter(Boolean).join(', ');
      problems.push({ row, column: '', reason: named ? `No creator or post matches ${named}.` : 'The row names no post, code or partner to match.' });
      return;
    }
    const total = totals.get(post.id) ?? { orders: 0, revenue: null, rows: [] };
    if (amount.value && total.revenue && total.revenue.currency !== amount.value.currency) {
      problems.push({ row, column: table.headers[col.currency] ?? table.headers[col.amount], reason: `This order is in ${amount.value.currency}; the post’s other orders are in ${total.revenue.currency}. Convert it and import again.` });
      return;
    }
    if (actionId) seenActions.set(actionId, row);
    total.orders += 1;
    if (amount.value) total.revenue = { amountMicros: (total.revenue?.amountMicros ?? 0) + amount.value.amountMicros, currency: amount.value.currency };
    total.rows.push(row);
    totals.set(post.id, total);
  });
  const snapshots = [...totals].map(([contentId, t]) => ({ contentId, at: options.now, values: { orders: t.orders, revenue: t.revenue }, rows: t.rows }));
  return { layout: 'impact', snapshots, problems, rowsRead };
}

/** The problems as a CSV for the person to fix and import again. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  return csvText(['Row', 'Column', 'Problem'], problems.map((p) => [p.row, p.column, p.reason]));
}
