/** Recommendations grouped the way the letters group them: by when they are due. */
import type { Recommendation } from '../../../src-shared/letters/letter';
import { TIMESCALE_NAMES } from '../../../src-shared/letters/letter-words';

export interface RecommendationGroup {
  label: string;
  /** Each with its index in the section, so highlighting and keys stay stable. */
  items: { index: number; recommendation: Recommendation }[];
}

/** Groups in the order immediate, next six months, longer term; empty groups are left out. */
export function groupRecommendations(recommendations: readonly Recommendation[]): RecommendationGroup[] {
  return TIMESCALE_NAMES.map(({ timescale, name: label }) => ({
    label,
    items: recommendations
      .map((recommendation, index) => ({ index, recommendation }))
      .filter((r) => r.recommendation.timescale === timescale),
  })).filter((g) => g.items.length > 0);
}
