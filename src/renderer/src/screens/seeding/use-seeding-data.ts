import { useMemo } from 'react';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import type { PostRow, ProductRow, SeedingEngagement, ShipmentRow } from './seeding-rows';

/** Everything the seeding screen shows for one campaign, live: its creators, their shipments and posts, and the catalogue. */
export function useSeedingData(campaignId: string | null) {
  const products = useRxQuery<ProductRow>('products', { selector: { deletedAt: null }, sort: [{ position: 'asc' }] }, 'seeding-products');
  const engagements = useRxQuery<SeedingEngagement>('engagements', { selector: { campaignId: campaignId ?? '__none', deletedAt: null } }, `seeding-eng-${campaignId}`);
  const shipments = useRxQuery<ShipmentRow>('shipments', { selector: { campaignId: campaignId ?? '__none', deletedAt: null } }, `seeding-ship-${campaignId}`);
  const allOrderNames = useRxQuery<{ id: string; orderName: string }>('shipments', { selector: {} }, 'seeding-order-names');
  const posts = useRxQuery<PostRow>('content', { selector: { campaignId: campaignId ?? '__none', kind: 'post', deletedAt: null } }, `seeding-posts-${campaignId}`);
  const creatorIds = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: creatorIds } } }, `seeding-creators-${campaignId}-${creatorIds.length}-${creatorIds[0] ?? ''}-${creatorIds[creatorIds.length - 1] ?? ''}`);
  const productById = useMemo(() => new Map((products ?? []).map((p) => [p.id, p])), [products]);
  const creatorById = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c])), [creators]);
  return { products, productById, engagements, shipments, posts, creators, creatorById, orderNames: (allOrderNames ?? []).map((s) => s.orderName).filter(Boolean) };
}
