import { z } from 'zod';
import { currencyCode, type Money } from './fields';
import { committedByBucket, planBudget, type BudgetEngagement, type BudgetPayment } from './plan-budget';

/**
 * A campaign's plan as a director presents it: objective and KPIs, who we
 * want (buckets with targets vs creators so far), the budget split, the key
 * messages, the timeline and the activation models. The Plan tab shows it
 * and the XLSX export writes it; both read this one document, so the file
 * says what the screen says.
 */

const text = (max: number) => z.string().max(max);
const micros = z.number().int().min(-1e15).max(1e15);

export const planDocument = z.object({
  name: text(200).min(1, 'The plan has no campaign name'),
  kind: z.enum(['campaign', 'program']),
  status: text(40),
  objective: text(60),
  activationModels: z.array(text(80)).max(20),
  owner: text(120),
  startsOn: text(10).nullable(),
  endsOn: text(10).nullable(),
  notes: text(5000),
  kpis: z.array(z.object({ kpi: text(60), target: z.number().min(0) })).max(50),
  keyMessages: z.array(text(500)).max(50),
  buckets: z.array(z.object({
    name: text(60),
    minFollowers: z.number().int().min(0).nullable(),
    maxFollowers: z.number().int().min(0).nullable(),
    targetCount: z.number().int().min(0),
    count: z.number().int().min(0),
    committedMicros: micros,
  })).max(50),
  budget: z.object({
    currency: currencyCode,
    plannedMicros: micros.nullable(),
    feesMicros: micros,
    productMicros: micros,
    committedMicros: micros,
    spentMicros: micros,
    uncommittedMicros: micros.nullable(),
    unbucketedMicros: micros,
    foreign: z.array(z.object({ currency: currencyCode, committedMicros: micros, spentMicros: micros })).max(20),
  }),
  timeline: z.array(z.object({ date: text(10), what: text(300) })).max(500),
  creators: z.array(z.object({
    name: text(200),
    bucket: text(60),
    step: text(60),
    fee: z.object({ amountMicros: micros, currency: currencyCode }).nullable(),
    productValue: z.object({ amountMicros: micros, currency: currencyCode }).nullable(),
  })).max(20_000),
  preparedOn: text(10),
});
export type PlanDocument = z.infer<typeof planDocument>;

export interface PlanCampaign {
  name: string;
  kind: 'campaign' | 'program';
  status: string;
  objective: string;
  activationModels: string[];
  ownerId?: string | null;
  startsOn: string | null;
  endsOn: string | null;
  notes?: string;
  kpiTargets: { kpi: string; target: number }[];
  keyMessages: string[];
  budget: Money | null;
  buckets: { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }[];
  steps: { id: string; name: string; position: number }[];
}

export interface PlanEngagement extends BudgetEngagement {
  creatorId: string;
  stepId: string;
  terms: (BudgetEngagement['terms'] & { deliverables?: { dueOn: string | null; quantity: number }[] }) | null;
}

export interface PlanTask { title: string; dueOn: string | null; done: boolean }

/**
 * The bucket a creator counts in: the one they were put in, else the one
 * their follower count falls into (the same rule as the board's progress).
 */
export function bucketOf(campaign: Pick<PlanCampaign, 'buckets'>, engagement: { bucketId?: string | null }, followers: number | undefined): string | null {
  if (engagement.bucketId && campaign.buckets.some((b) => b.id === engagement.bucketId)) return engagement.bucketId;
  const f = followers ?? 0;
  return campaign.buckets.find((b) => (b.minFollowers == null || f >= b.minFollowers) && (b.maxFollowers == null || f <= b.maxFollowers))?.id ?? null;
}

export function buildPlanDocument(input: {
  campaign: PlanCampaign;
  engagements: readonly PlanEngagement[];
  activities: readonly BudgetPayment[];
  tasks: readonly PlanTask[];
  creators: ReadonlyMap<string, { name: string; followersMax: number }>;
  ownerName: string;
  labels: { model: (m: string) => string; objective: (o: string) => string; status: (s: string) => string };
  fallbackCurrency: string;
  today: string;
}): PlanDocument {
  const { campaign } = input;
  const live = input.engagements.filter((e) => !e.deletedAt);
  const bucketIdOf = (e: { bucketId?: string | null; creatorId?: string }) =>
    bucketOf(campaign, e, input.creators.get((e as PlanEngagement).creatorId)?.followersMax);
  const budget = planBudget({ budget: campaign.budget, fallbackCurrency: input.fallbackCurrency, engagements: live, activities: input.activities });
  const split = committedByBucket(live, budget.currency, (e) => bucketIdOf(e as PlanEngagement));
  const counts = new Map<string, number>();
  for (const e of live) {
    if (e.declinedAt) continue;
    const b = bucketIdOf(e);
    if (b) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const steps = new Map(campaign.steps.map((s) => [s.id, s.name]));
  const bucketNames = new Map(campaign.buckets.map((b) => [b.id, b.name]));

  const timeline: { date: string; what: string }[] = [];
  const noun = campaign.kind === 'program' ? 'Program' : 'Campaign';
  if (campaign.startsOn) timeline.push({ date: campaign.startsOn, what: `${noun} starts` });
  const due = new Map<string, number>();
  for (const e of live) {
    if (e.declinedAt) continue;
    for (const d of e.terms?.deliverables ?? []) if (d.dueOn) due.set(d.dueOn, (due.get(d.dueOn) ?? 0) + d.quantity);
  }
  for (const [date, n] of due) timeline.push({ date, what: `${n} ${n === 1 ? 'deliverable' : 'deliverables'} due` });
  for (const t of input.tasks) if (t.dueOn && !t.done) timeline.push({ date: t.dueOn, what: `Task: ${t.title}` });
  if (campaign.endsOn) timeline.push({ date: campaign.endsOn, what: `${noun} ends` });
  timeline.sort((a, b) => a.date.localeCompare(b.date));

  return {
    name: campaign.name,
    kind: campaign.kind,
    status: input.labels.status(campaign.status),
    objective: input.labels.objective(campaign.objective),
    activationModels: campaign.activationModels.map(input.labels.model),
    owner: input.ownerName,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    notes: campaign.notes ?? '',
    kpis: campaign.kpiTargets.map((k) => ({ kpi: k.kpi, target: k.target })),
    keyMessages: campaign.keyMessages.filter((m) => m.trim() !== ''),
    buckets: campaign.buckets.map((b) => ({
      name: b.name, minFollowers: b.minFollowers, maxFollowers: b.maxFollowers, targetCount: b.targetCount,
      count: counts.get(b.id) ?? 0, committedMicros: split.get(b.id) ?? 0,
    })),
    budget: {
      currency: budget.currency, plannedMicros: budget.plannedMicros, feesMicros: budget.feesMicros, productMicros: budget.productMicros,
      committedMicros: budget.committedMicros, spentMicros: budget.spentMicros, uncommittedMicros: budget.uncommittedMicros,
      unbucketedMicros: split.get('') ?? 0, foreign: budget.foreign,
    },
    timeline: timeline.slice(0, 500),
    creators: live.filter((e) => !e.declinedAt).map((e) => {
      const b = bucketIdOf(e);
      return {
        name: input.creators.get(e.creatorId)?.name ?? 'A removed creator',
        bucket: b ? bucketNames.get(b) ?? '' : '',
        step: steps.get(e.stepId) ?? '',
        fee: e.terms?.fee ?? null,
        productValue: e.terms?.productValue ?? null,
      };
    }).sort((a, b) => a.bucket.localeCompare(b.bucket) || a.name.localeCompare(b.name)),
    preparedOn: input.today,
  };
}

/** "10k–100k followers", "Over 1M followers", "Any size". */
export function followerRange(min: number | null, max: number | null): string {
  const f = (n: number) => (n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(1)}M` : n >= 1000 ? `${+(n / 1000).toFixed(1)}k` : String(n));
  if (min != null && max != null) return `${f(min)}–${f(max)} followers`;
  if (min != null) return `${f(min)}+ followers`;
  if (max != null) return `Up to ${f(max)} followers`;
  return 'Any size';
}

/** A file name people recognise in their downloads: "Spring Glow seeding - plan.xlsx". */
export function planFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Campaign';
  return `${safe} - plan.xlsx`;
}
