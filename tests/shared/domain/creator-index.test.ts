import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/shared/domain/fold-text';
import { columnIds, columnRules, type ColumnId } from '../../../src/shared/domain/creator-columns';
import { emptyFacts } from '../../../src/shared/domain/creator-facts';
import { activeFilterFields, emptyFilters, type CreatorFilters, type NumberRange } from '../../../src/shared/domain/creator-filters';
import { CreatorIndex } from '../../../src/shared/domain/creator-index';
import type { CreatorSort } from '../../../src/shared/domain/creator-views';
import type { ProjectedCreator } from '../../../src/shared/domain/projected-creator';
import { tierFor } from '../../../src/shared/domain/tiers';
import { names, sampleWorkspace } from './creator-table-fixture';

const { rows, facts } = sampleWorkspace(400);
const index = new CreatorIndex(rows, facts, names);
const NOW = Date.parse('2026-11-01T12:00:00Z');

function within(value: number | null | undefined, r: NumberRange): boolean {
  if (r.min === null && r.max === null) return true;
  if (value == null) return false;
  return (r.min === null || value >= r.min) && (r.max === null || value <= r.max);
}

/** The rules written the slow, obvious way, to check the fast index against. */
function matches(row: ProjectedCreator, f: CreatorFilters): boolean {
  const fact = facts.get(row.id) ?? emptyFacts();
  const any = <T>(wanted: T[], have: T[]) => wanted.length === 0 || wanted.some((w) => have.includes(w));
  const tier = row.accounts.length ? tierFor(row.followersMax) : null;
  const contacted = fact.lastContactedAt ? Date.parse(fact.lastContactedAt) : null;
  const inCampaign = fact.campaigns.filter((c) => !f.campaign || f.campaign === 'any' || f.campaign === 'none' || c.campaignId === f.campaign);
  return any(f.platforms, row.platforms)
    && within(row.followersMax, f.followers)
    && within(row.engagementRateBest, f.engagementRate)
    && (f.tiers.length === 0 || f.tiers.includes(tier ?? 'none'))
    && any(f.countries, [row.location.country])
    && any(f.cities, [foldText(row.location.city)])
    && any(f.languages, row.languages)
    && any(f.niches, row.niches.map(foldText))
    && any(f.tags, row.tags.map(foldText))
    && any(f.owners, [row.ownerId ?? ''])
    && (f.campaign === 'none' ? fact.campaigns.length === 0
      : f.stages.length ? inCampaign.some((c) => f.stages.includes(c.stepId))
        : f.campaign ? inCampaign.length > 0 : true)
    && (f.hasEmail === null || (row.emails.length > 0) === f.hasEmail)
    && (!f.lastContacted || (f.lastContacted.mode === 'never' ? contacted === null
      : f.lastContacted.mode === 'within' ? contacted !== null && contacted >= NOW - f.lastContacted.days * 86_400_000
        : contacted === null || contacted < NOW - f.lastContacted.days * 86_400_000))
    && within(fact.vettingScore, f.vettingScore)
    && (f.posted === null || (fact.posts > 0) === f.posted)
    && within(fact.postEngagementRate, f.postEngagement)
    && within(fact.onTimeRate, f.onTime);
}

function slowView(f: CreatorFilters, sort: CreatorSort): string[] {
  const ctx = index.context;
  const rule = columnRules[sort.column];
  const keyed = rows.map((row, i) => ({ row, i, key: rule.sortValue(row, ctx) })).filter(({ row }) => matches(row, f));
  const filled = keyed.filter((k) => k.key !== null && k.key !== '');
  const empty = keyed.filter((k) => k.key === null || k.key === '');
  filled.sort((a, b) => {
    if (rule.sort === 'number') return (a.key as number) - (b.key as number) || a.i - b.i;
    const x = foldText(String(a.key));
    const y = foldText(String(b.key));
    return x < y ? -1 : x > y ? 1 : a.i - b.i;
  });
  if (sort.desc) filled.reverse();
  return [...filled, ...empty].map((k) => k.row.id);
}

function fastView(f: CreatorFilters, sort: CreatorSort, search: string[] | Int32Array | null = null, relevance = false): string[] {
  const pass = index.filter(f, NOW, activeFilterFields(f));
  return [...index.view(pass, sort, search, relevance)].map((i) => rows[i].id);
}

const pick = <T>(values: T[]) => fc.subarray(values, { maxLength: Math.min(3, values.length) });
const range = (max: number) => fc.record({ min: fc.option(fc.nat(max), { nil: null }), max: fc.option(fc.nat(max), { nil: null }) });
const options = (field: Parameters<typeof index.options>[0]) => index.options(field).map((o) => o.value);
const campaignIds = [...new Set([...facts.values()].flatMap((f) => f.campaigns.map((c) => c.campaignId)))];
const stepIds = [...new Set([...facts.values()].flatMap((f) => f.campaigns.map((c) => c.stepId)))];

const anyFilters: fc.Arbitrary<CreatorFilters> = fc.record({
  platforms: pick(['instagram', 'tiktok', 'youtube', 'twitch'] as const).map((p) => [...p]),
  followers: range(500_000),
  engagementRate: fc.record({ min: fc.option(fc.double({ min: 0, max: 0.09, noNaN: true }), { nil: null }), max: fc.constant(null) }),
  tiers: pick(['none', 'nano', 'micro', 'mid', 'macro', 'mega'] as const).map((t) => [...t]),
  countries: pick(options('countries')),
  cities: pick(options('cities')),
  languages: pick(options('languages')),
  niches: pick(options('niches')),
  tags: pick(options('tags')),
  owners: pick(['', 'someone']),
  campaign: fc.constantFrom(null, 'any', 'none', ...campaignIds),
  stages: pick(stepIds),
  hasEmail: fc.constantFrom(null, true, false),
  lastContacted: fc.constantFrom(null, { mode: 'never' as const }, { mode: 'within' as const, days: 14 }, { mode: 'over' as const, days: 20 }),
  vettingScore: fc.constant({ min: null, max: null }),
  posted: fc.constantFrom(null, true, false),
  postEngagement: fc.record({ min: fc.option(fc.double({ min: 0, max: 0.06, noNaN: true }), { nil: null }), max: fc.constant(null) }),
  onTime: fc.record({ min: fc.option(fc.constantFrom(0, 0.5, 1), { nil: null }), max: fc.option(fc.constantFrom(0.5, 0.99), { nil: null }) }),
});
/** One to three fields set at a time, as people filter: all of them at once would leave nobody to compare. */
const filtersArb = fc.tuple(anyFilters, fc.subarray(Object.keys(emptyFilters) as (keyof CreatorFilters)[], { minLength: 1, maxLength: 3 }))
  .map(([all, fields]) => ({ ...emptyFilters, ...Object.fromEntries(fields.map((f) => [f, all[f]])) }) as CreatorFilters);

/** Word starts people type: a letter to a few of a name, handle or email of a creator in the list. */
const typedWords = fc.array(fc.tuple(fc.nat(rows.length - 1), fc.constantFrom('name', 'handle', 'email'), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 3 })
  .map((picks) => picks.map(([at, field, length]) => {
    const row = rows[at];
    const text = field === 'name' ? row.name : field === 'handle' ? row.handles[0] ?? row.name : row.emails[0]?.address ?? row.name;
    return text.split(/[\s._@-]+/).filter(Boolean)[0].slice(0, length);
  }));

describe('CreatorIndex', () => {
  it('answers any mix of filters and any sort exactly as the obvious rules do', () => {
    let nonEmpty = 0;
    fc.assert(fc.property(filtersArb, fc.constantFrom(...columnIds), fc.boolean(), (filters, column: ColumnId, desc) => {
      const expected = slowView(filters, { column, desc });
      expect(fastView(filters, { column, desc })).toEqual(expected);
      if (expected.length) nonEmpty++;
    }), { numRuns: 300 });
    // Most draws must leave somebody, or the comparison proves little.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('keeps creators without a value last, whichever way a column is sorted', () => {
    for (const desc of [false, true]) {
      const ids = fastView(emptyFilters, { column: 'lastContacted', desc });
      const contacted = ids.map((id) => facts.get(id)?.lastContactedAt ?? null);
      const firstEmpty = contacted.indexOf(null);
      expect(firstEmpty).toBeGreaterThan(0);
      expect(contacted.slice(firstEmpty).every((c) => c === null)).toBe(true);
      const filled = contacted.slice(0, firstEmpty) as string[];
      expect(filled).toEqual([...filled].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b))));
    }
  });

  it('sorts names without regard to case or accents', () => {
    const sorted = fastView(emptyFilters, { column: 'name', desc: false }).map((id) => foldText(rows.find((r) => r.id === id)!.name));
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('narrows search results by the filters, best match first unless a column is chosen', () => {
    const search = rows.slice(0, 40).map((r) => r.id).reverse();
    const filters = { ...emptyFilters, platforms: ['instagram' as const] };
    const relevant = fastView(filters, { column: 'name', desc: false }, search, true);
    expect(relevant).toEqual(search.filter((id) => rows.find((r) => r.id === id)!.platforms.includes('instagram')));
    const byFollowers = fastView(filters, { column: 'followers', desc: true }, search, false);
    expect(new Set(byFollowers)).toEqual(new Set(relevant));
    const followers = byFollowers.map((id) => rows.find((r) => r.id === id)!.followersMax);
    expect(followers).toEqual([...followers].sort((a, b) => b - a));
  });

  it('typing letter by letter finds the same creators as typing the word at once', () => {
    const typed = new CreatorIndex(rows, facts, names);
    for (const partial of ['m', 'ma', 'mar', 'mari', 'ma', 'mat']) typed.wordsStartingWith(partial);
    const fresh = new CreatorIndex(rows, facts, names);
    for (const word of ['mat', 'mari', 'm']) expect([...typed.wordsStartingWith(word)]).toEqual([...fresh.wordsStartingWith(word)]);
  });

  it('finds words starting with what is typed, in the list order, narrowed by the filters', () => {
    const hit = index.wordsStartingWith('@Ma');
    const expected = rows.filter((r) => [r.name, ...r.handles, ...r.emails.map((e) => e.address), ...r.tags, ...r.niches, r.notes]
      .some((text) => foldText(text).split(/[\s._@,;:/()+-]+/).some((w) => w.startsWith('ma'))));
    expect([...hit].filter(Boolean).length).toBe(expected.length);
    const filters = { ...emptyFilters, platforms: ['tiktok' as const] };
    const shown = [...index.view(index.filter(filters, NOW, ['platforms']), { column: 'name', desc: false }, hit, true)].map((i) => rows[i]);
    expect(shown.map((r) => r.id).sort()).toEqual(expected.filter((r) => r.platforms.includes('tiktok')).map((r) => r.id).sort());
    expect(shown.map((r) => foldText(r.name))).toEqual(shown.map((r) => foldText(r.name)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect([...hit].filter(Boolean).length).toBe(expected.length);
  });

  it('puts search results in the column order whether it finds a few or many, with any filters', () => {
    let few = 0;
    let many = 0;
    fc.assert(fc.property(filtersArb, typedWords, fc.constantFrom(...columnIds), fc.boolean(), (filters, words, column: ColumnId, desc) => {
      const sort = { column, desc };
      const found = index.rowsWithWordsStartingWith(words);
      const inSet = new Set([...found].map((i) => rows[i].id));
      const expected = slowView(filters, sort).filter((id) => inSet.has(id));
      expect(fastView(filters, sort, found)).toEqual(expected);
      // Against each word's own mask: the rows where every word starts a word, ascending.
      const masks = words.map((w) => index.wordsStartingWith(w));
      expect([...found]).toEqual(rows.flatMap((_, i) => (masks.every((m) => m[i] === 1) ? [i] : [])));
      if (found.length > rows.length >> 5) many++;
      else few++;
    }), { numRuns: 300 });
    // Both ways of ordering must be exercised.
    expect(few).toBeGreaterThan(20);
    expect(many).toBeGreaterThan(20);
  });

  it('needs every word typed to start a word of the creator', () => {
    const [first] = rows.filter((r) => r.name.includes(' '));
    const [given, family] = first.name.split(' ');
    const both = [...index.rowsWithWordsStartingWith([given.slice(0, 3), family.slice(0, 2)])];
    const one = [...index.rowsWithWordsStartingWith([given.slice(0, 3)])];
    expect(both).toContain(rows.indexOf(first));
    expect(both.length).toBeLessThanOrEqual(one.length);
    const familyHit = index.wordsStartingWith(family.slice(0, 2));
    expect(both).toEqual(one.filter((i) => familyHit[i] === 1));
    expect(index.rowsWithWordsStartingWith([]).length).toBe(rows.length);
    // The same word twice asks nothing more; a pasted paragraph of 300 words still answers.
    expect([...index.rowsWithWordsStartingWith([given.slice(0, 3), given.slice(0, 3)])]).toEqual(one);
    const paragraph = Array.from({ length: 300 }, (_, i) => (i % 2 ? given : family));
    expect([...index.rowsWithWordsStartingWith(paragraph)]).toEqual([...index.rowsWithWordsStartingWith([given, family])]);
  });

  it('gives each view its own rows, however many views are asked for in a row', () => {
    const sort = { column: 'name', desc: false } as const;
    const everyone = [...index.view(null, sort, null, false)];
    const first = index.view(null, sort, index.wordsStartingWith(rows[0].name.slice(0, 2)), false);
    const kept = [...first];
    index.view(null, { column: 'followers', desc: true }, index.wordsStartingWith('z'), false);
    expect([...first]).toEqual(kept);
    expect([...index.view(null, sort, null, false)]).toEqual(everyone);
    expect([...index.view(null, { ...sort, desc: true }, null, false)]).toEqual([...everyone].reverse());
  });

  it('finds creators by where they are in a campaign, or in none', () => {
    const [campaign] = campaignIds;
    const inIt = fastView({ ...emptyFilters, campaign }, { column: 'name', desc: false });
    expect(inIt.length).toBe(index.campaignCount(campaign));
    expect(inIt.every((id) => facts.get(id)!.campaigns.some((c) => c.campaignId === campaign))).toBe(true);
    const none = fastView({ ...emptyFilters, campaign: 'none', stages: ['posted'] }, { column: 'name', desc: false });
    expect(none.length).toBe(rows.length - index.campaignCount(null));
  });

  it('lists the values present for each choice, most common first, with counts', () => {
    const countries = index.options('countries');
    expect(countries.reduce((s, o) => s + o.count, 0)).toBe(rows.filter((r) => r.location.country).length);
    expect(countries.map((o) => o.count)).toEqual([...countries.map((o) => o.count)].sort((a, b) => b - a));
    expect(index.options('platforms').find((o) => o.value === 'instagram')!.count).toBe(rows.filter((r) => r.platforms.includes('instagram')).length);
  });

  it('says whether there is anything to filter vetting and past performance on', () => {
    expect(index.hasVetting).toBe(false);
    expect(index.hasPosts).toBe(true);
  });

  it('prepares quick search and column orders ahead, one piece per call', () => {
    const fresh = new CreatorIndex(rows, facts, names);
    const calls = [];
    while (fresh.warmUp(['name', 'followers'])) calls.push(1);
    // Words, two column orders, then the rows by first letter (the call that says nothing is left).
    expect(calls.length).toBe(3);
    expect(fresh.warmUp(['name', 'followers'])).toBe(false);
    for (const typed of ['m', 'M', '@m', 'z', 'ł', 'Ł', 'ma', 'mar', 'q', '7', '.']) {
      expect([...fresh.wordsStartingWith(typed)], typed).toEqual([...new CreatorIndex(rows, facts, names).wordsStartingWith(typed)]);
    }
    expect([...fresh.view(null, { column: 'followers', desc: true }, null, false)]).toEqual([...index.view(null, { column: 'followers', desc: true }, null, false)]);
  });

  it('returns every row, in order, with no filter', () => {
    expect(index.filter(emptyFilters, NOW, [])).toBeNull();
    expect(fastView(emptyFilters, { column: 'name', desc: false })).toHaveLength(rows.length);
  });

  it('counts creators per tier', () => {
    const counts = index.tierCounts();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(counts.micro).toBe(rows.filter((r) => r.accounts.length && tierFor(r.followersMax) === 'micro').length);
  });

  it('follows the workspace tier thresholds', () => {
    const strict = new CreatorIndex(rows, facts, { ...names, thresholds: { nano: 1_000, micro: 10_000, mid: 50_000, macro: 100_000, mega: 200_000 } });
    const mega = [...strict.view(strict.filter({ ...emptyFilters, tiers: ['mega'] }, NOW, ['tiers']), { column: 'name', desc: false }, null, false)];
    expect(mega.length).toBe(rows.filter((r) => r.followersMax >= 200_000).length);
  });
});
