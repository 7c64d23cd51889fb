import type { StoreOperation } from '../data/store';
import { activityRecord, type Actor } from './activities';

export interface SentBrief {
  id: string;
  title: string;
  version: number;
  campaignId: string | null;
  sentTo: readonly { creatorId: string; at: string; by: string | null }[];
}

/**
 * Records which creators this version went to: one line per creator on the
 * brief and in their timeline, the brief marked sent. A creator who already
 * has it is not recorded twice.
 */
export function sendBriefOperations(brief: SentBrief, creatorIds: readonly string[], actor: Actor, at: string, newId: () => string): StoreOperation[] {
  const already = new Set(brief.sentTo.map((s) => s.creatorId));
  const fresh = [...new Set(creatorIds)].filter((id) => !already.has(id));
  return [
    { kind: 'update', collection: 'documents', id: brief.id, patch: { status: 'sent', sentTo: [...brief.sentTo, ...fresh.map((creatorId) => ({ creatorId, at, by: actor.id }))] } },
    ...fresh.map((creatorId) => activityRecord({
      kind: 'note', title: `Brief sent: ${brief.title} (v${brief.version})`, at, actorId: actor.id, creatorId, campaignId: brief.campaignId,
      data: { documentId: brief.id, version: brief.version, byName: actor.name },
    }, newId())),
  ];
}
