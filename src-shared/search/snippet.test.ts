import { describe, expect, it } from 'vitest';
import { SNIPPET_WORDS, findHits, hitPattern, makeSnippet, phraseMatcher, type MarkedText } from './snippet';
import { wordsOf } from './words';

/** The marked stretches of a snippet. */
function marked(snippet: MarkedText): string[] {
  return snippet.marks.map(([a, b]) => snippet.text.slice(a, b));
}

function slices(text: string, ranges: [number, number][]): string[] {
  return ranges.map(([a, b]) => text.slice(a, b));
}

const LONG = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');

describe('phraseMatcher', () => {
  it('finds the words in order, whole, ignoring case, punctuation and spacing between them', () => {
    const test = phraseMatcher(['looked', 'after', 'children']);
    expect(test.test('Most Looked After Children are placed')).toBe(true);
    expect(test.test('looked\nafter,  children')).toBe(true);
    expect(test.test('looked after (children)')).toBe(true);
    expect(test.test('children looked after')).toBe(false);
    expect(test.test('looked after the children')).toBe(false);
    expect(test.test('overlooked after children')).toBe(false);
    expect(test.test('looked after childrenX')).toBe(false);
    expect(test.test('')).toBe(false);
  });

  it('matches apostrophes of any kind, and never inside a possessive', () => {
    expect(phraseMatcher(["children's", 'services']).test('Children\u2019s Services')).toBe(true);
    expect(phraseMatcher(['children', 'services']).test("children's services")).toBe(false);
    expect(phraseMatcher(['s', 'services']).test("children's services")).toBe(false);
  });

  it('can be used again and again', () => {
    const test = phraseMatcher(['staying', 'safe']);
    for (let i = 0; i < 3; i++) expect(test.test('judgements for staying safe are good')).toBe(true);
    expect(test.test('staying')).toBe(false);
  });
});

describe('findHits', () => {
  const text = "Children's services: the child-care and childminding of children; Safe, SAFEGUARDING.";

  it('finds whole words, ignoring case, and possessives of them', () => {
    expect(slices(text, findHits(text, { words: ['children'] }))).toEqual(["Children's", 'children']);
    expect(slices(text, findHits(text, { words: ['child'] }))).toEqual(['child']);
    expect(slices(text, findHits(text, { words: ['safe'] }))).toEqual(['Safe']);
  });

  it('finds words by their beginning', () => {
    expect(slices(text, findHits(text, { prefixes: ['child'] }))).toEqual(["Children's", 'child', 'childminding', 'children']);
    expect(slices(text, findHits(text, { prefixes: ['safe'] }))).toEqual(['Safe', 'SAFEGUARDING']);
  });

  it('finds phrases as one range, before their words', () => {
    expect(slices(text, findHits(text, { words: ['services'], phrases: [["children's", 'services']] }))).toEqual(["Children's services"]);
    expect(slices(text, findHits(text, { phrases: [['child', 'care']] }))).toEqual(['child-care']);
  });

  it('finds nothing when asked for nothing', () => {
    expect(findHits(text, {})).toEqual([]);
    expect(findHits(text, null)).toEqual([]);
    expect(hitPattern({ words: [], prefixes: [], phrases: [[]] })).toBeNull();
  });

  it('takes a prepared pattern too', () => {
    const pattern = hitPattern({ words: ['children'] });
    expect(findHits(text, pattern)).toEqual(findHits(text, { words: ['children'] }));
    expect(findHits(text, pattern)).toEqual(findHits(text, { words: ['children'] }));
  });

  it('is safe with words that look like regular expressions', () => {
    expect(() => findHits('a+b (c)', { words: ['a+b', '(c)', '.*'] })).not.toThrow();
  });
});

describe('makeSnippet', () => {
  it('gives a short text whole, hits marked, without "…"', () => {
    const snippet = makeSnippet('The fostering service is good.', hitPattern({ words: ['fostering'] }));
    expect(snippet.text).toBe('The fostering service is good.');
    expect(marked(snippet)).toEqual(['fostering']);
  });

  it('cuts about 25 words around the hit, a few words before it, with "…" on both sides', () => {
    const text = `${LONG} adoption ${LONG}`;
    const snippet = makeSnippet(text, hitPattern({ words: ['adoption'] }));
    expect(snippet.text.startsWith('\u2026')).toBe(true);
    expect(snippet.text.endsWith('\u2026')).toBe(true);
    expect(wordsOf(snippet.text)).toHaveLength(SNIPPET_WORDS);
    expect(marked(snippet)).toEqual(['adoption']);
    const before = wordsOf(snippet.text.slice(0, snippet.marks[0]![0]));
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThanOrEqual(10);
  });

  it('starts at the beginning when the hit is near it, and ends at the end when the hit is near that', () => {
    const early = makeSnippet(`An adoption panel. ${LONG}`, hitPattern({ words: ['adoption'] }));
    expect(early.text.startsWith('An adoption panel.')).toBe(true);
    expect(early.text.endsWith('\u2026')).toBe(true);
    const late = makeSnippet(`${LONG} the adoption panel.`, hitPattern({ words: ['adoption'] }));
    expect(late.text.startsWith('\u2026')).toBe(true);
    expect(late.text.endsWith('the adoption panel.')).toBe(true);
    // Near the end, it still shows about 25 words, reaching back further.
    expect(wordsOf(late.text)).toHaveLength(SNIPPET_WORDS);
  });

  it('goes where the most different words are, not merely the first hit', () => {
    const text = `fostering ${LONG} fostering adoption together here ${LONG}`;
    const snippet = makeSnippet(text, hitPattern({ words: ['fostering', 'adoption'] }));
    expect(marked(snippet)).toEqual(['fostering', 'adoption']);
    expect(snippet.text.startsWith('\u2026')).toBe(true);
  });

  it('marks every hit in it, phrases as one range', () => {
    const text = 'Staying safe is adequate. Children feel safe, and staying safe matters.';
    const snippet = makeSnippet(text, hitPattern({ words: ['safe'], phrases: [['staying', 'safe']] }));
    expect(marked(snippet)).toEqual(['Staying safe', 'safe', 'staying safe']);
  });

  it('marks words found by their beginning, whole', () => {
    const snippet = makeSnippet('Safeguarding children is safe work.', hitPattern({ prefixes: ['safe'] }));
    expect(marked(snippet)).toEqual(['Safeguarding', 'safe']);
  });

  it('collapses white space and keeps the marks on the right words', () => {
    const text = 'First   paragraph about\n\nfostering.\tAnd   adoption here.';
    const snippet = makeSnippet(text, hitPattern({ words: ['fostering', 'adoption'] }));
    expect(snippet.text).toBe('First paragraph about fostering. And adoption here.');
    expect(marked(snippet)).toEqual(['fostering', 'adoption']);
  });

  it('keeps the punctuation that closes the last word', () => {
    const words = Array.from({ length: 24 }, (_, i) => `w${i}`).join(' ');
    const snippet = makeSnippet(`adoption ${words}. More text follows here.`, hitPattern({ words: ['adoption'] }));
    expect(snippet.text).toBe(`adoption ${words}.\u2026`);
  });

  it('gives the start of the text, unmarked, when nothing is found or asked for', () => {
    const none = makeSnippet(`${LONG}`, hitPattern({ words: ['adoption'] }));
    expect(none.text.startsWith('word0 word1')).toBe(true);
    expect(none.marks).toEqual([]);
    expect(wordsOf(none.text)).toHaveLength(SNIPPET_WORDS);
    expect(makeSnippet('Short text.', null)).toEqual({ text: 'Short text.', marks: [] });
  });

  it('copes with empty text and text without words', () => {
    expect(makeSnippet('', hitPattern({ words: ['x'] }))).toEqual({ text: '', marks: [] });
    expect(makeSnippet('  \n ', null)).toEqual({ text: '', marks: [] });
    expect(makeSnippet(' — ', null)).toEqual({ text: '—', marks: [] });
  });

  it('gives marks in order, not overlapping, inside the text', () => {
    const text = `${LONG} children's care and child care, children ${LONG}`;
    const snippet = makeSnippet(text, hitPattern({ prefixes: ['child'], words: ['care'], phrases: [['child', 'care']] }));
    let last = 0;
    for (const [a, b] of snippet.marks) {
      expect(a).toBeGreaterThanOrEqual(last);
      expect(b).toBeGreaterThan(a);
      expect(b).toBeLessThanOrEqual(snippet.text.length);
      last = b;
    }
    expect(marked(snippet)).toEqual(["children's", 'care', 'child care', 'children']);
  });
});
