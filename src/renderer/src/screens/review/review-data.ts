import { CommandError } from '../../../../shared/data/command-error';
import { useMemo } from 'react';
import { formatDay as formatSharedDay } from '../../../../shared/domain/day-format';
import type { Money } from '../../../../shared/domain/fields';
import type { ChecklistItem, FeedbackItem, ReviewDecision } from '../../../../shared/domain/review-rounds';
import { useMe } from '../../hooks/use-me';
import { useTeammatesOnline } from '../../hooks/use-presence';
import { useRxQuery } from '../../hooks/use-rx-query';
import { ownerChoices, type MemberRecord, type OwnerChoice } from '../creators/teammates';

/** A submission or a post as the projection holds it. */
export interface ContentRow {
  id: string;
  kind: 'submission' | 'post';
  creatorId: string;
  campaignId: string | null;
  engagementId: string | null;
  deliverableId: string | null;
  round: number;
  assetIds: string[];
  url: string;
  platform: string | null;
  format: string;
  platformPostId: string;
  caption: string;
  postedAt: string | null;
  assigneeId: string | null;
  checklist: ChecklistItem[];
  review: { status: ReviewDecision; reviewerId: string | null; decidedAt: string | null; decidedBy: string | null; note: string; feedback: FeedbackItem[] } | null;
  metrics: SnapshotRow[];
  createdAt: string;
  updatedAt?: string;
  createdBy: string | null;
  deletedAt: string | null;
}

export interface SnapshotRow {
  at: string;
  source: 'manual' | 'screenshot' | 'csv-import';
  impressions: number | null; reach: number | null; views: number | null; likes: number | null; comments: number | null;
  shares: number | null; saves: number | null; clicks: number | null; orders: number | null; revenue: Money | null;
  evidenceAssetId: string | null;
  enteredBy: string | null;
}

export interface DeliverableRow { id: string; platform: string; format: string; quantity: number; dueOn: string | null; usageRights: string }

export interface EngagementRow {
  id: string;
  campaignId: string;
  creatorId: string;
  stepId: string;
  terms: { deliverables: DeliverableRow[]; fee: Money | null } | null;
  deletedAt: string | null;
}

export interface AssetRow { id: string; fileName: string; kind: string; creatorId: string | null; campaignId: string | null; contentId: string | null; source: string; deletedAt: string | null }

export interface NamedRow { id: string; name: string; deletedAt: string | null }

export interface CreatorLite extends NamedRow {
  accounts: { platform: string; handle: string; followers: number | null }[];
}

/** Names by id for the creators and campaigns a list shows. */
export function useNames() {
  const campaigns = useRxQuery<NamedRow & { steps: { id: string; name: string }[] }>('campaigns', { selector: { deletedAt: null } }, 'names-campaigns');
  const creators = useRxQuery<CreatorLite>('creators', { selector: { deletedAt: null } }, 'names-creators');
  return useMemo(() => ({
    campaigns: campaigns ?? [],
    campaignName: new Map((campaigns ?? []).map((c) => [c.id, c.name])),
    creator: new Map((creators ?? []).map((c) => [c.id, c])),
    ready: campaigns !== null && creators !== null,
  }), [campaigns, creators]);
}

/** Everyone a draft can be assigned to: named members, teammates online, and me. */
export function useTeammates(): OwnerChoice[] {
  const me = useMe();
  const online = useTeammatesOnline();
  const settings = useRxQuery<MemberRecord & { kind: string }>('settings', { selector: { deletedAt: null, kind: 'member' } }, 'settings-members');
  return useMemo(() => ownerChoices({ id: me.id, name: me.named ? me.name : 'You' }, settings ?? [], online.map((p) => p.user), []), [me, online, settings]);
}

export function teammateName(choices: readonly OwnerChoice[], id: string | null | undefined): string {
  if (!id) return 'Nobody yet';
  const found = choices.find((c) => c.id === id);
  return found ? (found.isMe ? 'You' : found.name) : 'A teammate';
}

const platformNames: Record<string, string> = {
  instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', twitch: 'Twitch', pinterest: 'Pinterest', x: 'X', linkedin: 'LinkedIn', snapchat: 'Snapchat', blog: 'Blog', other: 'Other',
};

export function platformLabel(platform: string | null | undefined): string {
  return platform ? platformNames[platform] ?? platform : '—';
}

export function deliverableLabel(d: DeliverableRow | undefined | null): string {
  if (!d) return 'General';
  const platform = platformLabel(d.platform);
  return `${d.quantity > 1 ? `${d.quantity} × ` : ''}${platform} ${d.format}${d.dueOn ? ` · due ${new Date(`${d.dueOn}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}` : ''}`;
}

export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatSharedDay(iso) || '—';
}

/** A command's field messages (path → message), or {} when the failure was not about a field. */
export function commandFields(error: unknown): Record<string, string> {
  return error instanceof CommandError ? error.fields : {};
}
