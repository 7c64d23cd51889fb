import { useEffect, useMemo, useState } from 'react';
import type { RecordOf } from '../../../../shared/data/records';
import { defaultFollowUpRule, replyRates, type FollowUpRule, type ReplyRate } from '../../../../shared/domain/follow-ups';
import type { MergeValues } from '../../../../shared/domain/merge-fields';
import { outreachValues } from '../../../../shared/domain/outreach-values';
import { useWorkspace } from '../../app/workspace-context';
import { getMe, onMeChange } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';

export type Engagement = RecordOf<'engagements'>;
export type Campaign = RecordOf<'campaigns'>;
export type Template = RecordOf<'documents'>;

export const templateKinds = [
  { value: 'outreach-email', label: 'Outreach email' },
  { value: 'dm', label: 'Direct message' },
  { value: 'follow-up', label: 'Follow-up' },
] as const;

export function templateKindLabel(kind: string): string {
  return templateKinds.find((k) => k.value === kind)?.label ?? kind;
}

/** The rule as stored (records written before follow-up rules existed get the default); an empty time zone means this computer's. */
export function storedRuleOf(campaign: Pick<Campaign, 'followUpRule'> | null | undefined): FollowUpRule {
  return { ...defaultFollowUpRule, timeZone: '', ...(campaign?.followUpRule ?? {}) };
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The rule as applied here: without a team time zone, "today" is this computer's. */
export function ruleOf(campaign: Pick<Campaign, 'followUpRule'> | null | undefined): FollowUpRule {
  const rule = storedRuleOf(campaign);
  return { ...rule, timeZone: rule.timeZone || localTimeZone() };
}

/** Your name as teammates see it; null until you set it, so {{sender_name}} is flagged rather than "A teammate". */
export function useSenderName(): string | null {
  const [me, setMe] = useState(getMe);
  useEffect(() => onMeChange(() => setMe(getMe())), []);
  return me.named ? me.name : null;
}

export function useTemplates(): Template[] | null {
  const rows = useRxQuery<Template>('documents', { selector: { kind: 'template', deletedAt: null } }, 'outreach-templates');
  return useMemo(() => rows?.filter((t) => templateKinds.some((k) => k.value === t.templateFor)).sort((a, b) => a.title.localeCompare(b.title)) ?? null, [rows]);
}

/** Reply rate per template, over every campaign it was sent in. */
export function useReplyRates(): Map<string, ReplyRate> {
  const sends = useRxQuery<RecordOf<'activities'>>('activities', { selector: { kind: { $in: ['outreach', 'follow-up'] }, deletedAt: null } }, 'outreach-sends');
  const replied = useRxQuery<Engagement>('engagements', { selector: { repliedAt: { $ne: null }, deletedAt: null } }, 'outreach-replied');
  return useMemo(() => replyRates(sends ?? [], new Map((replied ?? []).map((e) => [e.id, e.repliedAt]))), [sends, replied]);
}

/** Everything a campaign's outreach needs: its creators and the values their messages merge. */
export function useCampaignOutreach(campaignId: string) {
  const { current } = useWorkspace();
  const campaign = useRxQuery<Campaign>('campaigns', { selector: { id: campaignId } }, `outreach-campaign-${campaignId}`)?.[0] ?? null;
  const engagements = useRxQuery<Engagement>('engagements', { selector: { campaignId, deletedAt: null } }, `outreach-engagements-${campaignId}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `outreach-creators-${campaignId}-${ids.length}-${ids[0] ?? ''}-${ids[ids.length - 1] ?? ''}`);
  const codes = useRxQuery<RecordOf<'codes'>>('codes', { selector: { deletedAt: null } }, 'outreach-codes');
  const products = useRxQuery<RecordOf<'products'>>('products', { selector: { deletedAt: null } }, 'outreach-products');
  const senderName = useSenderName();
  const creatorById = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c])), [creators]);
  const brandName = current?.name ?? null;

  const valuesFor = useMemo(() => {
    const campaignCodes = (codes ?? []).filter((c) => c.campaignId === campaignId || c.campaignId == null);
    return (engagement: Engagement): MergeValues => {
      const creator = creatorById.get(engagement.creatorId);
      if (!creator || !campaign) return {};
      return outreachValues({ creator, campaign, engagement, products: products ?? [], codes: campaignCodes, senderName, brandName });
    };
  }, [codes, products, creatorById, campaign, senderName, brandName, campaignId]);

  const loading = !campaign || !engagements || !creators;
  return { campaign, engagements: engagements ?? [], creatorById, valuesFor, loading, senderName };
}
