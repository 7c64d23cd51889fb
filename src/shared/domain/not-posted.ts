/**
 * Who has not posted yet: each agreed deliverable without a live post
 * linked to it, most overdue first. A post logged without a deliverable
 * counts for the creator's first open deliverable on the same platform, so
 * a post logged in a hurry still closes the right line.
 */
export interface NotPostedInput {
  engagements: readonly { id: string; creatorId: string; campaignId: string; terms: { deliverables: { id: string; platform: string; format: string; quantity: number; dueOn: string | null }[] } | null; deletedAt?: string | null }[];
  posts: readonly { engagementId: string | null; deliverableId: string | null; platform: string | null; deletedAt?: string | null }[];
}

export interface MissingPost {
  engagementId: string;
  creatorId: string;
  deliverableId: string;
  platform: string;
  format: string;
  dueOn: string | null;
  /** Posts still owed for this deliverable (its quantity minus posts logged). */
  owed: number;
  /** Days past the due date on `today` (negative: days left); null without a due date. */
  daysLate: number | null;
}

const DAY = 86_400_000;

export function missingPosts({ engagements, posts }: NotPostedInput, today: string): MissingPost[] {
  const out: MissingPost[] = [];
  for (const e of engagements) {
    if (e.deletedAt || !e.terms?.deliverables.length) continue;
    const theirs = posts.filter((p) => !p.deletedAt && p.engagementId === e.id);
    const counted = new Map<string, number>();
    for (const p of theirs) if (p.deliverableId) counted.set(p.deliverableId, (counted.get(p.deliverableId) ?? 0) + 1);
    const loose = theirs.filter((p) => !p.deliverableId || !e.terms!.deliverables.some((d) => d.id === p.deliverableId));
    for (const d of e.terms.deliverables) {
      let done = counted.get(d.id) ?? 0;
      while (done < d.quantity) {
        const i = loose.findIndex((p) => p.platform === d.platform);
        if (i < 0) break;
        loose.splice(i, 1);
        done++;
      }
      if (done >= d.quantity) continue;
      const daysLate = d.dueOn ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${d.dueOn}T00:00:00Z`)) / DAY) : null;
      out.push({ engagementId: e.id, creatorId: e.creatorId, deliverableId: d.id, platform: d.platform, format: d.format, dueOn: d.dueOn, owed: d.quantity - done, daysLate });
    }
  }
  return out.sort((a, b) => (b.daysLate ?? -1e9) - (a.daysLate ?? -1e9));
}
