import { platformLabels, type Platform } from '../../../../shared/data/schemas/creators';
import type { CreatorFilters, FilterField, NumberRange } from '../../../../shared/domain/creator-filters';
import { shortCount, shortPercent } from '../../../../shared/domain/typed-numbers';
import { sortTiersBySize, tierLabels, type Tier } from '../../../../shared/domain/tiers';

/** What the pill of an active filter says: "Followers: 10k–100k", "Tags: vip, responsive". */
export interface FilterNames {
  label(field: 'cities' | 'niches' | 'tags', value: string): string;
  country(code: string): string;
  language(code: string): string;
  owner(id: string): string;
  campaign(id: string): string;
  step(id: string): string;
  nanoThreshold: number;
}

function range(r: NumberRange, show: (n: number) => string): string {
  if (r.min !== null && r.max !== null) return `${show(r.min)}–${show(r.max)}`;
  return r.min !== null ? `${show(r.min)} or more` : `up to ${show(r.max!)}`;
}

function some(values: string[], max = 3): string {
  return values.length > max ? `${values.slice(0, max).join(', ')} +${values.length - max}` : values.join(', ');
}

export function describeFilter(field: FilterField, f: CreatorFilters, names: FilterNames): string {
  switch (field) {
    case 'platforms': return `Platform: ${some(f.platforms.map((p) => platformLabels[p as Platform] ?? p))}`;
    case 'followers': return `Followers: ${range(f.followers, shortCount)}`;
    case 'engagementRate': return `Eng. rate: ${range(f.engagementRate, shortPercent)}`;
    case 'tiers': return `Tier: ${some(sortTiersBySize(f.tiers).map((t) => (t === 'none' ? `Under ${shortCount(names.nanoThreshold)}` : tierLabels[t as Tier])))}`;
    case 'countries': return `Country: ${some(f.countries.map(names.country))}`;
    case 'cities': return `City: ${some(f.cities.map((c) => names.label('cities', c)))}`;
    case 'languages': return `Language: ${some(f.languages.map(names.language))}`;
    case 'niches': return `Niche: ${some(f.niches.map((n) => names.label('niches', n)))}`;
    case 'tags': return `Tags: ${some(f.tags.map((t) => names.label('tags', t)))}`;
    case 'owners': return `Owner: ${some(f.owners.map((o) => (o ? names.owner(o) : 'No owner')))}`;
    case 'campaign':
      if (f.campaign === 'none') return 'In no campaign';
      return `${f.campaign === 'any' ? 'In any campaign' : `In ${names.campaign(f.campaign!)}`}${f.stages.length ? ` at ${some(f.stages.map(names.step), 2)}` : ''}`;
    case 'stages': return `Stage: ${some(f.stages.map(names.step), 2)}`;
    case 'hasEmail': return f.hasEmail ? 'Has email' : 'No email';
    case 'lastContacted': {
      const rule = f.lastContacted!;
      return rule.mode === 'never' ? 'Never contacted' : rule.mode === 'within' ? `Contacted in the last ${rule.days} days` : `Not contacted in ${rule.days} days`;
    }
    case 'vettingScore': return `Vetting score: ${range(f.vettingScore, (n) => String(n))}`;
    case 'posted': return f.posted ? 'Has posted for us' : 'Never posted for us';
    case 'postEngagement': return `Eng. on our posts: ${range(f.postEngagement, shortPercent)}`;
    case 'onTime': return `Posted on time: ${range(f.onTime, shortPercent)}`;
  }
}
