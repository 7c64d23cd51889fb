import { platforms, type Platform } from '../data/schemas/creators';
import { columnRules, type ColumnContext, type ColumnId } from './creator-columns';
import { emptyFacts, type CreatorFacts } from './creator-facts';
import { foldText } from './fold-text';
import { type CreatorFilters, type FilterField, type NumberRange, type TierChoice } from './creator-filters';
import type { CreatorSort } from './creator-views';
import type { ProjectedCreator } from './projected-creator';
import { tierFor, tierNames } from './tiers';

/**
 * The creator list, laid out for answering filters and sorts in a few
 * milliseconds at 50,000 rows on the UI thread: numbers in typed arrays,
 * choices (country, tag, campaign step…) as lists of row numbers, and each
 * column's sort order computed once and reused until the data changes. A
 * filter change is then a handful of passes over flat arrays, and a sorted
 * result is one walk over a precomputed order: no sorting per keystroke.
 */
export type ChoiceField = 'platforms' | 'countries' | 'cities' | 'languages' | 'niches' | 'tags' | 'owners';

export interface ChoiceOption {
  value: string;
  label: string;
  count: number;
}

interface Order {
  indices: Int32Array;
  /** Rows with a value come first; the rest keep last in either direction. */
  filled: number;
  /** The same, highest first (empties still last), made on the first descending view of everyone. */
  descending?: Int32Array;
  /** Each row's place in `indices`, made the first time a few search results are put in order. */
  rank?: Int32Array;
}

const DAY_MS = 86_400_000;
const NOTE_WORDS = 300;
/** Word starts remembered for narrowing (see rowsWith): enough for a few words typed and corrected. */
const FOUND_KEPT = 24;
const noRows = new Int32Array(0);

/** Rows grouped by how their words start, built a slice of rows at a time while idle. */
class WordStarts {
  private readonly lists = new Map<string, number[]>();
  private next = 0;
  private table: Map<string, Int32Array> | null = null;

  constructor(private readonly words: readonly string[]) {}

  /** " a" and " ab" → the rows with a word starting with "a" and with "ab", once built; null before. */
  get ready(): Map<string, Int32Array> | null {
    return this.table;
  }

  /** Adds the next `count` rows; true once every row is in. */
  build(count: number): boolean {
    if (this.table) return true;
    const { words, lists } = this;
    const end = Math.min(words.length, this.next + count);
    for (let i = this.next; i < end; i++) {
      const text = words[i];
      for (let at = text.indexOf(' '); at !== -1 && at < text.length - 1; at = text.indexOf(' ', at + 1)) {
        if (text[at + 1] === ' ') continue;
        this.add(text.slice(at, at + 2), i);
        if (at + 2 < text.length && text[at + 2] !== ' ') this.add(text.slice(at, at + 3), i);
      }
    }
    this.next = end;
    if (end < words.length) return false;
    this.table = new Map(Array.from(lists, ([key, rows]) => [key, Int32Array.from(rows)]));
    lists.clear();
    return true;
  }

  /** Keys as rowsWith looks them up (" a", " ab"); rows come in order, so a row already listed is the last one. */
  private add(key: string, row: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [row]);
    else if (list[list.length - 1] !== row) list.push(row);
  }
}
/**
 * Whether a word of `text` (" word word…") starts with `word`. Looks for the word itself and then
 * checks the space before it: looking for " word" would stop at every space, the commonest
 * character there is; this is 1.5–2× faster over 50,000 rows.
 */
function hasWordStart(text: string, word: string): boolean {
  for (let at = text.indexOf(word, 1); at !== -1; at = text.indexOf(word, at + 1)) if (text.charCodeAt(at - 1) === 32) return true;
  return false;
}

const platformBit = Object.fromEntries(platforms.map((p, i) => [p, 1 << i])) as Record<Platform, number>;
const foldCache = new Map<string, string>();

function folded(text: string): string {
  let key = foldCache.get(text);
  if (key === undefined) {
    // Bounded: names repeat a lot, and a long session must not grow without end.
    if (foldCache.size > 200_000) foldCache.clear();
    key = foldText(text);
    foldCache.set(text, key);
  }
  return key;
}

function inRange(value: number, range: NumberRange): boolean {
  if (Number.isNaN(value)) return false;
  return (range.min === null || value >= range.min) && (range.max === null || value <= range.max);
}

export class CreatorIndex {
  readonly rows: readonly ProjectedCreator[];
  readonly size: number;
  readonly context: ColumnContext;
  private readonly byId = new Map<string, number>();
  private readonly followers: Float64Array;
  private readonly engagement: Float64Array;
  private readonly platformBits: Uint16Array;
  private readonly tier: Int8Array;
  private readonly hasEmail: Uint8Array;
  private readonly lastContacted: Float64Array;
  private readonly vetting: Float64Array;
  private readonly posts: Int32Array;
  private readonly postEngagement: Float64Array;
  private readonly onTime: Float64Array;
  private readonly choices = new Map<ChoiceField, Map<string, number[]>>();
  private readonly labels = new Map<ChoiceField, Map<string, string>>();
  private readonly campaignRows = new Map<string, number[]>();
  private readonly orders = new Map<ColumnId, Order>();
  private words: string[] | null = null;
  private readonly found = new Map<string, Int32Array>();
  /**
   * Rows by the first one and two letters of any of their words, built while idle: the first
   * letters typed match the most rows and are the slowest to scan for (a two-letter scan of
   * 50,000 creators takes 4–9 ms; a lookup, none).
   */
  private starts: WordStarts | null = null;
  readonly facts: ReadonlyMap<string, CreatorFacts>;
  /** Whether any creator has a scorecard or a post: filters on them show only then. */
  readonly hasVetting: boolean;
  readonly hasPosts: boolean;

  constructor(rows: readonly ProjectedCreator[], facts: ReadonlyMap<string, CreatorFacts>, context: Omit<ColumnContext, 'facts'>) {
    const none = emptyFacts();
    this.rows = rows;
    this.facts = facts;
    this.context = { ...context, facts: (id) => facts.get(id) ?? none };
    const n = (this.size = rows.length);
    this.followers = new Float64Array(n);
    this.engagement = new Float64Array(n);
    this.platformBits = new Uint16Array(n);
    this.tier = new Int8Array(n);
    this.hasEmail = new Uint8Array(n);
    this.lastContacted = new Float64Array(n);
    this.vetting = new Float64Array(n);
    this.posts = new Int32Array(n);
    this.postEngagement = new Float64Array(n);
    this.onTime = new Float64Array(n);
    for (const field of ['platforms', 'countries', 'cities', 'languages', 'niches', 'tags', 'owners'] as ChoiceField[]) {
      this.choices.set(field, new Map());
      this.labels.set(field, new Map());
    }
    let vetted = false;
    let posted = false;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      this.byId.set(row.id, i);
      this.followers[i] = row.followersMax;
      this.engagement[i] = row.engagementRateBest ?? NaN;
      let bits = 0;
      for (const p of row.platforms) bits |= platformBit[p];
      this.platformBits[i] = bits;
      const tier = row.accounts.length ? tierFor(row.followersMax, context.thresholds) : null;
      this.tier[i] = tier ? tierNames.indexOf(tier) : -1;
      this.hasEmail[i] = row.emails.length > 0 ? 1 : 0;
      for (const p of row.platforms) this.add('platforms', p, p, i);
      if (row.location.country) this.add('countries', row.location.country, row.location.country, i);
      if (row.location.city) this.add('cities', folded(row.location.city), row.location.city, i);
      for (const l of row.languages) this.add('languages', l, l, i);
      for (const t of row.niches) this.add('niches', folded(t), t, i);
      for (const t of row.tags) this.add('tags', folded(t), t, i);
      this.add('owners', row.ownerId ?? '', row.ownerId ?? '', i);
      const f = facts.get(row.id);
      this.lastContacted[i] = f?.lastContactedAt ? Date.parse(f.lastContactedAt) : NaN;
      this.vetting[i] = f?.vettingScore ?? NaN;
      this.posts[i] = f?.posts ?? 0;
      this.postEngagement[i] = f?.postEngagementRate ?? NaN;
      this.onTime[i] = f?.onTimeRate ?? NaN;
      if (f?.vettingScore != null) vetted = true;
      if (f?.posts) posted = true;
      for (const c of f?.campaigns ?? []) {
        this.addCampaign(`c:${c.campaignId}`, i);
        this.addCampaign('c:*', i);
        this.addCampaign(`s:${c.stepId}`, i);
        this.addCampaign(`cs:${c.campaignId}:${c.stepId}`, i);
      }
    }
    this.hasVetting = vetted;
    this.hasPosts = posted;
  }

  private add(field: ChoiceField, key: string, label: string, row: number): void {
    const map = this.choices.get(field)!;
    const list = map.get(key);
    if (!list) {
      map.set(key, [row]);
      this.labels.get(field)!.set(key, label);
    } else if (list[list.length - 1] !== row) list.push(row);
  }

  private addCampaign(key: string, row: number): void {
    const list = this.campaignRows.get(key);
    if (!list) this.campaignRows.set(key, [row]);
    else if (list[list.length - 1] !== row) list.push(row);
  }

  rowOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The values present in the list for one filter, most common first, with how many creators have each. */
  options(field: ChoiceField): ChoiceOption[] {
    const labels = this.labels.get(field)!;
    return [...this.choices.get(field)!].map(([value, list]) => ({ value, label: labels.get(value) ?? value, count: list.length }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  labelOf(field: ChoiceField, value: string): string {
    return this.labels.get(field)?.get(value) ?? value;
  }

  /** How many creators are in each tier (or under the lowest one). */
  tierCounts(): Record<TierChoice, number> {
    const counts = { none: 0, nano: 0, micro: 0, mid: 0, macro: 0, mega: 0 };
    for (let i = 0; i < this.size; i++) counts[this.tier[i] < 0 ? 'none' : tierNames[this.tier[i]]]++;
    return counts;
  }

  /** How many creators are in each campaign (key: campaign id) and at each step (key: "campaign:step"). */
  campaignCount(campaignId: string | null, stepId?: string): number {
    const key = stepId ? (campaignId ? `cs:${campaignId}:${stepId}` : `s:${stepId}`) : campaignId ? `c:${campaignId}` : 'c:*';
    return this.campaignRows.get(key)?.length ?? 0;
  }

  /**
   * Rows with a word of their name, a handle, an email, a tag, a niche or
   * their notes starting with `prefix` (case and accents aside): a plain
   * scan, a few milliseconds at 50,000 rows whatever the prefix (see
   * typed-query for why the search starts here).
   */
  wordsStartingWith(prefix: string): Uint8Array {
    const hit = new Uint8Array(this.size);
    const rows = this.rowNumbersStartingWith(prefix);
    for (let j = 0; j < rows.length; j++) hit[rows[j]] = 1;
    return hit;
  }

  private rowNumbersStartingWith(prefix: string): Int32Array {
    return this.rowsWith(` ${foldText(prefix.replace(/^@/, ''))}`, this.prepareWords());
  }

  /**
   * Someone types a word letter by letter, so "lukas" only needs looking
   * for among the rows that had "luka": the rows of the longest word start
   * already found are scanned instead of the whole list.
   */
  private rowsWith(key: string, words: string[]): Int32Array {
    const table = this.starts?.ready;
    const cached = this.found.get(key) ?? (key.length <= 3 && table ? table.get(key) ?? noRows : undefined);
    if (cached) return cached;
    let from: Int32Array | null = table?.get(key.slice(0, 3)) ?? null;
    for (const [known, rows] of this.found) if (key.startsWith(known) && (!from || rows.length < from.length)) from = rows;
    // Collected in a reused buffer and copied out at their exact size: a keystroke then leaves
    // little garbage behind, and garbage on a 200 MB heap is what makes the odd keystroke slow.
    const rows = this.scratchRows();
    const word = key.slice(1);
    let k = 0;
    if (from) {
      for (let j = 0; j < from.length; j++) if (hasWordStart(words[from[j]], word)) rows[k++] = from[j];
    } else {
      for (let i = 0; i < this.size; i++) if (hasWordStart(words[i], word)) rows[k++] = i;
    }
    const result = rows.slice(0, k);
    if (this.found.size >= FOUND_KEPT) this.found.delete(this.found.keys().next().value!);
    this.found.set(key, result);
    return result;
  }

  /**
   * The row numbers (ascending) with, for every word given, a word starting
   * with it. One word is answered by a list already kept, with no copy; a
   * keystroke then costs what it finds, not a pass over 50,000 rows.
   */
  rowsWithWordsStartingWith(words: readonly string[]): Int32Array {
    if (!words.length) return Int32Array.from({ length: this.size }, (_, i) => i);
    // A pasted paragraph: more words than the counter below can count to.
    if (words.length > 250) return this.rowsWithWordsStartingWith([...new Set(words.map((w) => foldText(w.replace(/^@/, ''))))].slice(0, 250));
    const lists = words.map((w) => this.rowNumbersStartingWith(w)).sort((a, b) => a.length - b.length);
    if (lists.length === 1) return lists[0];
    // Counted up from the shortest list: a row counts for a word only if it counted for every word before.
    const counter = this.scratchCounter();
    const first = lists[0];
    for (let j = 0; j < first.length; j++) counter[first[j]] = 1;
    for (let w = 1; w < lists.length; w++) {
      const list = lists[w];
      for (let j = 0; j < list.length; j++) if (counter[list[j]] === w) counter[list[j]] = w + 1;
    }
    const out = this.scratchRows();
    let k = 0;
    for (let j = 0; j < first.length; j++) {
      const i = first[j];
      if (counter[i] === lists.length) out[k++] = i;
      counter[i] = 0;
    }
    // The other lists' rows can be left at a count only if they were in the first list: all reset above.
    return out.slice(0, k);
  }

  private prepareWords(): string[] {
    if (!this.words) {
      // One fold per row over the joined text: handles and emails are unique, so caching them per string would only cost.
      // Notes count with their start only, so a long note cannot make every search slower.
      this.words = this.rows.map((r) => ` ${foldText([r.name, ...r.handles, ...r.emails.map((e) => e.address), ...r.tags, ...r.niches, r.notes.slice(0, NOTE_WORDS)].join(' ')).replace(/[._@,;:/()+-]/g, ' ')}`);
    }
    return this.words;
  }

  /**
   * Work the first search or sort would otherwise do while someone waits:
   * each call does one piece and says whether more is left. Meant for idle
   * time right after the list opens or changes.
   */
  warmUp(columns: readonly ColumnId[]): boolean {
    if (!this.words) {
      this.prepareWords();
      return true;
    }
    const column = columns.find((c) => !this.orders.has(c));
    if (column) {
      this.order(column);
      return true;
    }
    this.starts ??= new WordStarts(this.words);
    return !this.starts.build(5_000);
  }

  /** 1 for each row that passes every filter; null when no filter is set. */
  filter(filters: CreatorFilters, now: number, active: readonly FilterField[]): Uint8Array | null {
    if (active.length === 0) return null;
    const n = this.size;
    const pass = new Uint8Array(n).fill(1);
    const keep = (test: (i: number) => boolean) => {
      for (let i = 0; i < n; i++) if (pass[i] && !test(i)) pass[i] = 0;
    };
    const keepRows = (lists: (number[] | undefined)[]) => {
      const hit = new Uint8Array(n);
      for (const list of lists) if (list) for (const i of list) hit[i] = 1;
      for (let i = 0; i < n; i++) pass[i] &= hit[i];
    };
    const choice = (field: ChoiceField, values: string[]) => keepRows(values.map((v) => this.choices.get(field)!.get(v)));

    for (const field of active) {
      switch (field) {
        case 'platforms': {
          let bits = 0;
          for (const p of filters.platforms) bits |= platformBit[p];
          const b = this.platformBits;
          keep((i) => (b[i] & bits) !== 0);
          break;
        }
        case 'followers': { const a = this.followers; const r = filters.followers; keep((i) => inRange(a[i], r)); break; }
        case 'engagementRate': { const a = this.engagement; const r = filters.engagementRate; keep((i) => inRange(a[i], r)); break; }
        case 'vettingScore': { const a = this.vetting; const r = filters.vettingScore; keep((i) => inRange(a[i], r)); break; }
        case 'postEngagement': { const a = this.postEngagement; const r = filters.postEngagement; keep((i) => inRange(a[i], r)); break; }
        case 'onTime': { const a = this.onTime; const r = filters.onTime; keep((i) => inRange(a[i], r)); break; }
        case 'tiers': {
          const wanted = new Set(filters.tiers.map((t) => (t === 'none' ? -1 : tierNames.indexOf(t))));
          const a = this.tier;
          keep((i) => wanted.has(a[i]));
          break;
        }
        case 'countries': choice('countries', filters.countries); break;
        case 'cities': choice('cities', filters.cities); break;
        case 'languages': choice('languages', filters.languages); break;
        case 'niches': choice('niches', filters.niches); break;
        case 'tags': choice('tags', filters.tags); break;
        case 'owners': choice('owners', filters.owners); break;
        case 'campaign':
        case 'stages': {
          // Campaign and stage are one question ("in Spring Glow, at Shipped"): answer it once.
          if (field === 'stages' && active.includes('campaign')) break;
          const campaign = filters.campaign;
          if (campaign === 'none') {
            const inAny = this.campaignRows.get('c:*') ?? [];
            for (const i of inAny) pass[i] = 0;
          } else if (filters.stages.length) {
            const scope = campaign && campaign !== 'any' ? campaign : null;
            keepRows(filters.stages.map((s) => this.campaignRows.get(scope ? `cs:${scope}:${s}` : `s:${s}`)));
          } else keepRows([this.campaignRows.get(campaign && campaign !== 'any' ? `c:${campaign}` : 'c:*')]);
          break;
        }
        case 'hasEmail': { const a = this.hasEmail; const want = filters.hasEmail ? 1 : 0; keep((i) => a[i] === want); break; }
        case 'lastContacted': {
          const rule = filters.lastContacted!;
          const a = this.lastContacted;
          if (rule.mode === 'never') keep((i) => Number.isNaN(a[i]));
          else {
            const since = now - rule.days * DAY_MS;
            if (rule.mode === 'within') keep((i) => a[i] >= since);
            else keep((i) => !(a[i] >= since));
          }
          break;
        }
        case 'posted': { const a = this.posts; const want = filters.posted; keep((i) => (a[i] > 0) === want); break; }
      }
    }
    return pass;
  }

  /** Every row in a column's order (ascending, empties last), computed on first use. */
  private order(column: ColumnId): Order {
    let order = this.orders.get(column);
    if (order) return order;
    const rule = columnRules[column];
    const filled: number[] = [];
    const empty: number[] = [];
    if (rule.sort === 'number') {
      const keys = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) {
        const v = rule.sortValue(this.rows[i], this.context);
        if (typeof v === 'number' && Number.isFinite(v)) {
          keys[i] = v;
          filled.push(i);
        } else empty.push(i);
      }
      filled.sort((a, b) => keys[a] - keys[b] || a - b);
    } else {
      const keys: string[] = new Array(this.size);
      for (let i = 0; i < this.size; i++) {
        const v = rule.sortValue(this.rows[i], this.context);
        if (v === null || v === '') empty.push(i);
        else {
          keys[i] = folded(String(v));
          filled.push(i);
        }
      }
      filled.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    }
    const indices = new Int32Array(this.size);
    indices.set(filled, 0);
    indices.set(empty, filled.length);
    order = { indices, filled: filled.length };
    this.orders.set(column, order);
    return order;
  }

  /**
   * The rows to show, in order. With search results and no chosen sort
   * (`relevance`), best matches come first; otherwise the column's order,
   * narrowed to the matches.
   */
  view(pass: Uint8Array | null, sort: CreatorSort, search: readonly string[] | Uint8Array | Int32Array | null, relevance: boolean): Int32Array {
    if (search instanceof Int32Array) return this.rowsInOrder(search, pass, sort);
    if (search instanceof Uint8Array) {
      // A prefix match is a filter like any other; the column order stays.
      const keep = this.scratchMask();
      keep.set(search);
      if (pass) for (let i = 0; i < this.size; i++) keep[i] &= pass[i];
      return this.inOrder(keep, sort);
    }
    if (search && relevance) {
      const out = new Int32Array(search.length);
      let k = 0;
      for (const id of search) {
        const i = this.byId.get(id);
        if (i !== undefined && (!pass || pass[i])) out[k++] = i;
      }
      return out.subarray(0, k);
    }
    if (!search) return this.inOrder(pass, sort);
    const keep = this.scratchMask();
    keep.fill(0);
    for (const id of search) {
      const i = this.byId.get(id);
      if (i !== undefined && (!pass || pass[i])) keep[i] = 1;
    }
    return this.inOrder(keep, sort);
  }

  /**
   * Some rows (row numbers, as from rowsWithWordsStartingWith) that pass the
   * filters, in the column's order. A few hundred are put in order by their
   * place in the column's order; many, by one walk over that order.
   */
  private rowsInOrder(rows: Int32Array, pass: Uint8Array | null, sort: CreatorSort): Int32Array {
    if (rows.length > this.size >> 5) {
      const keep = this.scratchMask();
      keep.fill(0);
      for (let j = 0; j < rows.length; j++) keep[rows[j]] = pass ? pass[rows[j]] : 1;
      return this.inOrder(keep, sort);
    }
    const order = this.order(sort.column);
    const rank = (order.rank ??= ranks(order.indices));
    const { filled } = order;
    const kept = pass ? rows.filter((i) => pass[i] === 1) : rows.slice();
    // Descending reverses the rows with a value; the empty ones stay last either way.
    const place = (i: number) => (sort.desc && rank[i] < filled ? filled - 1 - rank[i] : rank[i]);
    return kept.sort((a, b) => place(a) - place(b));
  }

  /** The rows kept (all when `keep` is null) in the column's order, as a new array of their exact number. */
  private inOrder(keep: Uint8Array | null, sort: CreatorSort): Int32Array {
    const order = this.order(sort.column);
    // Everyone: the column's order as it is, nothing to copy.
    if (!keep) return sort.desc ? (order.descending ??= descending(order)) : order.indices;
    const { indices, filled } = order;
    const out = this.scratchRows();
    let k = 0;
    if (sort.desc) {
      for (let j = filled - 1; j >= 0; j--) if (keep[indices[j]]) out[k++] = indices[j];
    } else {
      for (let j = 0; j < filled; j++) if (keep[indices[j]]) out[k++] = indices[j];
    }
    for (let j = filled; j < this.size; j++) if (keep[indices[j]]) out[k++] = indices[j];
    return out.slice(0, k);
  }

  /*
   * Working buffers, one of each per index and never handed out: a keystroke
   * would otherwise allocate a few hundred KB of them, and that garbage is what
   * starts the collector on a big heap in the middle of someone's typing. For
   * the same reason loops over row lists are indexed, never for…of: they run a
   * few times per keystroke, often before V8 has optimised them, and unoptimised
   * for…of makes an iterator result per row (a quarter of all the memory the
   * benchmark's typing allocated).
   */
  private mask: Uint8Array | null = null;
  private rowBuffer: Int32Array | null = null;

  private scratchMask(): Uint8Array {
    return (this.mask ??= new Uint8Array(this.size));
  }

  private scratchRows(): Int32Array {
    return (this.rowBuffer ??= new Int32Array(this.size));
  }

  private counterBuffer: Uint8Array | null = null;

  /** All zeros between uses. */
  private scratchCounter(): Uint8Array {
    return (this.counterBuffer ??= new Uint8Array(this.size));
  }
}

function ranks(indices: Int32Array): Int32Array {
  const rank = new Int32Array(indices.length);
  for (let j = 0; j < indices.length; j++) rank[indices[j]] = j;
  return rank;
}

/** Filled rows from the highest value down, then the empty ones, as the ascending order keeps them. */
function descending({ indices, filled }: Order): Int32Array {
  const out = new Int32Array(indices.length);
  for (let j = 0; j < filled; j++) out[j] = indices[filled - 1 - j];
  out.set(indices.subarray(filled), filled);
  return out;
}
