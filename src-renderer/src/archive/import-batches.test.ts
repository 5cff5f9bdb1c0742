import { describe, expect, it } from 'vitest';
import { planBatches } from './import-batches';

const files = (sizes: number[]) => sizes.map((size, i) => ({ relativePath: `f${i}`, size }));

describe('planBatches', () => {
  it('starts small and doubles the bytes of each batch up to the most', () => {
    const batches = planBatches(files(Array(40).fill(10)), { maxFiles: 100, firstBytes: 20, maxBytes: 80 });
    expect(batches.map((b) => b.length)).toEqual([2, 4, 8, 8, 8, 8, 2]);
    expect(batches.flat()).toEqual(files(Array(40).fill(10)).map((f) => f.relativePath));
  });

  it('keeps to the most files in a batch, and puts a file larger than a batch alone', () => {
    expect(planBatches(files([1, 1, 1, 1, 1]), { maxFiles: 2, firstBytes: 100 }).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(planBatches(files([5, 500, 5]), { maxFiles: 10, firstBytes: 10, maxBytes: 100 })).toEqual([['f0'], ['f1'], ['f2']]);
  });

  it('gives no batch for no files', () => {
    expect(planBatches([], { maxFiles: 10 })).toEqual([]);
  });
});
