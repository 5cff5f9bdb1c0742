// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SLAB_BLOCK_BYTES, Slab } from './slab';

describe('Slab', () => {
  it('gives zeroed arrays of the lengths asked for, each its own stretch of a shared block', () => {
    const slab = new Slab();
    const a = slab.uint16(3);
    const b = slab.uint16(5);
    expect([...a, ...b]).toEqual(new Array(8).fill(0));
    a.fill(0xffff);
    expect([...b]).toEqual([0, 0, 0, 0, 0]);
    b[0] = 7;
    expect([...a]).toEqual([0xffff, 0xffff, 0xffff]);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + a.byteLength);
  });

  it('keeps each kind of array in blocks of its own, aligned', () => {
    const slab = new Slab();
    const bytes = slab.uint8(3);
    const words = slab.uint32(2);
    const shorts = slab.uint16(1);
    expect(bytes.buffer).not.toBe(words.buffer);
    expect(words.buffer).not.toBe(shorts.buffer);
    expect(slab.uint32(1).byteOffset).toBe(8);
  });

  it('starts a new block when one is full, and gives a large array a buffer of its own', () => {
    const slab = new Slab();
    const quarter = SLAB_BLOCK_BYTES / 4;
    const first = [slab.uint8(quarter), slab.uint8(quarter), slab.uint8(quarter), slab.uint8(quarter)];
    expect(new Set(first.map((a) => a.buffer)).size).toBe(1);
    const next = slab.uint8(1);
    expect(next.buffer).not.toBe(first[0]!.buffer);
    expect(next.byteOffset).toBe(0);
    const large = slab.uint8(quarter + 1);
    expect(large.buffer.byteLength).toBe(quarter + 1);
    expect(slab.uint8(1).buffer).toBe(next.buffer);
  });

  it('gives empty arrays', () => {
    expect(new Slab().uint32(0)).toHaveLength(0);
  });
});
