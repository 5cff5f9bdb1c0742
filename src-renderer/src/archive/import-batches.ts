/**
 * How an import splits a folder into batches: by bytes, not by a count of files. The first
 * batch is small, so the first councils show at once; each batch after is twice the last,
 * up to a size that keeps a transaction short and a few batches in memory cheap.
 */

/**
 * The first batch's bytes: two or three typical letters, read, parsed and written in a
 * fraction of the time a dozen take, so the councils pane fills the sooner.
 */
export const FIRST_BATCH_BYTES = 64 * 1024;
/** No batch grows beyond this (a single larger file goes alone). */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export interface BatchPlan {
  /** At most this many files in a batch. */
  maxFiles: number;
  firstBytes?: number;
  maxBytes?: number;
}

/** The files' paths in order, cut into batches by their listed sizes. */
export function planBatches(files: readonly { relativePath: string; size: number }[], plan: BatchPlan): string[][] {
  const maxFiles = Math.max(1, plan.maxFiles);
  const maxBytes = plan.maxBytes ?? MAX_BATCH_BYTES;
  let budget = Math.min(plan.firstBytes ?? FIRST_BATCH_BYTES, maxBytes);
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const { relativePath, size } of files) {
    if (batch.length > 0 && (batch.length >= maxFiles || bytes + size > budget)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
      budget = Math.min(budget * 2, maxBytes);
    }
    batch.push(relativePath);
    bytes += Math.max(0, size);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
