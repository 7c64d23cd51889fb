/**
 * What a creator of this size asks for one sponsored post, in whole dollars:
 * about $6 to $16 per thousand followers (nano creators $100 to $150, a
 * 100k creator $600 to $1,600, a million-follower creator $6k to $16k),
 * rounded to $50 the way rate cards are. `r` (0 to 1) places the creator
 * within that range.
 */
export function demoFee(followers: number, r: number): number {
  const perThousand = 6 + Math.min(Math.max(r, 0), 1) * 10;
  return Math.max(100, Math.round((followers / 1000) * perThousand / 50) * 50);
}
