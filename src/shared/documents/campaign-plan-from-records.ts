import { formatMoney, type Money } from '../domain/fields';
import type { CampaignPlanSource } from './campaign-plan';
import { platformName, type ContractDeliverable } from './creator-agreement';

export interface PlanCampaign {
  name: string;
  kind: string;
  objective: string;
  activationModels: string[];
  budget: Money | null;
  startsOn: string | null;
  endsOn: string | null;
  keyMessages: string[];
  kpiTargets: Array<{ kpi: string; target: number }>;
  buckets: Array<{ id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }>;
  steps: Array<{ id: string; name: string }>;
}

export interface PlanEngagement {
  creatorId: string;
  stepId: string;
  bucketId: string | null;
  terms: { fee?: Money | null; deliverables?: ContractDeliverable[] } | null;
}

const num = (n: number) => new Intl.NumberFormat('en-US').format(n);
const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`)) : '');

/** The plan's figures from the campaign, its engagements and their creators. */
export function campaignPlanSource(campaign: PlanCampaign, engagements: PlanEngagement[], creators: Map<string, { name: string; handle: string }>): CampaignPlanSource {
  const currency = campaign.budget?.currency ?? engagements.find((e) => e.terms?.fee)?.terms?.fee?.currency ?? 'USD';
  const committedMicros = engagements.reduce((sum, e) => sum + (e.terms?.fee?.currency === currency ? e.terms.fee.amountMicros : 0), 0);
  const stepName = new Map(campaign.steps.map((s) => [s.id, s.name]));
  const dates = campaign.startsOn && campaign.endsOn ? `${date(campaign.startsOn)} – ${date(campaign.endsOn)}` : campaign.startsOn ? `from ${date(campaign.startsOn)}` : 'Dates to be set';
  return {
    name: campaign.name,
    kind: campaign.kind,
    objective: campaign.objective,
    activationModels: campaign.activationModels,
    dates,
    budget: campaign.budget ? formatMoney(campaign.budget) : 'no budget set',
    committed: formatMoney({ amountMicros: committedMicros, currency }),
    keyMessages: campaign.keyMessages,
    kpiTargets: campaign.kpiTargets.map((k) => ({ kpi: k.kpi.charAt(0).toUpperCase() + k.kpi.slice(1), target: num(k.target) })),
    buckets: campaign.buckets.map((b) => ({
      name: b.name,
      range: b.maxFollowers ? `${num(b.minFollowers ?? 0)}–${num(b.maxFollowers)}` : `${num(b.minFollowers ?? 0)}+`,
      target: b.targetCount,
      inPipeline: engagements.filter((e) => e.bucketId === b.id).length,
    })),
    steps: campaign.steps.map((s) => ({ name: s.name, count: engagements.filter((e) => e.stepId === s.id).length })),
    creators: engagements
      .map((e) => ({
        name: creators.get(e.creatorId)?.name ?? 'A removed creator',
        handle: creators.get(e.creatorId)?.handle ?? '',
        step: stepName.get(e.stepId) ?? '',
        fee: e.terms?.fee ? formatMoney(e.terms.fee) : '—',
        deliverables: (e.terms?.deliverables ?? []).map((d) => `${d.quantity} ${platformName(d.platform)} ${d.format}`).join(', ') || '—',
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
