// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { councilKeyOf, rating, type ApaOutcome, type GradeValue, type LetterKind } from '../../../src-shared/letters/letter';
import { parseQuery } from '../../../src-shared/search/query';
import { storedSamples } from '../archive/test-support/stored-letters';
import type { StoredLetter } from '../archive/types';
import { DEFAULT_LETTER_LIMIT, evaluate, filterTest, otherEnding, runQuery } from './search-engine';
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, SectionIndex, sectionDocuments, type SectionDocument } from './search-index';
import type { SearchResponse } from './search-types';

// ---- Letters made for the tests: every word is where the test says. ----

interface SectionSpec {
  heading?: string;
  text: string;
  grade?: GradeValue;
  outcome?: ApaOutcome;
}

interface LetterSpec {
  id: string;
  council: string;
  region?: string | null;
  code?: string | null;
  year?: number;
  date?: string;
  kind?: LetterKind;
  overall?: GradeValue;
  sections: SectionSpec[];
}

function letter(spec: LetterSpec): StoredLetter {
  const kind = spec.kind ?? 'apa';
  const year = spec.year ?? 2007;
  const council = { name: `${spec.council} Council`, displayName: spec.council, code: spec.code ?? null, region: spec.region === undefined ? 'West Midlands' : spec.region };
  return {
    id: spec.id,
    kind,
    date: spec.date ?? `${year}-11-01`,
    year,
    title: 'Letter',
    council,
    recipient: null,
    signatory: null,
    overall: spec.overall ? rating(kind, spec.overall) : null,
    sections: spec.sections.map((s, i) => ({
      heading: s.heading ?? `Section ${i}`,
      outcome: s.outcome,
      grade: s.grade ? rating(kind, s.grade) : undefined,
      paragraphs: [{ type: 'paragraph', text: s.text }],
      recommendations: [],
      areasForDevelopment: [],
    })),
    warnings: [],
    councilKey: councilKeyOf(council),
    sourceFile: `${spec.id}.txt`,
    files: [`${spec.id}.txt`],
    sample: false,
    importedAt: '2024-01-01T00:00:00.000Z',
    parserVersion: 2,
  };
}

const MADE: StoredLetter[] = [
  letter({
    id: 'walsall-2007',
    council: 'Walsall',
    year: 2007,
    overall: 2,
    sections: [
      { heading: 'Introduction', text: 'This letter summarises the findings of the annual performance assessment.' },
      { heading: 'Staying safe', text: 'Fostering and adoption services are good. Looked after children are well supported.', grade: 3, outcome: 'staying-safe' },
      { heading: 'Being healthy', text: 'Teenage pregnancy rates remain high. Children looked after receive health checks.', grade: 1, outcome: 'being-healthy' },
    ],
  }),
  letter({
    id: 'walsall-2009',
    council: 'Walsall',
    year: 2009,
    kind: 'annual-rating',
    overall: 2,
    sections: [
      { heading: 'Annual rating', text: 'Residential care homes are adequate. Private fostering arrangements are monitored.', grade: 2 },
      { heading: 'Rating', text: "The children's services perform adequately. Adoption support is weak." },
    ],
  }),
  letter({
    id: 'hull-2006',
    council: 'Kingston upon Hull',
    region: 'Yorkshire and the Humber',
    year: 2006,
    overall: 1,
    sections: [
      { heading: 'Staying safe', text: 'Safeguarding arrangements are inadequate. Bullying is common in residential settings.', grade: 1, outcome: 'staying-safe' },
      { heading: 'Enjoying and achieving', text: 'Attainment is low but improving. The fostering service has improved.', grade: 2, outcome: 'enjoying-and-achieving' },
    ],
  }),
  letter({
    id: 'stoke-2008',
    council: 'Stoke-on-Trent',
    year: 2008,
    overall: 4,
    sections: [
      { heading: 'Staying safe', text: 'Children in care are safe. Adoption panels work well and fostering is strong.', grade: 4, outcome: 'staying-safe' },
      { heading: 'Capacity to improve', text: 'Leadership is outstanding. Bullying is rare.', grade: 4, outcome: 'capacity-to-improve' },
    ],
  }),
  letter({
    id: 'london-2010',
    council: 'Barnet',
    region: 'London',
    year: 2010,
    kind: 'annual-rating',
    overall: 3,
    sections: [{ heading: 'Annual rating', text: 'Safeguarding children is a strength; children in care do well.', grade: 3 }],
  }),
  letter({
    id: 'nowhere-2005',
    council: 'Nowhere',
    region: null,
    year: 2005,
    sections: [{ heading: 'Note', text: 'Fostering in an unknown place.' }],
  }),
];

function made(): SectionIndex {
  const index = SectionIndex.empty();
  for (const l of MADE) index.addLetter(l);
  return index;
}

/** "letterId#sectionIndex" of every section in the response, best letters first. */
function found(response: SearchResponse): string[] {
  return response.letters.flatMap((l) => l.sections.map((s) => `${l.letterId}#${s.sectionIndex}`));
}

function foundSet(response: SearchResponse): string[] {
  return found(response).sort();
}

function search(index: SectionIndex, query: string, letters = 1000): SearchResponse {
  return runQuery(index, query, { letters });
}

describe('words', () => {
  const index = made();

  it('needs every word (AND)', () => {
    expect(foundSet(search(index, 'fostering adoption'))).toEqual(['stoke-2008#0', 'walsall-2007#1']);
    expect(foundSet(search(index, 'fostering zzzz'))).toEqual([]);
  });

  it('finds a word in any case, in the heading or the council name too', () => {
    expect(foundSet(search(index, 'TEENAGE'))).toEqual(['walsall-2007#2']);
    expect(foundSet(search(index, 'leadership capacity'))).toEqual(['stoke-2008#1']);
    expect(foundSet(search(index, 'kingston'))).toEqual(['hull-2006#0', 'hull-2006#1']);
  });

  it('lets the last word match as a prefix from three letters, and no sooner', () => {
    expect(foundSet(search(index, 'teen'))).toEqual(['walsall-2007#2']);
    expect(foundSet(search(index, 'safeg'))).toEqual(['hull-2006#0', 'london-2010#0']);
    expect(foundSet(search(index, 'te'))).toEqual([]);
    // A word being typed finds no near spellings shorter than itself ("safeg" is not "safe").
    expect(foundSet(search(index, 'safe'))).toContain('walsall-2007#1');
    // Not the first word: it must be whole (or nearly).
    expect(foundSet(search(index, 'teen rates'))).toEqual([]);
  });

  it('finds near spellings of words of five letters or more, not shorter', () => {
    expect(foundSet(search(index, 'safeguardng'))).toEqual(['hull-2006#0', 'london-2010#0']);
    expect(foundSet(search(index, 'fosterng adoption'))).toEqual(['stoke-2008#0', 'walsall-2007#1']);
    expect(foundSet(search(index, 'cara homes'))).toEqual([]);
    // The last word, with a letter too many, still finds its word: it has not typed past it.
    expect(foundSet(search(index, 'adoption fosterring'))).toEqual(['stoke-2008#0', 'walsall-2007#1']);
  });

  it('finds possessives by their base word, and the possessive itself', () => {
    expect(foundSet(search(index, 'children perform'))).toEqual(['walsall-2009#1']);
    expect(foundSet(search(index, "children's"))).toEqual(['walsall-2009#1']);
  });

  it('leaves out stop words, and says so when nothing else is left', () => {
    expect(foundSet(search(index, 'the fostering'))).toEqual(foundSet(search(index, 'fostering')));
    const only = search(index, 'the');
    expect(only.totalSections).toBe(0);
    expect(only.parsed.errors).toEqual([expect.stringMatching(/too common/)]);
    expect(search(index, 'fostering the').parsed.errors).toEqual([]);
  });
});

describe('phrases', () => {
  const index = made();

  it('finds the words in that order only, confirmed against the text', () => {
    expect(foundSet(search(index, '"looked after children"'))).toEqual(['walsall-2007#1']);
    expect(foundSet(search(index, '"children looked after"'))).toEqual(['walsall-2007#2']);
  });

  it('checks stop words inside a phrase against the text', () => {
    expect(foundSet(search(index, '"in care"'))).toEqual(['london-2010#0', 'stoke-2008#0']);
    expect(foundSet(search(index, '"children in care"'))).toEqual(['london-2010#0', 'stoke-2008#0']);
    expect(foundSet(search(index, '"care in children"'))).toEqual([]);
  });

  it('finds a phrase in a heading or a council\'s name, word for word', () => {
    expect(foundSet(search(index, '"being healthy"'))).toEqual(['walsall-2007#2']);
    expect(foundSet(search(index, '"healthy being"'))).toEqual([]);
    expect(foundSet(search(index, '"staying safe" grade:1'))).toEqual(['hull-2006#0']);
    expect(foundSet(search(index, '"upon hull"'))).toEqual(foundSet(search(index, 'council:hull')));
    expect(foundSet(search(index, '"kingston hull"'))).toEqual([]);
  });

  it('reads a hyphenated word as a phrase', () => {
    expect(foundSet(search(index, 'stoke-on-trent'))).toEqual(['stoke-2008#0', 'stoke-2008#1']);
  });

  it('takes a quoted word exactly: no prefix, no near spelling', () => {
    expect(foundSet(search(index, '"fostering"'))).toHaveLength(5);
    expect(foundSet(search(index, '"foster"'))).toEqual([]);
    expect(foundSet(search(index, '"fosterng"'))).toEqual([]);
  });

  it('leaves out a phrase of stop words only, and says so', () => {
    const r = search(index, 'fostering "in the"');
    expect(foundSet(r)).toEqual(foundSet(search(index, 'fostering')));
    expect(r.parsed.errors).toEqual([expect.stringMatching(/only of words too common/)]);
  });

  it('searches an unclosed phrase as a phrase, with the message', () => {
    const r = search(index, '"private fostering');
    expect(foundSet(r)).toEqual(['walsall-2009#0']);
    expect(r.parsed.errors).toEqual([expect.stringMatching(/not closed/)]);
  });
});

describe('OR and exclusion', () => {
  const index = made();

  it('unites the clauses, each section once', () => {
    const r = search(index, 'teenage OR bullying');
    expect(foundSet(r)).toEqual(['hull-2006#0', 'stoke-2008#1', 'walsall-2007#2']);
    expect(r.totalSections).toBe(3);
    const both = search(index, 'fostering OR adoption');
    expect(both.totalSections).toBe(new Set(found(both)).size);
  });

  it('ORs between AND-groups', () => {
    expect(foundSet(search(index, 'fostering adoption OR teenage'))).toEqual(['stoke-2008#0', 'walsall-2007#1', 'walsall-2007#2']);
  });

  it('leaves out sections with an excluded word', () => {
    expect(foundSet(search(index, 'fostering -adoption'))).toEqual(['hull-2006#1', 'nowhere-2005#0', 'walsall-2009#0']);
    expect(foundSet(search(index, 'fostering OR bullying -adoption'))).toEqual(['hull-2006#0', 'hull-2006#1', 'nowhere-2005#0', 'stoke-2008#1', 'walsall-2009#0']);
  });

  it('leaves out sections with an excluded phrase, not merely its words', () => {
    expect(foundSet(search(index, 'fostering -"fostering service"'))).not.toContain('hull-2006#1');
    expect(foundSet(search(index, 'fostering -"service fostering"'))).toContain('hull-2006#1');
    expect(foundSet(search(index, 'care -"in care"'))).toEqual(['walsall-2009#0']);
  });

  it('leaves excluded words and phrases out of a search by filters alone', () => {
    const all = foundSet(search(index, 'kind:apa'));
    const withPhrase = foundSet(search(index, '"looked after children"'));
    const withWord = foundSet(search(index, '"adoption"'));
    expect(withPhrase.length).toBeGreaterThan(0);
    expect(foundSet(search(index, 'kind:apa -"looked after children"'))).toEqual(all.filter((id) => !withPhrase.includes(id)));
    expect(foundSet(search(index, 'kind:apa -adoption'))).toEqual(all.filter((id) => !withWord.includes(id)));
  });

  it('asks for something to search for when there are only exclusions', () => {
    const r = search(index, '-adoption');
    expect(r.totalSections).toBe(0);
    expect(r.parsed.errors).toEqual([expect.stringMatching(/as well as what to leave out/)]);
  });
});

describe('filters', () => {
  const index = made();

  it('finds by short id exactly the sections filterTest passes, for every kind of filter and their mixes', () => {
    const filters = [
      'year:2007', 'year:2005..2008', 'year:2009..2010 year:2006', 'kind:apa', 'kind:rating', 'grade:2', 'grade:<=2', 'grade:>3', 'grade:>=1 grade:<4',
      'region:"west midlands"', 'region:london region:"north west"', 'outcome:"staying safe"', 'council:walsall', 'council:hull kind:apa',
      'year:2005..2008 grade:<=2', 'kind:rating region:"west midlands"', 'kind:apa outcome:"staying safe" grade:1', 'region:"north east"',
    ];
    for (const query of filters) {
      const test = filterTest(parseQuery(query).filters);
      expect(test, query).not.toBeNull();
      if (!test) continue;
      const expected: string[] = [];
      for (let doc = 0; doc < index.capacity; doc++) {
        const s = index.doc(doc);
        if (s && test(s)) expected.push(`${s.letterId}#${s.sectionIndex}`);
      }
      expect(foundSet(search(index, query)), query).toEqual(expected.sort());
    }
  });

  it('filters words by council: the start of the short name or of a word in it, any case', () => {
    expect(foundSet(search(index, 'fostering council:walsall'))).toEqual(['walsall-2007#1', 'walsall-2009#0']);
    expect(foundSet(search(index, 'fostering council:WAL'))).toEqual(['walsall-2007#1', 'walsall-2009#0']);
    expect(foundSet(search(index, 'fostering council:hull'))).toEqual(['hull-2006#1']);
    expect(foundSet(search(index, 'fostering council:"stoke-on"'))).toEqual(['stoke-2008#0']);
    expect(foundSet(search(index, 'fostering council:"stoke on"'))).toEqual(['stoke-2008#0']);
    expect(foundSet(search(index, 'fostering council:trent'))).toEqual(['stoke-2008#0']);
    expect(foundSet(search(index, 'fostering council:alsall'))).toEqual([]);
    expect(foundSet(search(index, 'fostering council:walsall council:hull'))).toHaveLength(3);
  });

  it('filters by year and range of years', () => {
    expect(foundSet(search(index, 'fostering year:2009'))).toEqual(['walsall-2009#0']);
    expect(foundSet(search(index, 'fostering year:2005..2007'))).toEqual(['hull-2006#1', 'nowhere-2005#0', 'walsall-2007#1']);
  });

  it('filters by kind', () => {
    expect(foundSet(search(index, 'fostering kind:rating'))).toEqual(['walsall-2009#0']);
    expect(foundSet(search(index, 'fostering kind:apa'))).toHaveLength(4);
  });

  it("filters by the section's grade, with comparisons", () => {
    expect(foundSet(search(index, 'fostering grade:2'))).toEqual(['hull-2006#1', 'walsall-2009#0']);
    expect(foundSet(search(index, 'fostering grade:>=3'))).toEqual(['stoke-2008#0', 'walsall-2007#1']);
    expect(foundSet(search(index, 'fostering grade:<3'))).toEqual(['hull-2006#1', 'walsall-2009#0']);
    expect(foundSet(search(index, 'fostering grade:>2 grade:<4'))).toEqual(['walsall-2007#1']);
    expect(foundSet(search(index, 'fostering grade:2 grade:4'))).toEqual(['hull-2006#1', 'stoke-2008#0', 'walsall-2009#0']);
  });

  it('filters by outcome and region', () => {
    expect(foundSet(search(index, 'bullying outcome:"staying safe"'))).toEqual(['hull-2006#0']);
    expect(foundSet(search(index, 'fostering region:"west midlands"'))).toEqual(['stoke-2008#0', 'walsall-2007#1', 'walsall-2009#0']);
    expect(foundSet(search(index, 'safeguarding region:london'))).toEqual(['london-2010#0']);
  });

  it('ignores a bad filter, says so, and searches the rest', () => {
    const r = search(index, 'fostering foo:bar year:20x9');
    expect(foundSet(r)).toEqual(foundSet(search(index, 'fostering')));
    expect(r.parsed.errors).toHaveLength(2);
  });

  it('lists every section that passes filters alone, newest first', () => {
    const r = search(index, 'grade:1 kind:apa');
    expect(foundSet(r)).toEqual(['hull-2006#0', 'walsall-2007#2']);
    expect(r.letters.map((l) => l.letterId)).toEqual(['walsall-2007', 'hull-2006']);
    expect(search(index, 'council:walsall').totalSections).toBe(5);
    expect(search(index, 'council:walsall').letters.map((l) => l.year)).toEqual([2009, 2007]);
    expect(search(index, 'region:london').letters.map((l) => l.letterId)).toEqual(['london-2010']);
  });

  it('lists newest first, then by council and letter, however many are kept and in whatever order they came', () => {
    const dated = (id: string, council: string, date: string) => letter({ id, council, date, year: 2009, sections: [{ text: 'Fostering' }] });
    // A date of another form is ordered as text, as before dates were kept as numbers.
    const letters = [dated('a', 'Bury', '2009-03-01'), dated('e', 'Ely', '2009'), dated('d', 'Ayr', '2008-12-31'), dated('c', 'Zed', '2010-01-05'), dated('b', 'Ashford', '2009-03-01')];
    for (const order of [letters, [...letters].reverse()]) {
      const index = SectionIndex.empty();
      for (const l of order) index.addLetter(l);
      expect(runQuery(index, 'kind:apa', { letters: 10 }).letters.map((l) => l.letterId)).toEqual(['c', 'b', 'a', 'e', 'd']);
      expect(runQuery(index, 'kind:apa', { letters: 2 }).letters.map((l) => l.letterId)).toEqual(['c', 'b']);
      expect(runQuery(index, 'kind:apa', { letters: 2, offset: 2 }).letters.map((l) => l.letterId)).toEqual(['a', 'e']);
      // The newest letter's place (its ordinal) goes to an older one, which takes its own date.
      index.removeLetter('c');
      index.addLetter(dated('f', 'Ayr', '2007-06-30'));
      expect(runQuery(index, 'kind:apa', { letters: 10 }).letters.map((l) => l.letterId)).toEqual(['b', 'a', 'e', 'd', 'f']);
    }
  });

  it('lists by filters when the words are all stop words, saying so', () => {
    const r = search(index, 'the grade:1');
    expect(r.totalSections).toBe(2);
    expect(r.parsed.errors).toEqual([expect.stringMatching(/too common/)]);
  });

  it('lists excluded words out of a listing by filters', () => {
    expect(foundSet(search(index, 'council:walsall -fostering'))).toEqual(['walsall-2007#0', 'walsall-2007#2', 'walsall-2009#1']);
  });

  it('gives no filter test when there are no filters', () => {
    expect(filterTest(parseQuery('fostering').filters)).toBeNull();
  });
});

describe('results', () => {
  const index = made();

  it('groups sections by letter, best letter first, best section first, with what a row needs', () => {
    const r = search(index, 'children');
    expect(r.letters.length).toBeGreaterThan(1);
    for (let i = 1; i < r.letters.length; i++) expect(r.letters[i - 1]!.score).toBeGreaterThanOrEqual(r.letters[i]!.score);
    for (const l of r.letters) {
      expect(l.score).toBe(l.sections[0]!.score);
      for (let i = 1; i < l.sections.length; i++) expect(l.sections[i - 1]!.score).toBeGreaterThanOrEqual(l.sections[i]!.score);
    }
    const walsall = search(index, 'teenage').letters[0]!;
    expect(walsall).toMatchObject({
      letterId: 'walsall-2007',
      councilKey: 'walsall',
      councilName: 'Walsall',
      region: 'West Midlands',
      date: '2007-11-01',
      year: 2007,
      kind: 'apa',
      overall: { scale: 'apa', grade: 2, label: 'Adequate' },
    });
    expect(walsall.sections[0]).toMatchObject({ sectionIndex: 2, heading: 'Being healthy', grade: { scale: 'apa', grade: 1, label: 'Inadequate' } });
    expect(search(index, 'residential homes').letters[0]!.sections[0]!.grade).toEqual({ scale: 'annual-rating', grade: 2, label: 'Performs adequately' });
    expect(search(index, 'unknown place').letters[0]).toMatchObject({ region: null, overall: null });
  });

  it('caps the letters but counts every matching section', () => {
    const all = search(index, 'fostering');
    expect(all.letters).toHaveLength(5);
    expect(all.totalSections).toBe(5);
    const two = runQuery(index, 'fostering', { letters: 2 });
    expect(two.letters.map((l) => l.letterId)).toEqual(all.letters.slice(0, 2).map((l) => l.letterId));
    expect(two.totalSections).toBe(5);
    expect(runQuery(index, 'fostering', { letters: 0 }).letters).toEqual([]);
    expect(DEFAULT_LETTER_LIMIT).toBe(50);
  });

  it('pages through the letters: each page goes on where the last ended, and every page knows the totals', () => {
    for (const query of ['fostering', 'year:2005..2010', 'council:walsall', '"private fostering"', 'kind:apa']) {
      const all = runQuery(index, query, { letters: 1000 });
      expect(all.letters.length, query).toBeGreaterThan(0);
      const paged: string[] = [];
      for (let offset = 0; offset < all.letters.length + 2; offset += 2) {
        const page = runQuery(index, query, { letters: 2, offset });
        expect(page.offset).toBe(offset);
        expect(page.totalLetters, query).toBe(all.letters.length);
        expect(page.totalSections).toBe(all.totalSections);
        paged.push(...page.letters.map((l) => l.letterId));
      }
      expect(paged, query).toEqual(all.letters.map((l) => l.letterId));
    }
    const none = runQuery(index, 'zzzzzz');
    expect(none).toMatchObject({ letters: [], totalLetters: 0, councilKeys: [] });
  });

  it('names every council with a matching letter, not only those of the letters returned', () => {
    const all = runQuery(index, 'fostering', { letters: 1000 });
    const one = runQuery(index, 'fostering', { letters: 1 });
    const councils = [...new Set(all.letters.map((l) => l.councilKey))].sort();
    expect(councils.length).toBeGreaterThan(1);
    expect(one.councilKeys).toEqual(councils);
    expect(runQuery(index, 'fostering', { letters: 0 }).councilKeys).toEqual(councils);
  });

  it('counts facets over every matching section, not only the letters returned', () => {
    const r = runQuery(index, 'fostering', { letters: 1 });
    const sum = (values: { count: number }[]) => values.reduce((n, v) => n + v.count, 0);
    expect(sum(r.facets.year)).toBe(5);
    expect(sum(r.facets.kind)).toBe(5);
    expect(r.facets.year.map((v) => v.label)).toEqual(['2009', '2008', '2007', '2006', '2005']);
    expect(r.facets.year[0]).toEqual({ label: '2009', count: 1, filter: 'year:2009' });
    expect(r.facets.kind).toEqual([
      { label: 'Annual performance assessment', count: 4, filter: 'kind:apa' },
      { label: 'Annual rating', count: 1, filter: 'kind:rating' },
    ]);
    // Sections without a grade or region are not counted there.
    expect(r.facets.grade).toEqual([
      { label: '4 \u00b7 Outstanding / Performs excellently', count: 1, filter: 'grade:4' },
      { label: '3 \u00b7 Good / Performs well', count: 1, filter: 'grade:3' },
      { label: '2 \u00b7 Adequate / Performs adequately', count: 2, filter: 'grade:2' },
    ]);
    expect(r.facets.region).toEqual([
      { label: 'West Midlands', count: 3, filter: 'region:"west midlands"' },
      { label: 'Yorkshire and the Humber', count: 1, filter: 'region:"yorkshire and the humber"' },
    ]);
  });

  it('gives facet filters that narrow the query to their value', () => {
    const r = search(index, 'fostering');
    for (const facet of [...r.facets.year, ...r.facets.kind, ...r.facets.grade, ...r.facets.region]) {
      const narrowed = search(index, `fostering ${facet.filter}`);
      expect(narrowed.totalSections, facet.filter).toBe(facet.count);
      expect(narrowed.parsed.errors, facet.filter).toEqual([]);
    }
  });

  it('cuts a snippet around the hit with the hit marked', () => {
    const section = search(index, 'teenage pregnancy').letters[0]!.sections[0]!;
    expect(section.snippet.text).toBe('Teenage pregnancy rates remain high. Children looked after receive health checks.');
    expect(section.snippet.marks.map(([a, b]) => section.snippet.text.slice(a, b))).toEqual(['Teenage', 'pregnancy']);
  });

  it('marks prefixes, near spellings and phrases as they were found', () => {
    const prefix = search(index, 'safeg').letters[0]!.sections[0]!.snippet;
    expect(prefix.marks.map(([a, b]) => prefix.text.slice(a, b))).toEqual(['Safeguarding']);
    const near = search(index, 'bulying').letters[0]!.sections[0]!.snippet;
    expect(near.marks.map(([a, b]) => near.text.slice(a, b))).toEqual(['Bullying']);
    const phrase = search(index, '"looked after children"').letters[0]!.sections[0]!.snippet;
    expect(phrase.marks.map(([a, b]) => phrase.text.slice(a, b))).toEqual(['Looked after children']);
  });

  it('gives the start of the section as the snippet when the words are only in the heading', () => {
    const r = search(index, 'enjoying');
    expect(r.letters[0]!.sections[0]!.snippet).toEqual({ text: 'Attainment is low but improving. The fostering service has improved.', marks: [] });
  });

  it('lists what to highlight: the index terms found, and the phrases', () => {
    const r = search(index, 'fostering "looked after children" OR safeguardng');
    expect(r.highlight.phrases).toEqual([['looked', 'after', 'children']]);
    expect(r.highlight.words).toEqual(expect.arrayContaining(['fostering', 'safeguarding']));
    // A phrase's words are marked as the phrase, not on their own.
    expect(r.highlight.words).not.toContain('looked');
    expect(r.highlight.words).toEqual([...r.highlight.words].sort());
    for (const w of r.highlight.words) expect(w).toBe(w.toLowerCase());
  });

  it('highlights only clauses that found something', () => {
    const r = search(index, 'fostering OR zzzz');
    expect(r.highlight.words).toEqual(['fostering']);
    expect(search(index, 'zzzz').highlight).toEqual({ words: [], phrases: [] });
  });

  it('answers an empty query with nothing, and times every answer', () => {
    const r = search(index, '   ');
    expect(r).toMatchObject({ query: '   ', letters: [], totalSections: 0, highlight: { words: [], phrases: [] } });
    expect(r.facets).toEqual({ year: [], kind: [], grade: [], region: [] });
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(r.parsed.errors).toEqual([]);
  });

  it('gives the parsed query back, with what the engine could not use', () => {
    const r = search(index, 'fostering grade:9 "of the"');
    expect(r.parsed.clauses).toEqual(parseQuery('fostering grade:9 "of the"').clauses);
    expect(r.parsed.errors).toHaveLength(2);
  });

  it('evaluates a parsed query directly', () => {
    const answer = evaluate(index, parseQuery('fostering'));
    expect(answer.totalSections).toBe(5);
    expect('elapsedMs' in answer).toBe(false);
  });
});

describe('keeping up with changes', () => {
  it('forgets removed letters and finds added ones, phrases included', async () => {
    const index = made();
    expect(search(index, '"looked after children"').totalSections).toBe(1);
    expect(search(index, '"being healthy"').totalSections).toBe(1);
    index.removeLetter('walsall-2007');
    expect(search(index, '"looked after children"').totalSections).toBe(0);
    // Nor the phrase in a removed section's heading, though its postings stay until the index is vacuumed.
    expect(search(index, '"being healthy"').totalSections).toBe(0);
    expect(search(index, 'fostering').totalSections).toBe(4);
    await index.vacuum();
    expect(search(index, 'grade:1').totalSections).toBe(1);
    index.addLetter(MADE[0]!);
    expect(search(index, '"looked after children"').totalSections).toBe(1);
    expect(search(index, 'fostering').totalSections).toBe(5);
    // Many more documents than before: the work arrays grow.
    for (let i = 0; i < 300; i++) index.addLetter(letter({ id: `extra-${i}`, council: 'Extra', sections: [{ text: `Fostering number${i} looked after children` }] }));
    expect(search(index, '"looked after children"').totalSections).toBe(301);
    expect(search(index, 'number299').totalSections).toBe(1);
    expect(runQuery(index, 'fostering', { letters: 10 }).letters).toHaveLength(10);
  });

  it('names the right councils when a removed letter\'s place goes to another council', async () => {
    const index = made();
    index.removeLetter('walsall-2007');
    index.removeLetter('walsall-2009');
    await index.vacuum();
    index.addLetter(letter({ id: 'zed-2008', council: 'Zedshire', sections: [{ text: 'Fostering in Zedshire' }] }));
    const answer = runQuery(index, 'fostering', { letters: 0 });
    expect(answer.councilKeys).toContain('zedshire');
    expect(answer.councilKeys).not.toContain('walsall');
    expect(answer.councilKeys).toEqual([...new Set(runQuery(index, 'fostering', { letters: 100 }).letters.map((l) => l.councilKey))].sort());
    const loaded = SectionIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    expect(runQuery(loaded, 'fostering', { letters: 0 }).councilKeys).toEqual(answer.councilKeys);
  });

  it('saves and loads letters without sections, wherever they come', async () => {
    const index = made();
    index.addLetter(letter({ id: 'empty-1', council: 'Empty', sections: [] }));
    index.addLetter(letter({ id: 'last', council: 'Last', sections: [{ text: 'fostering at last' }] }));
    index.addLetter(letter({ id: 'empty-2', council: 'Empty', sections: [] }));
    index.removeLetter('last');
    await index.vacuum();
    const loaded = SectionIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    expect(loaded).not.toBeNull();
    expect(loaded.hasLetter('empty-1')).toBe(true);
    expect(loaded.hasLetter('empty-2')).toBe(true);
    expect(loaded.letterCount).toBe(index.letterCount);
    expect(search(loaded, 'fostering').totalSections).toBe(search(index, 'fostering').totalSections);
    expect(loaded.addLetter(letter({ id: 'after', council: 'After', sections: [{ text: 'fostering zebra' }] }))).toBe(true);
    expect(found(search(loaded, 'fostering zebra'))).toEqual(['after#0']);
  });

  it('marks the part of a phrase that began before a snippet’s first word', () => {
    const filler = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `w${from + i}`).join(' ');
    const text = `${filler(0, 21)} alpha beta gamma ${filler(24, 30)} aa bb ${filler(32, 45)} cc dd ${filler(47, 60)}`;
    const index = SectionIndex.empty();
    index.addLetter(letter({ id: 'p', council: 'Phrase', sections: [{ text }] }));
    const r = search(index, '"alpha beta gamma" OR aa bb cc dd');
    const snippet = r.letters[0]!.sections[0]!.snippet;
    expect(snippet.text.startsWith('\u2026beta gamma w24')).toBe(true);
    expect(snippet.marks[0]).toEqual([1, 'beta gamma'.length + 1]);
    expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['beta gamma', 'aa', 'bb', 'cc', 'dd']);
  });

  it('answers the same from a snapshot, snippets included', () => {
    const index = made();
    const loaded = SectionIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    for (const query of ['fostering', '"looked after children"', 'safeg', 'grade:1 kind:apa', 'kind:apa', '"being healthy"', '"upon hull"', 'fostering OR bullying -adoption council:walsall']) {
      const a = search(index, query);
      const b = search(loaded, query);
      expect({ ...b, elapsedMs: 0 }, query).toEqual({ ...a, elapsedMs: 0 });
    }
  });
});

describe('on the sample letters, matching is MiniSearch’s', () => {
  let samples: SectionIndex;
  /** MiniSearch itself, given the same sections and options, to hold the index to. */
  let mini: MiniSearch<SectionDocument>;

  beforeAll(async () => {
    samples = SectionIndex.empty();
    mini = new MiniSearch(INDEX_OPTIONS);
    for (const stored of await storedSamples()) {
      samples.addLetter(stored);
      mini.addAll(sectionDocuments(stored));
    }
  });

  it('finds the fostering sections of Leicester and Coventry', () => {
    const r = search(samples, 'fostering');
    expect(r.letters.map((l) => l.councilName)).toEqual(expect.arrayContaining(['Coventry', 'Leicester']));
    expect(r.highlight.words).toContain('fostering');
  });

  it('finds the same sections with the same scores as MiniSearch’s own search', () => {
    // (Except that a last word takes no near spelling it has typed past, e.g. "safeg" -> "safe": not tried here.)
    for (const query of ['fostering', 'fost', 'safeguardng', 'performs adequately well', 'children young', 'staying saf', 'coventry', 'local authority service', 'zzzz']) {
      const parsed = parseQuery(query);
      const terms = parsed.clauses[0]!.terms;
      const theirs = mini.search(
        // A word the index holds takes near spellings one edit away that are its own endings
        // (otherEnding); on these queries' words every such spelling is one, so MiniSearch's one edit agrees.
        { combineWith: 'AND', queries: terms.map((t) => ({ queries: [t.words[0]!], prefix: t.prefix, fuzzy: t.fuzzy ? (samples.term(t.words[0]!) ? 1 : 0.2) : false })) },
        { combineWith: 'AND' },
      );
      const ours = new Map<string, number>();
      for (const l of search(samples, query).letters) for (const s of l.sections) ours.set(`${l.letterId}#${s.sectionIndex}`, s.score);
      expect([...ours.keys()].sort(), query).toEqual(theirs.map((r) => r.id as string).sort());
      // MiniSearch multiplies by the number of query terms matched: all of them, with AND.
      for (const r of theirs) expect(ours.get(r.id as string)! * terms.length, query).toBeCloseTo(r.score, 6);
    }
  });
});

describe('near spellings of a word the archive holds', () => {
  const index = SectionIndex.empty();
  index.addLetter(
    letter({
      id: 'a',
      council: 'Walsall',
      sections: [
        { text: 'Adoption panels meet monthly.' },
        { text: 'Two adoptions were made.' },
        { text: 'In addition, the council funds respite care.' },
        { text: 'Adoptive parents are well supported.' },
      ],
    }),
  );

  it('are only its other endings: "adoption" finds "adoptions", not "addition"', () => {
    expect(foundSet(runQuery(index, 'adoption panels', { letters: 10 }))).toEqual(['a#0']);
    expect(foundSet(runQuery(index, 'adoption', { letters: 10 }))).toEqual(['a#0', 'a#1']);
    expect(foundSet(runQuery(index, 'addition', { letters: 10 }))).toEqual(['a#2']);
  });

  it('leave a word the archive does not hold, a misspelling, all its near spellings', () => {
    expect(foundSet(runQuery(index, 'adopton', { letters: 10 }))).toEqual(['a#0']);
    expect(foundSet(runQuery(index, 'addtion', { letters: 10 }))).toEqual(['a#2']);
  });

  it('on the sample letters, never reach another word they hold that is not one of its endings', async () => {
    const samples = SectionIndex.empty();
    for (const stored of await storedSamples()) samples.addLetter(stored);
    const words = new Set<string>();
    for (const stored of await storedSamples()) for (const s of stored.sections) for (const b of s.paragraphs) for (const w of (b.type === 'paragraph' ? b.text : b.items.join(' ')).toLowerCase().match(/[a-z]{5,}/g) ?? []) words.add(w);
    let checked = 0;
    for (const word of words) {
      if (!samples.term(word)) continue;
      checked++;
      // Quoted after a space, the word is not the last one typed, so no prefix: only exact and near spellings.
      const found = runQuery(samples, `${word} ${word}`, { letters: 1 }).highlight.words;
      for (const other of found) expect(other === word || otherEnding(word, other), `${word} → ${other}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(500);
  });
});

