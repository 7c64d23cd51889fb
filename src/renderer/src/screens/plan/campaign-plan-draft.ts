import { newId } from '../../../../shared/data/ids';
import type { activationModels, campaignStatuses, objectives } from '../../../../shared/data/schemas/campaigns';
import { moneyFrom, type Money } from '../../../../shared/domain/fields';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText, type NumberSpec } from '../../../../shared/domain/number-reader';
import { numberLocale, readTyped } from '../../components/number-locale';
import { moneyText } from '../offers/offer-draft';

type Model = (typeof activationModels)[number];
type Objective = (typeof objectives)[number];
type Status = (typeof campaignStatuses)[number];

/** The campaign fields the plan form edits (everything but the pipeline, which has its own editor). */
export interface EditableCampaign {
  id: string;
  name: string;
  kind: 'campaign' | 'program';
  activationModels: string[];
  objective: string;
  kpiTargets: { kpi: string; target: number }[];
  budget: Money | null;
  buckets: { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }[];
  ownerId: string | null;
  keyMessages: string[];
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  notes: string;
  /** The featured products, in order; older callers may leave it out. */
  productIds?: string[];
}

/** Numbers are kept as typed ("1.5M", "10k") and read on saving, so a refused one is named, never clamped. */
export interface BucketDraft { id: string; name: string; minFollowers: string; maxFollowers: string; targetCount: string }
export interface KpiDraft { key: string; kpi: string; target: string }

export const planSpecs = {
  budget: numberFields.budget,
  target: numberFields.kpiTarget,
  minFollowers: { ...numberFields.followers, label: 'Followers from' },
  maxFollowers: { ...numberFields.followers, label: 'Followers to' },
  targetCount: numberFields.bucketCreators,
} satisfies Record<string, NumberSpec>;

const text = (value: number | null, spec: NumberSpec) => typedText(value, spec, numberLocale());

export interface CampaignDraft {
  name: string; kind: 'campaign' | 'program'; models: Model[]; objective: Objective; status: Status; ownerId: string | null;
  startsOn: string; endsOn: string; budget: string; currency: string; kpis: KpiDraft[]; buckets: BucketDraft[]; messages: string[]; notes: string;
  productIds: string[];
}

export function campaignDraftOf(c: EditableCampaign | null, defaultOwner: string): CampaignDraft {
  if (!c) {
    return {
      name: '', kind: 'campaign', models: ['gifting'], objective: 'awareness', status: 'planning', ownerId: defaultOwner,
      startsOn: '', endsOn: '', budget: '', currency: 'USD', kpis: [], buckets: [], messages: [''], notes: '', productIds: [],
    };
  }
  return {
    name: c.name, kind: c.kind, models: c.activationModels as Model[], objective: c.objective as Objective, status: c.status as Status, ownerId: c.ownerId,
    startsOn: c.startsOn ?? '', endsOn: c.endsOn ?? '', budget: moneyText(c.budget, planSpecs.budget), currency: c.budget?.currency ?? 'USD',
    kpis: c.kpiTargets.map((k) => ({ key: newId(), kpi: k.kpi, target: text(k.target, planSpecs.target) })),
    buckets: c.buckets.map((b) => ({
      id: b.id, name: b.name, minFollowers: text(b.minFollowers, planSpecs.minFollowers), maxFollowers: text(b.maxFollowers, planSpecs.maxFollowers), targetCount: text(b.targetCount, planSpecs.targetCount),
    })),
    messages: c.keyMessages.length ? [...c.keyMessages] : [''], notes: c.notes ?? '', productIds: [...(c.productIds ?? [])],
  };
}

/** Nano, micro and macro, as a starting point. */
export function defaultBuckets(): BucketDraft[] {
  return [
    { id: newId('bucket-'), name: 'Nano', minFollowers: text(1_000, planSpecs.minFollowers), maxFollowers: text(9_999, planSpecs.maxFollowers), targetCount: '20' },
    { id: newId('bucket-'), name: 'Micro', minFollowers: text(10_000, planSpecs.minFollowers), maxFollowers: text(99_999, planSpecs.maxFollowers), targetCount: '10' },
    { id: newId('bucket-'), name: 'Macro', minFollowers: text(100_000, planSpecs.minFollowers), maxFollowers: '', targetCount: '2' },
  ];
}

export interface PlanFields {
  name: string; kind: 'campaign' | 'program'; activationModels: Model[]; objective: Objective; status: Status; ownerId: string | null;
  startsOn: string | null; endsOn: string | null; budget: Money | null;
  kpiTargets: { kpi: string; target: number }[];
  buckets: { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }[];
  keyMessages: string[]; notes: string; productIds: string[];
}

/**
 * The plan's fields to save, or every problem the form can see, keyed like
 * the schema's field paths ("budget", "buckets.1.maxFollowers"): a number
 * that cannot be stored is named with its reason, never clamped or zeroed.
 */
export function planFromDraft(d: CampaignDraft): { ok: true; fields: PlanFields } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (value: string, spec: NumberSpec, path: string): number | null => {
    const result = readTyped(value, spec);
    if (result.ok) return result.value;
    errors[path] = result.reason;
    return null;
  };
  if (!d.name.trim()) errors.name = 'Give the campaign a name';
  if (d.models.length === 0) errors.activationModels = 'Choose at least one activation model';
  if (d.kind === 'campaign' && d.startsOn && d.endsOn && d.endsOn < d.startsOn) errors.endsOn = 'The end date is before the start date';
  const budget = read(d.budget, planSpecs.budget, 'budget');
  const kpiTargets = d.kpis.map((k, i) => {
    if (!k.kpi.trim()) errors[`kpiTargets.${i}.kpi`] = 'Name the KPI (for example Reach)';
    const target = read(k.target, planSpecs.target, `kpiTargets.${i}.target`);
    if (!k.target.trim()) errors[`kpiTargets.${i}.target`] = 'Set a target';
    return { kpi: k.kpi, target: target ?? 0 };
  });
  const buckets = d.buckets.map((b, i) => {
    if (!b.name.trim()) errors[`buckets.${i}.name`] = 'Name the bucket (for example Micro)';
    const minFollowers = read(b.minFollowers, planSpecs.minFollowers, `buckets.${i}.minFollowers`);
    const maxFollowers = read(b.maxFollowers, planSpecs.maxFollowers, `buckets.${i}.maxFollowers`);
    const targetCount = read(b.targetCount, planSpecs.targetCount, `buckets.${i}.targetCount`);
    if (minFollowers != null && maxFollowers != null && minFollowers > maxFollowers) errors[`buckets.${i}.maxFollowers`] = 'Below the minimum';
    if (!b.targetCount.trim()) errors[`buckets.${i}.targetCount`] = 'How many creators?';
    return { id: b.id, name: b.name, minFollowers, maxFollowers, targetCount: targetCount ?? 0 };
  });
  // `?? 0` above is never saved: an empty or refused number is an error, and errors stop the save here.
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name: d.name, kind: d.kind, activationModels: d.models, objective: d.objective, status: d.status, ownerId: d.ownerId || null,
      startsOn: d.startsOn || null,
      endsOn: d.kind === 'program' ? null : d.endsOn || null,
      // The reader refuses more than two decimals, so this is the exact budget in micros.
      budget: budget == null ? null : moneyFrom(budget, d.currency),
      kpiTargets, buckets,
      keyMessages: d.messages.map((m) => m.trim()).filter(Boolean),
      notes: d.notes,
      productIds: d.productIds,
    },
  };
}
