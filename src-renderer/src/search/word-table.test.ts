// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table';

describe('WordTable', () => {
  it('finds a word by its place in a text as by the word, whatever its case, and numbers new words in order', () => {
    const table = new WordTable();
    const text = "Looked after CHILDREN's homes, looked AFTER";
    expect(table.idAt(text, 0, 6)).toBe(0);
    expect(table.idAt(text, 7, 12)).toBe(1);
    expect(table.idAt(text, 13, 23)).toBe(2);
    expect(table.idOf('homes')).toBe(3);
    expect(table.idAt(text, 24, 29)).toBe(3);
    expect(table.idAt(text, 31, 37)).toBe(0);
    expect(table.idAt(text, 38, 43)).toBe(1);
    expect(table.words).toEqual(['looked', 'after', "children's", 'homes']);
    expect(table.get("children's")).toBe(2);
    expect(table.has('children')).toBe(false);
  });

  it('keeps every word findable as it grows past its first table, and from a saved list', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const text = words.join(' ').toUpperCase();
    let at = 0;
    words.forEach((word, i) => {
      expect(table.idAt(text, at, at + word.length)).toBe(i);
      at += word.length + 1;
    });
    at = 0;
    for (const word of words) {
      expect(table.words[table.idAt(text, at, at + word.length)]).toBe(word);
      at += word.length + 1;
    }
    const saved = WordTable.of(table.words);
    expect(saved.idAt(text, 0, words[0]!.length)).toBe(0);
    expect(saved.idAt('W3KX', 0, 4)).toBe(words.indexOf('w3kx'));
    expect(saved.idOf('new')).toBe(5000);
  });
});
