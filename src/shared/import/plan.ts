import { creatorFields, platformLabels, type CreatorFields, type Platform } from '../data/schemas/creators';
import { emailKey, handleKey, type ExistingCreators } from './existing';
import { changedFields, mergeCreator } from './merge';
import { normalizeHandle } from '../domain/handles';
import { readRow, rowContext, type UnplacedAccount } from './row';
import type { ConflictPolicy, ImportSettings, ImportSummary, RowOutcome, Table } from './types';

export interface PlannedCreate {
  id: string;
  row: number;
  fields: CreatorFields;
}

export interface PlannedUpdate {
  id: string;
  rows: number[];
  patch: Partial<CreatorFields>;
}

/** Everything an import will do, decided before anything is written. */
export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** One per data row (and per row the reader could not split), in file order. */
  outcomes: RowOutcome[];
  summary: ImportSummary;
}

export interface PlanHooks {
  newId(): string;
  /** Told every few hundred rows. */
  progress?(done: number, total: number): void;
  /** Awaited every few thousand rows: where a long plan lets other work (a Cancel) in, and stops if asked. */
  checkpoint?(): Promise<void>;
}

type Target =
  | { kind: 'create'; index: number }
  | { kind: 'update'; id: string };

interface Match { target: Target; by: 'handle' | 'email'; key: string }

const PROGRESS_EVERY = 500;
const YIELD_EVERY = 2_000;

/**
 * The dry run: reads every row, checks it, and decides per row whether it is
 * a new creator, an update to one already in the workspace (or to an earlier
 * row of this file), a skip, or a problem, with the reason in words.
 * Duplicates are found by platform + handle (case, "@" and link forms
 * ignored) and by email; the person's choice per kind decides what a match
 * does. A row that matches two different creators is never guessed at.
 */
export async function planImport(table: Table, settings: ImportSettings, existing: ExistingCreators, hooks: PlanHooks): Promise<ImportPlan> {
  const ctx = rowContext(table.headers, settings);
  const outcomes: RowOutcome[] = [];
  const creates: PlannedCreate[] = [];
  /** Existing creators as they will be after the rows so far: original and working copy. */
  const updating = new Map<string, { original: CreatorFields; current: CreatorFields; rows: number[]; name: string }>();
  /** Keys seen in this file so far, pointing at what they were folded into. */
  const fileKeys = new Map<string, Target>();
  /** Update outcomes per existing creator, to call them skips if the rows cancel out in the end. */
  const updateOutcomes = new Map<string, { outcome: RowOutcome; sameAs: string }[]>();
  const tableWarnings = new Map<number, string[]>();
  for (const w of table.warnings) tableWarnings.set(w.row, [...(tableWarnings.get(w.row) ?? []), w.reason]);
  const total = table.rows.length;

  for (const broken of table.broken) {
    outcomes.push({ row: broken.row, kind: 'problem', creator: '—', reason: broken.reason, problems: [{ column: '—', value: '', reason: broken.reason }] });
  }

  for (let r = 0; r < total; r++) {
    if (r % PROGRESS_EVERY === 0) hooks.progress?.(r, total);
    if (r > 0 && r % YIELD_EVERY === 0) await hooks.checkpoint?.();
    const row = table.rowNumbers[r];
    const read = readRow(table.rows[r], ctx);
    const shortRow = tableWarnings.get(row);
    const warnings = shortRow ? [...shortRow, ...read.warnings] : read.warnings;
    const base = { row, creator: read.label, ...(read.notes.length ? { notes: read.notes } : {}), ...(warnings.length ? { warnings } : {}) };
    if (!read.fields) {
      outcomes.push({ ...base, kind: 'problem', reason: read.problems.map((p) => (p.column === '—' ? p.reason : `${p.column}: ${p.reason}`)).join(' '), problems: read.problems });
      continue;
    }
    let incoming = read.fields;
    let keys = [
      ...incoming.accounts.map((a) => ({ key: handleKey(a.platform, a.handle), by: 'handle' as const, platform: a.platform, handle: a.handle })),
      ...incoming.emails.map((e) => ({ key: emailKey(e.address), by: 'email' as const, platform: null, handle: e.address })),
    ];

    // Every key points at one thing: a row earlier in this file, or a creator already here.
    const matches: Match[] = [];
    let ambiguous: string | null = null;
    for (const k of keys) {
      const inFile = fileKeys.get(k.key);
      if (inFile) {
        matches.push({ target: inFile, by: k.by, key: k.key });
        continue;
      }
      const ids = existing.find(k.key);
      if (ids.length > 1) {
        ambiguous = `${describeKey(k)} belongs to ${ids.length} creators already in your list (${ids.map((id) => existing.get(id)?.name ?? id).join(', ')}). Merge them first (Creators → Review), then import this row again.`;
        break;
      }
      if (ids.length === 1) matches.push({ target: { kind: 'update', id: ids[0] }, by: k.by, key: k.key });
    }
    const targets = unique(matches.map((m) => m.target));
    if (!ambiguous && targets.length > 1) {
      ambiguous = `This row matches ${targets.length} different creators: ${targets.map((t) => {
        const m = matches.find((x) => sameTarget(x.target, t))!;
        return `${targetName(t, creates, updating, existing)} (same ${m.by === 'handle' ? 'handle' : 'email'})`;
      }).join(' and ')}. Fanfare will not guess which one is meant: fix the row, or merge those creators first.`;
    }
    if (ambiguous) {
      outcomes.push({ ...base, kind: 'problem', reason: ambiguous, problems: [{ column: '—', value: '', reason: ambiguous }] });
      continue;
    }

    if (targets.length === 0 && read.unplaced.length) {
      const reason = unplacedReason(read.unplaced[0], incoming.emails.length ? 'no creator in your list or earlier in this file has this row’s email' : 'this row has no email to find the creator by');
      outcomes.push({ ...base, kind: 'problem', reason, problems: [{ column: read.unplaced[0].column, value: read.unplaced[0].value, reason }] });
      continue;
    }

    if (targets.length === 0) {
      const id = hooks.newId();
      creates.push({ id, row, fields: incoming });
      for (const k of keys) fileKeys.set(k.key, { kind: 'create', index: creates.length - 1 });
      outcomes.push({ ...base, kind: 'create', reason: keys.length ? 'New creator.' : 'New creator (no handle or email to check for duplicates).', creatorId: id });
      continue;
    }

    const target = targets[0];
    const byHandle = matches.some((m) => m.by === 'handle');
    const match = matches.find((m) => m.by === (byHandle ? 'handle' : 'email'))!;
    const policy: ConflictPolicy = byHandle ? settings.onHandleMatch : settings.onEmailMatch;
    const key = keys.find((k) => k.key === match.key)!;
    const who = target.kind === 'create'
      ? `row ${creates[target.index].row} of this file (${creates[target.index].fields.name})`
      : targetName(target, creates, updating, existing);
    const sameAs = `Same ${describeKey(key)} as ${who}`;
    const targetId = target.kind === 'create' ? creates[target.index].id : target.id;

    if (policy === 'skip') {
      outcomes.push({ ...base, kind: 'skip', reason: `${sameAs}: skipped, as chosen for matching ${byHandle ? 'handles' : 'emails'}.`, creatorId: targetId });
      continue;
    }
    let current: CreatorFields;
    if (target.kind === 'create') {
      current = creates[target.index].fields;
    } else {
      let entry = updating.get(target.id);
      if (!entry) {
        const record = existing.get(target.id);
        const parsed = record ? creatorFields.safeParse(record) : null;
        if (!parsed?.success) {
          const reason = `${sameAs}, but that creator’s record could not be read to update it. Open it in Fanfare and save it once, then import this row again.`;
          outcomes.push({ ...base, kind: 'problem', reason, problems: [{ column: '—', value: '', reason }] });
          continue;
        }
        entry = { original: parsed.data, current: parsed.data, rows: [], name: parsed.data.name };
        updating.set(target.id, entry);
      }
      current = entry.current;
    }
    if (read.unplaced.length) {
      // A handle without a platform is placed by the creator the row matched (by email): the platform of their account with that handle.
      const placed = placeAccounts(read.unplaced, current, who, byHandle ? 'by another of its handles' : 'by email');
      if (!placed.ok) {
        outcomes.push({ ...base, kind: 'problem', reason: placed.reason, problems: [{ column: placed.column, value: placed.value, reason: placed.reason }] });
        continue;
      }
      incoming = { ...incoming, accounts: [...incoming.accounts, ...placed.accounts] };
      keys = [...keys, ...placed.accounts.map((a) => ({ key: handleKey(a.platform, a.handle), by: 'handle' as const, platform: a.platform, handle: a.handle }))];
      base.notes = [...(base.notes ?? []), ...placed.notes];
    }
    const merged = mergeCreator(current, read.derivedName ? { ...incoming, name: '' } : incoming, policy);
    if (merged.changes.length === 0) {
      outcomes.push({ ...base, kind: 'skip', reason: `${sameAs}: nothing new in this row.`, creatorId: targetId });
      continue;
    }
    const checked = creatorFields.safeParse(merged.fields);
    if (!checked.success) {
      const reason = `${sameAs}, but together they cannot be saved: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`;
      outcomes.push({ ...base, kind: 'problem', reason, problems: [{ column: '—', value: '', reason }] });
      continue;
    }
    if (target.kind === 'create') creates[target.index].fields = checked.data;
    else {
      const entry = updating.get(target.id)!;
      entry.current = checked.data;
      entry.rows.push(row);
    }
    // Handles and emails this row brought now lead to the same creator.
    for (const k of keys) if (!fileKeys.has(k.key)) fileKeys.set(k.key, target);
    const outcome: RowOutcome = { ...base, kind: 'update', reason: `${sameAs}. ${describeChanges(merged.changes, policy)}.`, creatorId: targetId };
    if (target.kind === 'create') outcome.intoRow = creates[target.index].row;
    else updateOutcomes.set(target.id, [...(updateOutcomes.get(target.id) ?? []), { outcome, sameAs }]);
    outcomes.push(outcome);
  }
  hooks.progress?.(total, total);

  const updates: PlannedUpdate[] = [];
  for (const [id, entry] of updating) {
    const patch = changedFields(entry.original, entry.current);
    if (Object.keys(patch).length) {
      updates.push({ id, rows: entry.rows, patch });
      continue;
    }
    // Rows that set a creator's values and then set them back (two rows, two spellings) change nothing in the end:
    // they must not count as updates, or importing the same file again would never be a no-op.
    for (const { outcome, sameAs } of updateOutcomes.get(id) ?? []) {
      outcome.kind = 'skip';
      outcome.reason = `${sameAs}: nothing changes in the end, because ${entry.rows.length > 1 ? `rows ${listing(entry.rows.map(String))} of this file give this creator different values and the last` : 'this row'} leaves the creator as it is.`;
    }
  }
  outcomes.sort((a, b) => a.row - b.row);
  return { creates, updates, outcomes, summary: summarise(outcomes, table.emptyRows, { newCreators: creates.length, updatedCreators: updates.length }) };
}

export function summarise(outcomes: RowOutcome[], emptyRows: number, creators: { newCreators: number; updatedCreators: number }): ImportSummary {
  const summary: ImportSummary = { rows: outcomes.length, created: 0, updated: 0, skipped: 0, problems: 0, emptyRows, ...creators, rowsWithWarnings: 0 };
  for (const o of outcomes) {
    if (o.kind === 'create') summary.created++;
    else if (o.kind === 'update') summary.updated++;
    else if (o.kind === 'skip') summary.skipped++;
    else summary.problems++;
    if (o.kind !== 'problem' && o.warnings?.length) summary.rowsWithWarnings++;
  }
  return summary;
}

function unplacedReason(account: UnplacedAccount, why: string): string {
  return `Fanfare cannot tell which platform “${account.value}” is on: it is not a profile link, and ${why}. Choose the platform of the rows with only a handle in the column step, or use a profile link.`;
}

type Placed =
  | { ok: true; accounts: CreatorFields['accounts']; notes: string[] }
  | { ok: false; reason: string; column: string; value: string };

/** Handles without a platform, placed by the accounts of the creator the row matched: one account with that handle, one platform. */
function placeAccounts(unplaced: UnplacedAccount[], creator: CreatorFields, who: string, how: string): Placed {
  const accounts: CreatorFields['accounts'] = [];
  const notes: string[] = [];
  for (const u of unplaced) {
    const handle = normalizeHandle(u.handle);
    const on = [...new Set(creator.accounts.filter((a) => normalizeHandle(a.handle) === handle).map((a) => a.platform))];
    const stats = u.followers !== null || u.avgViews !== null || u.engagementRate !== null;
    if (on.length === 0) {
      return { ok: false, column: u.column, value: u.value, reason: unplacedReason(u, `${who}, whom this row matches ${how}, has no account with that handle`) };
    }
    if (on.length > 1 && stats) {
      return { ok: false, column: u.column, value: u.value, reason: `Fanfare cannot tell which platform “${u.value}” is on: ${who}, whom this row matches ${how}, has @${handle} on ${listing(on.map((p) => platformLabels[p]))}, so the figures in this row could belong to either. Choose the platform of the rows with only a handle in the column step, or use a profile link.` };
    }
    accounts.push({ platform: on[0], handle, url: '', followers: u.followers, avgViews: u.avgViews, engagementRate: u.engagementRate, statsUpdatedAt: null });
    notes.push(`@${handle} has no profile link or platform: it is the ${platformLabels[on[0]]} account of ${who}, whom this row matches ${how}.`);
  }
  return { ok: true, accounts, notes };
}

/** "Filled in country and city; added a TikTok account and an email." */
export function describeChanges(changes: string[], policy: ConflictPolicy): string {
  const added = changes.filter((c) => c.endsWith(' added')).map((c) => c.slice(0, -' added'.length));
  const set = changes.filter((c) => !c.endsWith(' added'));
  const parts: string[] = [];
  if (set.length) parts.push(`${policy === 'overwrite' ? 'Updated' : 'Filled in'} ${listing(set)}`);
  if (added.length) parts.push(`${parts.length ? 'added' : 'Added'} ${listing(added)}`);
  return parts.join('; ');
}

function listing(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describeKey(k: { by: 'handle' | 'email'; platform: Platform | null; handle: string }): string {
  return k.by === 'handle' ? `${platformLabels[k.platform!]} handle @${k.handle}` : `email ${k.handle}`;
}

function sameTarget(a: Target, b: Target): boolean {
  return a.kind === b.kind && (a.kind === 'create' ? a.index === (b as typeof a).index : a.id === (b as typeof a).id);
}

function unique(targets: Target[]): Target[] {
  const out: Target[] = [];
  for (const t of targets) if (!out.some((o) => sameTarget(o, t))) out.push(t);
  return out;
}

function targetName(t: Target, creates: PlannedCreate[], updating: Map<string, { name: string }>, existing: ExistingCreators): string {
  if (t.kind === 'create') return `row ${creates[t.index].row} of this file (${creates[t.index].fields.name})`;
  return updating.get(t.id)?.name ?? existing.get(t.id)?.name ?? 'a creator in your list';
}
