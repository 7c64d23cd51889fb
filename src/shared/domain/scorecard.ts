/**
 * Vetting scorecards: each criterion is scored 1–5 with a note; the weighted
 * score is Σ(weight × score) ÷ Σ(weight) over the criteria that were scored.
 * Unscored criteria are left out rather than counted as 0, and a scorecard
 * with nothing scored has no score at all (never a made-up number).
 */
export interface Criterion {
  id: string;
  name: string;
  /** 0 switches a criterion off without deleting past scores. */
  weight: number;
}

export interface CriterionScore {
  criterionId: string;
  score: number;
  note: string;
}

export const recommendedCriteria: { name: string; weight: number; description: string }[] = [
  { name: 'Audience fit', weight: 2, description: 'Their followers are the people we sell to (age, country, interests).' },
  { name: 'Content quality', weight: 1, description: 'Lighting, editing, storytelling; would we repost it?' },
  { name: 'Engagement', weight: 1, description: 'Real comments and saves, not just likes; a healthy rate for their size.' },
  { name: 'Brand safety', weight: 1, description: 'Nothing in their recent posts we would not want next to our brand.' },
  { name: 'Past performance', weight: 1, description: 'Delivered on time and well for us (or for similar brands) before.' },
];

export const SCORECARD_FORMULA = 'Weighted score = Σ(weight × score) ÷ Σ(weight), over the criteria scored (1–5).';

export function weightedScore(scores: Pick<CriterionScore, 'criterionId' | 'score'>[], criteria: Pick<Criterion, 'id' | 'weight'>[]): number | null {
  const weights = new Map(criteria.map((c) => [c.id, c.weight]));
  let total = 0;
  let weightSum = 0;
  for (const s of scores) {
    const weight = weights.get(s.criterionId) ?? 0;
    if (weight <= 0 || s.score < 1 || s.score > 5) continue;
    total += weight * s.score;
    weightSum += weight;
  }
  return weightSum === 0 ? null : Math.round((total / weightSum) * 100) / 100;
}

export function formatScore(score: number | null): string {
  return score == null ? 'Not scored' : `${score.toFixed(1)} / 5`;
}
