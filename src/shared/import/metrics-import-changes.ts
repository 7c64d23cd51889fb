import type { StoreOperation } from '../data/store';
import { latestSnapshot } from '../domain/engagement-rate';
import type { Money } from '../domain/fields';
import { checkPlausibility, type PlausibilityIssue } from '../domain/metric-plausibility';
import { carryForward, metricKeys, type ImportPlan, type MetricKey, type MetricValues, type SnapshotLike } from './metrics-import';

/**
 * What a metrics import will change, post by post, before anything is
 * written: the current figures before → after, the snapshots it adds to the
 * post's history (an older one is kept there and changes nothing current),
 * figures that cannot all be true, and, for affiliate orders and revenue,
 * whether the file's orders are added to the post's or replace them.
 */
export type OrdersMode = 'add' | 'replace';

export const ordersModeLabels: Record<OrdersMode, string> = {
  add: 'Add to the orders already logged',
  replace: 'Replace them with the file’s totals',
};

/** A post as the import sees it: its snapshots so far. */
export interface PostMetrics {
  id: string;
  metrics: readonly (SnapshotLike & { implausibleConfirmed?: boolean })[];
}

export interface PlannedWrite {
  at: string;
  values: MetricValues;
  /** Dated before the post's current figures: kept in its history, the current figures do not change. */
  older: boolean;
  issues: PlausibilityIssue[];
  rows: number[];
}

export interface PostChange {
  contentId: string;
  /** The post's current figures (its latest snapshot), null when it has none. */
  before: MetricValues | null;
  /** Its current figures after the import; equal to `before` when every new snapshot is older. */
  after: MetricValues | null;
  /** The figures that change, in the grid's order. */
  changed: MetricKey[];
  writes: PlannedWrite[];
  /** Every new snapshot is dated before the current figures. */
  olderOnly: boolean;
  /** Why this post cannot be imported as chosen (it is left out); null when it can. */
  problem: string | null;
  /** The problem is only that "add to" or "replace" is not chosen yet. */
  awaitingChoice: boolean;
  /** Figures that cannot all be true in what is written (domain/metric-plausibility.ts). */
  issues: PlausibilityIssue[];
}

function sameValue(a: number | Money | null, b: number | Money | null): boolean {
  if (a == null || b == null) return a == b;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.amountMicros === b.amountMicros && a.currency === b.currency;
}

function valuesOf(s: SnapshotLike | null): MetricValues | null {
  return s ? carryForward(null, s) : null;
}

/**
 * Does this file need the person to say whether its orders are added or
 * replace? Only an affiliate file does (it counts orders, it does not
 * report a total), and only when a matched post already has orders or revenue.
 */
export function needsOrdersChoice(plan: ImportPlan, posts: readonly PostMetrics[]): boolean {
  if (plan.layout !== 'impact') return false;
  const byId = new Map(posts.map((p) => [p.id, p]));
  return plan.snapshots.some((s) => {
    const current = latestSnapshot(byId.get(s.contentId)?.metrics ?? []);
    return current?.orders != null || current?.revenue != null;
  });
}

/**
 * Each post's change. `ordersMode` is how affiliate orders meet the post's
 * (null until the person chooses; then the affected posts are marked as
 * waiting for the choice and nothing is planned for them).
 */
export function planMetricsChanges(plan: ImportPlan, posts: readonly PostMetrics[], ordersMode: OrdersMode | null): PostChange[] {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const grouped = new Map<string, ImportPlan['snapshots']>();
  for (const s of plan.snapshots) grouped.set(s.contentId, [...(grouped.get(s.contentId) ?? []), s]);
  const changes: PostChange[] = [];
  for (const [contentId, planned] of grouped) {
    const existing = [...(byId.get(contentId)?.metrics ?? [])];
    const current = latestSnapshot(existing);
    const before = valuesOf(current);
    const change: PostChange = { contentId, before, after: before, changed: [], writes: [], olderOnly: false, problem: null, awaitingChoice: false, issues: [] };
    changes.push(change);
    const history: SnapshotLike[] = [...existing];
    for (const s of [...planned].sort((a, b) => (a.at < b.at ? -1 : 1))) {
      let values = s.values;
      if (plan.layout === 'impact' && (current?.orders != null || current?.revenue != null)) {
        if (!ordersMode) {
          change.problem = 'Choose whether the file’s orders are added to the post’s or replace them.';
          change.awaitingChoice = true;
          break;
        }
        if (ordersMode === 'add') {
          const sum = addOrders(current!, s.values);
          if (typeof sum === 'string') {
            change.problem = sum;
            break;
          }
          values = sum;
        }
      }
      // Each snapshot carries what was known at its own date, so a back-dated row does not borrow later numbers.
      const known = latestSnapshot(history.filter((m) => m.at <= s.at));
      const merged = carryForward(known, values);
      const older = current != null && s.at < current.at;
      history.push({ at: s.at, ...merged });
      change.writes.push({ at: s.at, values: merged, older, issues: checkPlausibility(merged), rows: s.rows });
    }
    if (change.problem) {
      change.writes = [];
      continue;
    }
    change.after = valuesOf(latestSnapshot(history));
    change.olderOnly = change.writes.length > 0 && change.writes.every((w) => w.older);
    change.changed = metricKeys.filter((k) => !sameValue(change.before?.[k] ?? null, change.after?.[k] ?? null));
    const seen = new Set<string>();
    change.issues = change.writes.flatMap((w) => w.issues).filter((i) => !seen.has(i.message) && !!seen.add(i.message));
  }
  return changes;
}

/** The file's orders and revenue added to the post's current ones; a reason when the currencies differ. */
function addOrders(current: SnapshotLike, file: Partial<MetricValues>): Partial<MetricValues> | string {
  const orders = (current.orders ?? 0) + (file.orders ?? 0);
  const had = current.revenue ?? null;
  const more = file.revenue ?? null;
  if (had && more && had.currency !== more.currency) {
    return `The post’s revenue is in ${had.currency} and the file’s orders are in ${more.currency}: they cannot be added. Choose “replace”, or convert the file to ${had.currency}.`;
  }
  const revenue = had && more ? { amountMicros: had.amountMicros + more.amountMicros, currency: had.currency } : had ?? more;
  return { orders, revenue };
}

export interface MetricsWriteResult {
  operations: StoreOperation[];
  /** Snapshots written. */
  snapshots: number;
  /** Posts not written: with a problem, or with figures that cannot all be true and no confirmation. */
  leftOut: { contentId: string; reason: string }[];
}

/**
 * The writes for the changes: one update per post, its history with the new
 * snapshots added (nothing earlier is replaced). Posts whose figures cannot
 * all be true are written only when the person confirmed them, and their
 * snapshots then say so.
 */
export function metricsChangeOperations(changes: readonly PostChange[], posts: readonly PostMetrics[], options: { enteredBy: string | null; confirmImplausible: boolean }): MetricsWriteResult {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const result: MetricsWriteResult = { operations: [], snapshots: 0, leftOut: [] };
  for (const change of changes) {
    if (change.problem) {
      result.leftOut.push({ contentId: change.contentId, reason: change.problem });
      continue;
    }
    if (change.issues.length && !options.confirmImplausible) {
      result.leftOut.push({ contentId: change.contentId, reason: 'Figures that cannot all be true were not confirmed.' });
      continue;
    }
    if (!change.writes.length) continue;
    const added = change.writes.map((w) => ({
      at: w.at, source: 'csv-import' as const, ...w.values, evidenceAssetId: null, enteredBy: options.enteredBy, implausibleConfirmed: w.issues.length > 0,
    }));
    result.operations.push({ kind: 'update', collection: 'content', id: change.contentId, patch: { metrics: [...(byId.get(change.contentId)?.metrics ?? []), ...added] } });
    result.snapshots += added.length;
  }
  return result;
}
