import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet';

const marked = (s: { text: string; ranges: readonly (readonly [number, number])[] }): string[] =>
  s.ranges.map(([a, b]) => s.text.slice(a, b));

describe('makeSnippet', () => {
  it('keeps short text whole', () => {
    const s = makeSnippet('The fostering service is outstanding.', ['fostering']);
    expect(s?.text).toBe('The fostering service is outstanding.');
    expect(s && marked(s)).toEqual(['fostering']);
  });

  it('cuts long text around the first match at word boundaries', () => {
    const text = `${'early words '.repeat(30)}the private fostering arrangements were adequate ${'later words '.repeat(30)}`;
    const s = makeSnippet(text, ['fostering'], 80);
    expect(s).not.toBeNull();
    expect(s!.text.startsWith('…')).toBe(true);
    expect(s!.text.endsWith('…')).toBe(true);
    expect(s!.text.length).toBeLessThanOrEqual(82);
    expect(s!.text).toMatch(/^…\S/);
    expect(marked(s!)).toEqual(['fostering']);
  });

  it('collapses line breaks and keeps the marks right', () => {
    const s = makeSnippet('Looked\n\nafter children and care\nleavers', ['care']);
    expect(s?.text).toBe('Looked after children and care leavers');
    expect(s && marked(s)).toEqual(['care']);
  });

  it('is null when nothing matches', () => {
    expect(makeSnippet('nothing here', ['fostering'])).toBeNull();
  });
});
