// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src-shared/search/query';
import { storedSamples } from '../archive/test-support/stored-letters';
import { runQuery } from './search-engine';
import { SectionIndex } from './search-index';
import { warmUpQueries } from './warm-up';

let index: SectionIndex;

beforeAll(async () => {
  index = SectionIndex.empty();
  for (const letter of await storedSamples()) index.addLetter(letter);
});

describe('warmUpQueries', () => {
  it('makes, from the index, a query of every kind the engine answers, each understood whole', () => {
    const queries = warmUpQueries(index);
    expect(queries.length).toBeGreaterThan(20);
    for (const query of queries) expect(parseQuery(query).errors, query).toEqual([]);
    const kinds: [string, RegExp][] = [
      ['a phrase', /^"[a-z]+ [a-z]+"$/],
      ['a phrase with a stop word', /^"[a-z]+ (?:and|of|the|to|in|for|with|by|on|at|as|or|from|is|are|be) [a-z]+"$/],
      ['a beginning of a word', /^[a-z]{3}$/],
      ['OR', / OR /],
      ['leaving a word out', / -[a-z]+$/],
      ['leaving a phrase out', / -"/],
      ['council', /council:/],
      ['a year', /year:\d{4}$/],
      ['years', /year:\d{4}\.\.\d{4}/],
      ['kind', /kind:apa/],
      ['grade', /grade:<=2/],
      ['region', /region:"/],
      ['outcome', /outcome:"/],
    ];
    for (const [what, pattern] of kinds) expect(queries.some((q) => pattern.test(q)), what).toBe(true);
    // Phrases that are found in a heading, and in a council's name, where the text has no say.
    const names = (field: 'heading' | 'councilName') => {
      const found = new Set<string>();
      for (let doc = 0; doc < index.capacity; doc++) {
        const words = (index.doc(doc)?.[field] ?? '').toLowerCase().split(/[^a-z]+/).filter(Boolean);
        if (words.length >= 2) found.add(`"${words.slice(0, 2).join(' ')}"`);
      }
      return found;
    };
    expect(queries.some((q) => names('heading').has(q)), 'a heading').toBe(true);
    expect(queries.some((q) => names('councilName').has(q)), 'a council name').toBe(true);
  });

  it('asks what the archive holds: nearly every query finds something', () => {
    const queries = warmUpQueries(index);
    const found = queries.filter((q) => runQuery(index, q, { letters: 30 }).totalSections > 0);
    expect(found.length / queries.length).toBeGreaterThan(0.8);
  });

  it('makes none from an empty index', () => {
    expect(warmUpQueries(SectionIndex.empty())).toEqual([]);
  });
});
