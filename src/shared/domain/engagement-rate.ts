/**
 * Engagement rate, computed one documented way everywhere in Fanfare:
 * (likes + comments + shares + saves) / reach when reach is known, else
 * divided by followers. Returns null, never 0, when it cannot be computed.
 */
export interface EngagementInput {
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  saves?: number | null;
  reach?: number | null;
  followers?: number | null;
}

export function engagementCount(input: EngagementInput): number | null {
  const parts = [input.likes, input.comments, input.shares, input.saves];
  if (parts.every((p) => p == null)) return null;
  return parts.reduce<number>((sum, p) => sum + (p ?? 0), 0);
}

export function engagementRate(input: EngagementInput): number | null {
  const engagements = engagementCount(input);
  if (engagements == null) return null;
  const base = input.reach && input.reach > 0 ? input.reach : input.followers;
  if (!base || base <= 0) return null;
  return engagements / base;
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value == null ? '—' : `${(value * 100).toFixed(digits)}%`;
}

export function formatCount(value: number | null | undefined): string {
  if (value == null) return '—';
  return new Intl.NumberFormat('en-US', { notation: value >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(value);
}

/** The formula in words, shown wherever a rate is shown so no one has to guess how it was worked out. */
export const ENGAGEMENT_RATE_FORMULA = '(likes + comments + shares + saves) ÷ reach; ÷ followers when reach is not known';

/** A post's metrics over time: the most recent snapshot holds its running totals. */
export function latestSnapshot<T extends { at: string }>(snapshots: readonly T[]): T | null {
  let latest: T | null = null;
  for (const s of snapshots) if (!latest || s.at > latest.at) latest = s;
  return latest;
}

/** A post's engagement rate from its latest snapshot, by the one formula above. */
export function postEngagementRate(snapshots: readonly (EngagementInput & { at: string })[], followers: number | null | undefined): number | null {
  const latest = latestSnapshot(snapshots);
  return latest ? engagementRate({ ...latest, followers }) : null;
}
