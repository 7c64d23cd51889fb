/**
 * Creator tiers by audience size. Thresholds are the lower bounds of each
 * tier and are editable per workspace; these are the industry defaults.
 */
export const tierNames = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof tierNames)[number];

export type TierThresholds = Record<Tier, number>;

export const defaultTierThresholds: TierThresholds = {
  nano: 1_000,
  micro: 10_000,
  mid: 50_000,
  macro: 100_000,
  mega: 1_000_000,
};

export const tierLabels: Record<Tier, string> = {
  nano: 'Nano', micro: 'Micro', mid: 'Mid-tier', macro: 'Macro', mega: 'Mega',
};

/**
 * Where a tier sits by size, smallest first: "none" (under the nano
 * threshold) before Nano, Mega last. Lists, filters and breakdowns order
 * tiers by this, never by their names (Macro, Micro, Mid-tier, Nano reads as
 * a shuffle) or by their counts.
 */
export function tierRank(tier: string | null | undefined): number {
  const index = tierNames.indexOf(tier as Tier);
  return index < 0 ? -1 : index;
}

/** Tier values (with 'none' for under nano) in size order, smallest first, whatever order they were picked in. */
export function sortTiersBySize<T extends string>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => tierRank(a) - tierRank(b));
}

/** Below the nano threshold a creator has no tier yet. */
export function tierFor(followers: number | null | undefined, thresholds = defaultTierThresholds): Tier | null {
  if (followers == null || !Number.isFinite(followers)) return null;
  let result: Tier | null = null;
  for (const tier of tierNames) if (followers >= thresholds[tier]) result = tier;
  return result;
}

/** The follower range of one tier, for turning a tier filter into a range query. */
export function tierRange(tier: Tier, thresholds = defaultTierThresholds): { min: number; max: number | null } {
  const index = tierNames.indexOf(tier);
  const next = tierNames[index + 1];
  return { min: thresholds[tier], max: next ? thresholds[next] - 1 : null };
}

export function validateTierThresholds(thresholds: TierThresholds): string | null {
  for (let i = 1; i < tierNames.length; i++) {
    if (thresholds[tierNames[i]] <= thresholds[tierNames[i - 1]]) {
      return `The ${tierLabels[tierNames[i]]} threshold must be above the ${tierLabels[tierNames[i - 1]]} one`;
    }
  }
  return null;
}
