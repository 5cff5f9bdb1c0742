import { describe, expect, it } from 'vitest';
import { sectionAtLine } from './section-in-view';

describe('sectionAtLine', () => {
  it('is the last section whose top has reached the line', () => {
    expect(sectionAtLine([0, 400, 900], 50)).toBe(0);
    expect(sectionAtLine([-500, -100, 300], 50)).toBe(1);
    expect(sectionAtLine([-900, -500, 40], 50)).toBe(2);
  });

  it('is null before the first section', () => {
    expect(sectionAtLine([200, 600], 50)).toBeNull();
    expect(sectionAtLine([], 50)).toBeNull();
  });
});
