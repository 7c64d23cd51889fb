import { useMemo } from 'react';
import { buildCreatorFacts, type FactsActivity, type FactsContent, type FactsEngagement } from '../../../../shared/domain/creator-facts';
import { CreatorIndex } from '../../../../shared/domain/creator-index';
import { readTierThresholds } from '../../../../shared/domain/tier-settings';
import { useMe } from '../../hooks/use-me';
import { useTeammatesOnline } from '../../hooks/use-presence';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import { countryName, languageName } from './display-names';
import { ownerChoices, UNKNOWN_TEAMMATE, type MemberRecord } from './teammates';

export interface CampaignOption {
  id: string;
  name: string;
  steps: { id: string; name: string; position: number }[];
}

export interface SettingRecord {
  id: string;
  kind: string;
  name: string;
  data: Record<string, unknown>;
  createdBy: string | null;
  updatedAt: string;
}

type EngagementRow = FactsEngagement & { id: string };

/**
 * Everything the creator list reads, live: creators, and what the rest of
 * the workspace says about them (pipelines, outreach, posts, scorecards,
 * tier thresholds, saved views, teammates), laid out as a `CreatorIndex`.
 */
export function useCreatorData() {
  const rows = useRxQuery<CreatorRow>('creators', { selector: { deletedAt: null } }, 'creators-active');
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { deletedAt: null } }, 'engagements-active');
  const activities = useRxQuery<FactsActivity>('activities', { selector: { deletedAt: null, kind: { $in: ['outreach', 'follow-up'] } } }, 'activities-contacts');
  const content = useRxQuery<FactsContent>('content', { selector: { deletedAt: null, kind: 'post' } }, 'content-posts');
  const campaignRows = useRxQuery<CampaignOption>('campaigns', { selector: { deletedAt: null } }, 'campaigns-active');
  const settings = useRxQuery<SettingRecord>('settings', { selector: { deletedAt: null } }, 'settings-active');
  const me = useMe();
  const online = useTeammatesOnline();

  const campaigns = useMemo(() => (campaignRows ?? []).map((c) => ({ id: c.id, name: c.name, steps: [...c.steps].sort((a, b) => a.position - b.position) }))
    .sort((a, b) => a.name.localeCompare(b.name)), [campaignRows]);
  const workspace = useMemo(() => settings?.find((s) => s.kind === 'workspace') ?? null, [settings]);
  const thresholds = useMemo(() => readTierThresholds(workspace?.data), [workspace]);
  const views = useMemo(() => (settings ?? []).filter((s) => s.kind === 'saved-view').sort((a, b) => a.name.localeCompare(b.name)), [settings]);
  const criteria = useMemo(() => (settings ?? []).filter((s) => s.kind === 'scorecard-criterion')
    .map((s) => ({ id: s.id, weight: typeof s.data.weight === 'number' ? s.data.weight : 1 })), [settings]);

  const facts = useMemo(() => buildCreatorFacts({
    engagements: engagements ?? [], activities: activities ?? [], content: content ?? [], criteria,
    campaignIds: new Set(campaigns.map((c) => c.id)),
  }), [engagements, activities, content, criteria, campaigns]);

  const latestOwners = useMemo(() => {
    const members = (settings ?? []).filter((s) => s.kind === 'member') as unknown as MemberRecord[];
    const ids = new Set<string>();
    for (const r of rows ?? []) if (r.ownerId) ids.add(r.ownerId);
    return ownerChoices({ id: me.id, name: me.named ? me.name : 'You' }, members, online.map((p) => p.user), ids);
  }, [settings, rows, me, online]);
  // Presence changes whenever a teammate moves between screens; only a new name or person may rebuild the index.
  const ownersKey = JSON.stringify(latestOwners);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const owners = useMemo(() => latestOwners, [ownersKey]);

  const index = useMemo(() => {
    if (!rows) return null;
    const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
    const campaignNames = new Map(campaigns.map((c) => [c.id, c]));
    return new CreatorIndex(rows, facts, {
      thresholds,
      ownerName: (id) => ownerNames.get(id) ?? UNKNOWN_TEAMMATE,
      campaignName: (id) => campaignNames.get(id)?.name ?? 'A campaign',
      stepName: (campaignId, stepId) => campaignNames.get(campaignId)?.steps.find((s) => s.id === stepId)?.name ?? stepId,
      countryName,
      languageName,
    });
  }, [rows, facts, thresholds, owners, campaigns]);

  return { rows, index, campaigns, thresholds, workspace, views, owners };
}

export type CreatorData = ReturnType<typeof useCreatorData>;
