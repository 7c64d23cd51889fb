/**
 * A shipment's life: to ship → shipped → delivered, or failed → re-shipped
 * (a new shipment with `replacesId`; the failed one is kept, marked
 * "reshipped", so the history shows both parcels).
 */
export type ShipmentStatus = 'to-ship' | 'shipped' | 'delivered' | 'failed' | 'reshipped';

export const shipmentStatusLabels: Record<ShipmentStatus, string> = {
  'to-ship': 'To ship', shipped: 'Shipped', delivered: 'Delivered', failed: 'Failed', reshipped: 'Re-shipped',
};

export const shipmentStatusColors: Record<ShipmentStatus, string> = {
  'to-ship': 'gray', shipped: 'blue', delivered: 'teal', failed: 'red', reshipped: 'grape',
};

/** Where a shipment may go next by hand. A delivered parcel can still turn out damaged (failed); re-shipping is its own action. */
export function nextStatuses(status: ShipmentStatus): ShipmentStatus[] {
  switch (status) {
    case 'to-ship': return ['shipped'];
    case 'shipped': return ['delivered', 'failed'];
    case 'delivered': return ['failed'];
    case 'failed': return [];
    case 'reshipped': return [];
  }
}

export function canReship(status: ShipmentStatus): boolean {
  return status === 'failed';
}

/** The fields a status change writes, with its date; going back to an earlier state clears later dates. */
export function statusPatch(status: ShipmentStatus, now: string): Record<string, unknown> {
  if (status === 'shipped') return { status, shippedAt: now, deliveredAt: null };
  if (status === 'delivered') return { status, deliveredAt: now };
  return { status };
}

export interface FollowUpShipment {
  id: string;
  creatorId: string;
  campaignId: string | null;
  status: ShipmentStatus;
  deliveredAt: string | null;
  deletedAt?: string | null;
}

export interface FollowUpPost {
  creatorId: string;
  campaignId: string | null;
  kind: string;
  postedAt: string | null;
  deletedAt?: string | null;
}

export interface NotPosted {
  shipmentId: string;
  creatorId: string;
  campaignId: string | null;
  deliveredAt: string;
  days: number;
}

const DAY = 86_400_000;

/** Whole days between a delivery and now, by the calendar in UTC (a parcel delivered late yesterday is one day ago). */
export function daysSince(instant: string, now: Date): number {
  const start = Date.UTC(new Date(instant).getUTCFullYear(), new Date(instant).getUTCMonth(), new Date(instant).getUTCDate());
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.round((end - start) / DAY));
}

/**
 * "Delivered N days ago and not posted": delivered shipments whose creator has
 * no live post in that campaign since the parcel arrived, oldest first. A
 * post from before the delivery was not about this product.
 */
export function notPostedQueue(shipments: readonly FollowUpShipment[], posts: readonly FollowUpPost[], now: Date, minDays: number): NotPosted[] {
  const postedAt = new Map<string, number[]>();
  for (const p of posts) {
    if (p.kind !== 'post' || p.deletedAt || !p.postedAt) continue;
    const key = `${p.creatorId}|${p.campaignId ?? ''}`;
    postedAt.set(key, [...(postedAt.get(key) ?? []), Date.parse(p.postedAt)]);
  }
  const queue: NotPosted[] = [];
  for (const s of shipments) {
    if (s.deletedAt || s.status !== 'delivered' || !s.deliveredAt) continue;
    const delivered = Date.parse(s.deliveredAt);
    // A post made on the day of delivery (even hours before the carrier's scan) counts.
    const since = delivered - DAY;
    const keys = s.campaignId ? [`${s.creatorId}|${s.campaignId}`] : [...postedAt.keys()].filter((k) => k.startsWith(`${s.creatorId}|`));
    if (keys.some((k) => (postedAt.get(k) ?? []).some((t) => t >= since))) continue;
    const days = daysSince(s.deliveredAt, now);
    if (days >= minDays) queue.push({ shipmentId: s.id, creatorId: s.creatorId, campaignId: s.campaignId, deliveredAt: s.deliveredAt, days });
  }
  return queue.sort((a, b) => b.days - a.days);
}

/**
 * The pipeline step a parcel's news moves a creator to, when the campaign
 * has one by that name ("Shipped", "Delivered" in the gifting pipeline).
 * Only forward: a creator who already posted is not pulled back by a late
 * delivery scan. Null when nothing should move.
 */
export function stepAfterShipment(status: ShipmentStatus, steps: readonly { id: string; name: string }[], currentStepId: string): { id: string; name: string } | null {
  const wanted = status === 'shipped' ? 'shipped' : status === 'delivered' ? 'delivered' : null;
  if (!wanted) return null;
  const target = steps.findIndex((s) => s.id === wanted || s.name.trim().toLowerCase() === wanted);
  const current = steps.findIndex((s) => s.id === currentStepId);
  if (target < 0 || current >= target) return null;
  return steps[target];
}
