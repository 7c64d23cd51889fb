import { formatDay } from '../../../shared/domain/day-format';
import type { Money } from '../../../shared/domain/fields';

export interface CampaignRow {
  id: string;
  name: string;
  kind: 'campaign' | 'program';
  activationModels: string[];
  objective: string;
  budget: Money | null;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  deletedAt: string | null;
  buckets: { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }[];
}

export const activationLabels: Record<string, string> = {
  gifting: 'Gifting / seeding', ambassador: 'Ambassador', events: 'Events', 'pay-to-post': 'Pay to post', affiliate: 'Affiliate',
  collab: 'Collab', licensing: 'Endorsement / licensing', 'content-creation': 'Content creation (UGC)', whitelisting: 'Whitelisting / Spark Ads',
};

export const objectiveLabels: Record<string, string> = {
  awareness: 'Awareness', consideration: 'Consideration', conversion: 'Conversion', loyalty: 'Loyalty', content: 'Content',
};

export function formatDateRange(startsOn: string | null, endsOn: string | null): string {
  const fmt = (d: string) => formatDay(d);
  if (startsOn && endsOn) return `${fmt(startsOn)} – ${fmt(endsOn)}`;
  if (startsOn) return `From ${fmt(startsOn)}, ongoing`;
  return 'No dates yet';
}
