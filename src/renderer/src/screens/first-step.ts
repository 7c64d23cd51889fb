import { defaultPipeline } from '../../../shared/domain/pipelines';
import type { activationModels } from '../../../shared/data/schemas/campaigns';

export interface CampaignSteps {
  steps: { id: string; name: string; position: number }[];
  activationModels: (typeof activationModels)[number][];
}

/** A campaign's own steps, or the default pipeline of its first activation model. */
export function stepsOf(campaign: CampaignSteps): { id: string; name: string; position: number }[] {
  if (campaign.steps.length) return [...campaign.steps].sort((a, b) => a.position - b.position);
  return defaultPipeline(campaign.activationModels[0] ?? 'gifting');
}

export function stepName(campaign: CampaignSteps | undefined, stepId: string): string {
  return (campaign ? stepsOf(campaign) : defaultPipeline('gifting')).find((s) => s.id === stepId)?.name ?? stepId.replace(/-/g, ' ');
}
