/**
 * The person's ticks on the points raised: which tick belongs to which point. A tick is kept
 * by the point's id (its letter and words); when a newer reading of the letter words the point
 * a little differently, the tick still finds it by its words, in the same letter.
 */
import { pointSimilarity, type TrackedPoint } from './track-points';

/** A tick as the points need it. */
export interface PointTick {
  pointId: string;
  letterId: string;
  /** The point's words when it was ticked. */
  text: string;
  note: string;
  /** ISO date it was dealt with. */
  doneOn: string;
}

/** How alike a point's words must be to a tick's for a tick whose id no longer matches to still be the point's. */
export const TICK_FOLLOWS_SIMILARITY = 0.8;

/**
 * Each point's tick, by point id. A tick goes to the point of the same id; one whose point has
 * gone goes to the most similar untaken point of the same letter, if similar enough; a tick
 * that finds no point is left out (and kept in the archive, in case the point comes back).
 */
export function ticksByPoint<T extends PointTick>(points: readonly TrackedPoint[], ticks: readonly T[]): Map<string, T> {
  const found = new Map<string, T>();
  const ids = new Set(points.map((p) => p.pointId));
  const strays: T[] = [];
  for (const tick of ticks) {
    if (ids.has(tick.pointId)) found.set(tick.pointId, tick);
    else strays.push(tick);
  }
  for (const tick of strays) {
    let best: TrackedPoint | null = null;
    let bestSimilarity = TICK_FOLLOWS_SIMILARITY;
    for (const point of points) {
      if (point.letterId !== tick.letterId || found.has(point.pointId)) continue;
      const similarity = pointSimilarity(point.text, tick.text);
      if (similarity >= bestSimilarity) {
        best = point;
        bestSimilarity = similarity;
      }
    }
    if (best) found.set(best.pointId, tick);
  }
  return found;
}
