import type { StoreOperation } from '../data/store';
import { activityRecord, aboutEngagement, type Actor } from './activities';
import { postFormatLabels, type PostFormat } from './post-url';

export interface LoggedPost {
  engagement: { id: string; creatorId: string; campaignId: string | null };
  deliverableId: string | null;
  url: string;
  platform: string;
  /** As the timeline names it ("Instagram"). */
  platformName: string;
  format: PostFormat | null;
  platformPostId: string;
  postedAt: string;
  /** Screenshots from the library: they are filed under the post, its creator and campaign. */
  screenshotIds: readonly string[];
}

/** A live post, its screenshots filed under it, and a line in the creator's timeline dated when it went live. */
export function logPostWrites(post: LoggedPost, actor: Actor, ids: { contentId: string; activityId: string }): StoreOperation[] {
  const { engagement } = post;
  return [
    {
      kind: 'create', collection: 'content', id: ids.contentId,
      input: {
        kind: 'post', creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id, deliverableId: post.deliverableId,
        url: post.url, platform: post.platform, format: post.format ?? '', platformPostId: post.platformPostId, postedAt: post.postedAt, assetIds: [...post.screenshotIds],
      },
    },
    ...post.screenshotIds.map((assetId): StoreOperation => ({ kind: 'update', collection: 'assets', id: assetId, patch: { contentId: ids.contentId, creatorId: engagement.creatorId, campaignId: engagement.campaignId } })),
    activityRecord({
      kind: 'post', title: `Posted a ${postFormatLabels[post.format ?? 'post']?.toLowerCase() ?? 'post'} on ${post.platformName}`, body: post.url,
      at: post.postedAt, actorId: actor.id, ...aboutEngagement(engagement), data: { contentId: ids.contentId, byName: actor.name },
    }, ids.activityId),
  ];
}
