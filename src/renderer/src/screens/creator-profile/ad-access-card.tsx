import { Card, Text } from '@mantine/core';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatDay, platformLabel, type ContentRow } from '../review/review-data';
import { AdAccessSection } from '../rights/ad-access-section';
import type { RightRow } from '../rights/rights-data';

/** Every ad access this creator gave (Spark Ads codes, partnership ads), per post, with the code masked. */
export function AdAccessCard({ creatorId, readOnly }: { creatorId: string; readOnly?: boolean }) {
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null, creatorId } }, `creator-ad-access-${creatorId}`);
  const posts = useRxQuery<ContentRow>('content', { selector: { creatorId } }, `creator-ad-access-posts-${creatorId}`);
  const postById = new Map((posts ?? []).map((p) => [p.id, p]));
  const describe = (r: RightRow) => {
    const post = r.contentId ? postById.get(r.contentId) : undefined;
    return post ? `${platformLabel(post.platform)} post${post.postedAt ? ` of ${formatDay(post.postedAt)}` : ''}` : r.assetId ? 'A library file' : '';
  };
  return (
    <Card withBorder radius="lg" data-testid="ad-access-card">
      <Text fw={700} mb="sm">Whitelisting &amp; Spark Ads</Text>
      <AdAccessSection rights={rights ?? []} creatorId={creatorId} describe={describe} readOnly={readOnly} />
    </Card>
  );
}
