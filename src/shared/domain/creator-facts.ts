import { engagementRate } from './engagement-rate';
import { postedOnTime, type PerformanceEngagement } from './past-performance';
import { weightedScore } from './scorecard';

/**
 * What the rest of the workspace knows about each creator, for the list's
 * filters and columns: where they are in campaigns, when we last reached out,
 * how they were vetted and how their posts for us did. Derived, never stored.
 */
export interface CreatorFacts {
  campaigns: { campaignId: string; stepId: string }[];
  /** ISO instant of the latest outreach or follow-up, from the timeline or the pipeline. */
  lastContactedAt: string | null;
  /** Weighted 1–5 score of the latest scorecard, or null when never vetted. */
  vettingScore: number | null;
  /** Live posts for us. */
  posts: number;
  /** Mean engagement rate of those posts that have metrics (reach-based, as everywhere). */
  postEngagementRate: number | null;
  /** Live posts up by their deliverable's due date ÷ live posts with a due date (the Warm list's rule); null when none had one. */
  onTimeRate: number | null;
}

export interface FactsEngagement {
  id?: string;
  campaignId: string;
  creatorId: string;
  stepId: string;
  updatedAt: string;
  lastContactedAt?: string | null;
  scorecard?: { criterionId: string; score: number }[];
  terms?: PerformanceEngagement['terms'];
}

export interface FactsActivity {
  kind: string;
  at: string;
  creatorId: string | null;
}

export interface FactsContent {
  kind: string;
  creatorId: string;
  engagementId?: string | null;
  deliverableId?: string | null;
  postedAt?: string | null;
  metrics?: { at: string; likes?: number | null; comments?: number | null; shares?: number | null; saves?: number | null; reach?: number | null }[];
}

export interface FactsInput {
  engagements: FactsEngagement[];
  activities: FactsActivity[];
  content: FactsContent[];
  /** Scorecard criteria and their weights; scores on criteria not listed do not count. */
  criteria: { id: string; weight: number }[];
  /** Campaigns that still exist: engagements in trashed campaigns do not count. */
  campaignIds?: ReadonlySet<string>;
}

const contactKinds = new Set(['outreach', 'follow-up']);

export function emptyFacts(): CreatorFacts {
  return { campaigns: [], lastContactedAt: null, vettingScore: null, posts: 0, postEngagementRate: null, onTimeRate: null };
}

function later(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  return !a || b > a ? b : a;
}

export function buildCreatorFacts(input: FactsInput): Map<string, CreatorFacts> {
  const facts = new Map<string, CreatorFacts>();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = emptyFacts()));
    return f;
  };
  const scoredAt = new Map<string, string>();

  for (const e of input.engagements) {
    if (input.campaignIds && !input.campaignIds.has(e.campaignId)) continue;
    const f = of(e.creatorId);
    f.campaigns.push({ campaignId: e.campaignId, stepId: e.stepId });
    f.lastContactedAt = later(f.lastContactedAt, e.lastContactedAt);
    // The same rule as the scorecard itself, so the list and the profile show the same number.
    const score = e.scorecard?.length ? weightedScore(e.scorecard, input.criteria) : null;
    // The latest scorecard stands for the creator: vetting is redone per campaign.
    if (score !== null && (!scoredAt.has(e.creatorId) || e.updatedAt > scoredAt.get(e.creatorId)!)) {
      scoredAt.set(e.creatorId, e.updatedAt);
      f.vettingScore = score;
    }
  }

  for (const a of input.activities) {
    if (a.creatorId && contactKinds.has(a.kind)) of(a.creatorId).lastContactedAt = later(of(a.creatorId).lastContactedAt, a.at);
  }

  const rates = new Map<string, number[]>();
  const byId = new Map<string, FactsEngagement>();
  for (const e of input.engagements) if (e.id) byId.set(e.id, e);
  const due = new Map<string, { due: number; onTime: number }>();
  for (const c of input.content) {
    if (c.kind !== 'post') continue;
    of(c.creatorId).posts++;
    const engagement = c.engagementId ? byId.get(c.engagementId) : undefined;
    const onTime = engagement ? postedOnTime({ deliverableId: c.deliverableId ?? null, postedAt: c.postedAt ?? null }, engagement) : null;
    if (onTime !== null) {
      const d = due.get(c.creatorId) ?? { due: 0, onTime: 0 };
      d.due++;
      if (onTime) d.onTime++;
      due.set(c.creatorId, d);
    }
    const latest = c.metrics?.reduce<NonNullable<FactsContent['metrics']>[number] | null>((best, m) => (!best || m.at > best.at ? m : best), null);
    const rate = latest ? engagementRate(latest) : null;
    if (rate !== null) {
      const list = rates.get(c.creatorId) ?? [];
      list.push(rate);
      rates.set(c.creatorId, list);
    }
  }
  for (const [id, list] of rates) of(id).postEngagementRate = list.reduce((s, r) => s + r, 0) / list.length;
  for (const [id, d] of due) of(id).onTimeRate = d.onTime / d.due;
  return facts;
}
