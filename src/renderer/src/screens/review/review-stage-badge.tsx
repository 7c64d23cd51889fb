import { Badge, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { reviewStageColors, reviewStageLabels, reviewSummary, roundLabel, type ReviewSummary } from '../../../../shared/domain/review-rounds';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { ContentRow } from './review-data';

/**
 * Review state per creator in one campaign (engagement id → summary), for
 * the campaign board's cards: one query for the whole campaign, not one per card.
 */
export function useCampaignReviewStatus(campaignId: string): Map<string, ReviewSummary> {
  const content = useRxQuery<ContentRow>('content', { selector: { campaignId, deletedAt: null } }, `review-status-${campaignId}`);
  return useMemo(() => {
    const byEngagement = new Map<string, ContentRow[]>();
    for (const c of content ?? []) if (c.engagementId) byEngagement.set(c.engagementId, [...(byEngagement.get(c.engagementId) ?? []), c]);
    const out = new Map<string, ReviewSummary>();
    for (const [id, rows] of byEngagement) out.set(id, reviewSummary(rows.filter((r) => r.kind === 'submission'), rows.some((r) => r.kind === 'post')));
    return out;
  }, [content]);
}

/** "Draft to review · v2": where a creator's content stands. Renders nothing before the first draft unless `showWaiting`. */
export function ReviewStageBadge({ summary, showWaiting = false }: { summary: ReviewSummary | undefined; showWaiting?: boolean }) {
  if (!summary || (summary.stage === 'awaiting-draft' && !showWaiting)) return null;
  const label = `${reviewStageLabels[summary.stage]}${summary.round > 0 && summary.stage !== 'posted' ? ` · ${roundLabel(summary.round)}` : ''}`;
  const detail = summary.drafts > 1 ? `${summary.approved} of ${summary.drafts} deliverables approved` : label;
  return (
    <Tooltip label={detail} withArrow>
      <Badge size="xs" variant="light" color={reviewStageColors[summary.stage]} data-testid="review-stage">{label}</Badge>
    </Tooltip>
  );
}
