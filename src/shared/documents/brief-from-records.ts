import { formatMoney, type Money } from '../domain/fields';
import type { BriefCampaignTerms, BriefDeliverable } from './brief-spec';
import type { ContractDeliverable } from './creator-agreement';

/** The parts of a campaign, its engagements and library assets a brief reads. */
export interface BriefCampaignRecord {
  startsOn: string | null;
  endsOn: string | null;
  budget: Money | null;
  notes: string;
}

export interface BriefEngagementRecord {
  creatorId: string;
  declinedAt?: string | null;
  terms: { fee?: Money | null; deliverables?: ContractDeliverable[] } | null;
}

export interface MoodBoardAsset {
  id: string;
  sha256: string;
  fileName: string;
  notes: string;
}

/**
 * The campaign's terms as the brief prints them: its dates, budget and notes
 * (the last two internal), and every deliverable of every creator who has
 * terms and has not declined, with their fee (internal).
 */
export function briefTermsFrom(campaign: BriefCampaignRecord | null, engagements: readonly BriefEngagementRecord[], nameOf: (creatorId: string) => string | undefined): { campaign: BriefCampaignTerms | null; deliverables: BriefDeliverable[] } {
  const deliverables: BriefDeliverable[] = [];
  for (const e of engagements) {
    if (e.declinedAt || !e.terms) continue;
    const creatorName = nameOf(e.creatorId);
    if (!creatorName) continue;
    const fee = e.terms.fee ? formatMoney(e.terms.fee) : '';
    for (const d of e.terms.deliverables ?? []) {
      deliverables.push({ creatorName, platform: d.platform, format: d.format, quantity: d.quantity, dueOn: d.dueOn, usageRights: d.usageRights, fee });
    }
  }
  return {
    campaign: campaign ? { startsOn: campaign.startsOn, endsOn: campaign.endsOn, budget: campaign.budget ? formatMoney(campaign.budget) : '', notes: campaign.notes } : null,
    deliverables,
  };
}

/**
 * The chosen pictures in the order they were chosen, captioned with the
 * first line of the asset's notes. A picture deleted from the library since
 * is left out (and counted, so the screen can say so).
 */
export function moodBoardFrom(ids: readonly string[], assets: readonly MoodBoardAsset[]): { pictures: Array<{ sha256: string; caption: string }>; gone: number } {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const pictures: Array<{ sha256: string; caption: string }> = [];
  let gone = 0;
  for (const id of ids) {
    const asset = byId.get(id);
    if (!asset) gone += 1;
    else pictures.push({ sha256: asset.sha256, caption: asset.notes.split('\n')[0].trim().slice(0, 120) });
  }
  return { pictures, gone };
}
