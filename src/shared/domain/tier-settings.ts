import { defaultTierThresholds, tierNames, validateTierThresholds, type TierThresholds } from './tiers';

/**
 * Each workspace sets its own tier thresholds, kept in its "workspace"
 * settings record as `data.tierThresholds` so the whole team shares them.
 * A missing or damaged value means the industry defaults.
 */
export function readTierThresholds(data: unknown): TierThresholds {
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>).tierThresholds : null;
  if (!raw || typeof raw !== 'object') return defaultTierThresholds;
  const out = { ...defaultTierThresholds };
  for (const tier of tierNames) {
    const value = (raw as Record<string, unknown>)[tier];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[tier] = Math.round(value);
  }
  return validateTierThresholds(out) ? defaultTierThresholds : out;
}

export function sameThresholds(a: TierThresholds, b: TierThresholds): boolean {
  return tierNames.every((t) => a[t] === b[t]);
}
