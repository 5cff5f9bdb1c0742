import { describe, expect, it } from 'vitest';
import { keysBetween, nextIndex, PAGE_STEP, toggledKey, typeAheadIndex } from './list-keys';

describe('nextIndex', () => {
  it('moves one step and stops at the ends', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 2, 3)).toBe(1);
  });

  it('starts at the first item when nothing is chosen', () => {
    expect(nextIndex('ArrowDown', -1, 3)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 3)).toBe(0);
  });

  it('jumps with Home, End and the Page keys', () => {
    expect(nextIndex('Home', 5, 30)).toBe(0);
    expect(nextIndex('End', 5, 30)).toBe(29);
    expect(nextIndex('PageDown', 5, 30)).toBe(5 + PAGE_STEP);
    expect(nextIndex('PageUp', 5, 30)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextIndex('a', 0, 3)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});

describe('typeAheadIndex', () => {
  const labels = ['Coventry', 'Croydon', 'Leicester', 'Cumbria'];

  it('finds the next label starting with the letters typed', () => {
    expect(typeAheadIndex(labels, -1, 'l')).toBe(2);
    expect(typeAheadIndex(labels, 0, 'cr')).toBe(1);
  });

  it('cycles through the matches when one letter is typed again', () => {
    expect(typeAheadIndex(labels, 0, 'c')).toBe(1);
    expect(typeAheadIndex(labels, 1, 'c')).toBe(3);
    expect(typeAheadIndex(labels, 3, 'c')).toBe(0);
  });

  it('gives null when nothing matches', () => {
    expect(typeAheadIndex(labels, 0, 'z')).toBeNull();
  });
});

describe('marking several items', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  it('marks the range between two items, whichever comes first', () => {
    expect([...keysBetween(keys, 1, 3)]).toEqual(['b', 'c', 'd']);
    expect([...keysBetween(keys, 3, 1)]).toEqual(['b', 'c', 'd']);
    expect([...keysBetween(keys, -1, 0)]).toEqual(['a']);
    expect([...keysBetween(keys, 2, 2)]).toEqual(['c']);
  });
  it('adds or takes away one key, counting the current item as marked when none is', () => {
    expect([...toggledKey(new Set(), 'c', 'a')].sort()).toEqual(['a', 'c']);
    expect([...toggledKey(new Set(['a', 'c']), 'c', 'a')]).toEqual(['a']);
    expect([...toggledKey(new Set(), 'c', null)]).toEqual(['c']);
    expect([...toggledKey(new Set(), 'a', 'a')]).toEqual([]);
  });
});
