import { describe, expect, it } from 'vitest';
import { MAX_TERMS, hasFilters, isEmptyQuery, parseQuery } from './query';
import type { QueryFilters, QueryTerm } from './query-types';

const NO_FILTERS: QueryFilters = { councils: [], years: [], kinds: [], grades: [], outcomes: [], regions: [] };

function word(w: string, flags: Partial<Pick<QueryTerm, 'prefix' | 'fuzzy'>> = {}): QueryTerm {
  return { kind: 'word', words: [w], prefix: false, fuzzy: false, ...flags };
}

function phrase(...words: string[]): QueryTerm {
  return { kind: 'phrase', words, prefix: false, fuzzy: false };
}

/** The clauses as lists of words and "quoted phrases", for short expectations. */
function shape(input: string): string[][] {
  return parseQuery(input).clauses.map((c) => c.terms.map((t) => (t.kind === 'phrase' ? `"${t.words.join(' ')}"` : t.words[0]!)));
}

describe('parseQuery: words', () => {
  it('reads nothing from an empty or blank query', () => {
    for (const input of ['', '   ', '\t\n']) {
      expect(parseQuery(input)).toEqual({ clauses: [], exclude: [], filters: NO_FILTERS, errors: [] });
      expect(isEmptyQuery(parseQuery(input))).toBe(true);
    }
  });

  it('ANDs words: one clause with every word', () => {
    const q = parseQuery('fostering adoption services');
    expect(q.clauses).toHaveLength(1);
    expect(q.clauses[0]!.terms.map((t) => t.words[0])).toEqual(['fostering', 'adoption', 'services']);
    expect(q.errors).toEqual([]);
    expect(isEmptyQuery(q)).toBe(false);
  });

  it('lower-cases words and strips the punctuation around them', () => {
    expect(shape('Fostering, (Adoption). "Care"!')).toEqual([['fostering', 'adoption', '"care"']]);
    expect(shape('...safeguarding?!')).toEqual([['safeguarding']]);
  });

  it("keeps apostrophes inside words, and reads curly ones as straight", () => {
    expect(shape("children's")).toEqual([["children's"]]);
    expect(shape('children\u2019s services')).toEqual([["children's", 'services']]);
    expect(shape("'quoted'")).toEqual([['quoted']]);
    expect(shape("councils'")).toEqual([['councils']]);
  });

  it('reads a word with punctuation inside it as a phrase', () => {
    expect(parseQuery('well-being').clauses[0]!.terms).toEqual([phrase('well', 'being')]);
    expect(shape('stoke-on-trent fostering')).toEqual([['"stoke on trent"', 'fostering']]);
  });

  it('ignores tokens that are only punctuation', () => {
    expect(parseQuery('fostering & adoption — care').clauses[0]!.terms.map((t) => t.words[0])).toEqual(['fostering', 'adoption', 'care']);
    expect(parseQuery('&').clauses).toEqual([]);
    expect(parseQuery('&').errors).toEqual([]);
  });

  it('takes AND as nothing more than the words around it', () => {
    expect(shape('fostering AND adoption')).toEqual([['fostering', 'adoption']]);
  });
});

describe('parseQuery: prefix and fuzzy', () => {
  it('lets the last bare word match as a prefix, from three letters', () => {
    expect(parseQuery('fostering ado').clauses[0]!.terms).toEqual([word('fostering', { fuzzy: true }), word('ado', { prefix: true })]);
    expect(parseQuery('fostering ad').clauses[0]!.terms[1]).toEqual(word('ad'));
    expect(parseQuery('saf').clauses[0]!.terms[0]).toEqual(word('saf', { prefix: true }));
    expect(parseQuery('sa').clauses[0]!.terms[0]).toEqual(word('sa'));
  });

  it('counts letters, not apostrophes, towards the three', () => {
    expect(parseQuery("it's").clauses[0]!.terms[0]!.prefix).toBe(true);
    expect(parseQuery("i'd").clauses[0]!.terms[0]!.prefix).toBe(false);
  });

  it('gives the prefix to the last bare word even when a filter or phrase follows it', () => {
    // Clicking a facet appends a filter: the results must not change under the person's feet.
    expect(parseQuery('fost year:2009').clauses[0]!.terms[0]).toEqual(word('fost', { prefix: true }));
    expect(parseQuery('fost "in care"').clauses[0]!.terms[0]!.prefix).toBe(true);
    expect(parseQuery('fost -adoption').clauses[0]!.terms[0]!.prefix).toBe(true);
  });

  it('gives the prefix to one word only', () => {
    const terms = parseQuery('fost adop').clauses[0]!.terms;
    expect(terms.map((t) => t.prefix)).toEqual([false, true]);
  });

  it('never makes phrases, excluded words or words split by punctuation prefixes', () => {
    expect(parseQuery('"fost"').clauses[0]!.terms[0]!.prefix).toBe(false);
    expect(parseQuery('-fost').exclude[0]!.prefix).toBe(false);
    expect(parseQuery('well-bei').clauses[0]!.terms[0]!.prefix).toBe(false);
  });

  it('makes words of five letters or more fuzzy, never four or fewer, nor numbers', () => {
    expect(parseQuery('adopt').clauses[0]!.terms[0]!.fuzzy).toBe(true);
    expect(parseQuery('care').clauses[0]!.terms[0]!.fuzzy).toBe(false);
    expect(parseQuery('safeguardng').clauses[0]!.terms[0]!.fuzzy).toBe(true);
    expect(parseQuery('12345').clauses[0]!.terms[0]!.fuzzy).toBe(false);
    expect(parseQuery('tellus2').clauses[0]!.terms[0]!.fuzzy).toBe(false);
  });

  it('never makes phrases or excluded words fuzzy', () => {
    expect(parseQuery('"safeguarding"').clauses[0]!.terms[0]!.fuzzy).toBe(false);
    expect(parseQuery('-safeguarding').exclude[0]!.fuzzy).toBe(false);
  });
});

describe('parseQuery: phrases', () => {
  it('reads a quoted phrase as its words in order', () => {
    expect(parseQuery('"initial assessments"').clauses[0]!.terms).toEqual([phrase('initial', 'assessments')]);
    expect(parseQuery('"Looked  after, Children"').clauses[0]!.terms).toEqual([phrase('looked', 'after', 'children')]);
  });

  it('keeps a quoted single word as a phrase (an exact word)', () => {
    expect(parseQuery('"fostering"').clauses[0]!.terms).toEqual([phrase('fostering')]);
  });

  it('mixes phrases and words in one clause', () => {
    expect(shape('fostering "private fostering" agencies')).toEqual([['fostering', '"private fostering"', 'agencies']]);
  });

  it('reads curly double quotes as quotes', () => {
    expect(parseQuery('\u201cstaying safe\u201d').clauses[0]!.terms).toEqual([phrase('staying', 'safe')]);
  });

  it('starts a phrase at a quote inside a word', () => {
    expect(shape('abc"def ghi"')).toEqual([['abc', '"def ghi"']]);
  });

  it('takes the rest of the query as the phrase when the quote is not closed, and says so', () => {
    const q = parseQuery('fostering "looked after');
    expect(q.clauses[0]!.terms).toEqual([word('fostering', { prefix: true, fuzzy: true }), phrase('looked', 'after')]);
    expect(q.errors).toHaveLength(1);
    expect(q.errors[0]).toMatch(/not closed/);
    // Even what looks like a filter is part of the phrase.
    expect(parseQuery('"looked after year:2009').clauses[0]!.terms).toEqual([phrase('looked', 'after', 'year', '2009')]);
    expect(parseQuery('"looked after year:2009').filters).toEqual(NO_FILTERS);
  });

  it('ignores empty quotes, and says so', () => {
    const q = parseQuery('fostering ""');
    expect(shape('fostering ""')).toEqual([['fostering']]);
    expect(q.errors).toEqual([expect.stringMatching(/no words between the quotation marks/)]);
    expect(parseQuery('" ,; "').errors).toEqual([expect.stringMatching(/no words/)]);
  });

  it('ignores a lone quote, saying it is not closed and empty', () => {
    const q = parseQuery('fostering "');
    expect(shape('fostering "')).toEqual([['fostering']]);
    expect(q.errors).toHaveLength(2);
  });
});

describe('parseQuery: excluding', () => {
  it('leaves out words and phrases after a minus', () => {
    const q = parseQuery('fostering -adoption -"in care"');
    expect(shape('fostering -adoption -"in care"')).toEqual([['fostering']]);
    expect(q.exclude).toEqual([word('adoption'), phrase('in', 'care')]);
    expect(q.errors).toEqual([]);
  });

  it('lower-cases and strips excluded words, and reads a hyphenated one as a phrase', () => {
    expect(parseQuery('x -Adoption,').exclude).toEqual([word('adoption')]);
    expect(parseQuery('x -well-being').exclude).toEqual([phrase('well', 'being')]);
  });

  it('lists an excluded word once', () => {
    expect(parseQuery('x -adoption -ADOPTION').exclude).toEqual([word('adoption')]);
  });

  it('keeps hyphens inside words as phrases, not exclusions', () => {
    expect(parseQuery('well-being').exclude).toEqual([]);
  });

  it('ignores a minus with nothing after it, and says so', () => {
    for (const input of ['fostering -', 'fostering - adoption', '-']) {
      const q = parseQuery(input);
      expect(q.exclude).toEqual([]);
      expect(q.errors).toEqual([expect.stringMatching(/on its own was ignored/)]);
    }
    expect(shape('fostering - adoption')).toEqual([['fostering', 'adoption']]);
    const onlyPunctuation = parseQuery('fostering -&');
    expect(onlyPunctuation.exclude).toEqual([]);
    expect(onlyPunctuation.errors).toEqual([expect.stringMatching(/no word after/)]);
  });

  it('a query of exclusions alone has no clauses but is not empty', () => {
    const q = parseQuery('-adoption');
    expect(q.clauses).toEqual([]);
    expect(isEmptyQuery(q)).toBe(false);
  });
});

describe('parseQuery: OR', () => {
  it('joins AND-groups: fostering adoption OR residential = (fostering AND adoption) OR residential', () => {
    expect(shape('fostering adoption OR residential')).toEqual([['fostering', 'adoption'], ['residential']]);
    expect(shape('a1 OR b1 b2 OR "c d"')).toEqual([['a1'], ['b1', 'b2'], ['"c d"']]);
  });

  it('takes only upper-case OR as the operator', () => {
    expect(shape('fostering or adoption')).toEqual([['fostering', 'or', 'adoption']]);
    expect(shape('fostering Or adoption')).toEqual([['fostering', 'or', 'adoption']]);
  });

  it('gives the prefix to the last bare word of the whole query', () => {
    const q = parseQuery('fost OR adop');
    expect(q.clauses.map((c) => c.terms[0]!.prefix)).toEqual([false, true]);
  });

  it('applies filters and exclusions to every clause wherever they stand', () => {
    const q = parseQuery('fostering year:2009 OR adoption -bullying');
    expect(shape('fostering year:2009 OR adoption -bullying')).toEqual([['fostering'], ['adoption']]);
    expect(q.filters.years).toEqual([{ from: 2009, to: 2009 }]);
    expect(q.exclude).toEqual([word('bullying')]);
  });

  it('ignores an OR without words on both sides, and says so once', () => {
    for (const input of ['OR fostering', 'fostering OR', 'fostering OR OR adoption', 'fostering OR year:2009', 'fostering OR -adoption']) {
      const q = parseQuery(input);
      expect(q.errors, input).toEqual([expect.stringMatching(/OR.*without words/)]);
      expect(q.clauses.length, input).toBeGreaterThan(0);
    }
    expect(shape('fostering OR OR adoption')).toEqual([['fostering'], ['adoption']]);
    expect(parseQuery('OR').clauses).toEqual([]);
    expect(parseQuery('OR').errors).toHaveLength(1);
  });

  it('applies an OR between two values of one filter, and says nothing of it', () => {
    const years = parseQuery('year:2009 OR year:2010');
    expect(years.errors).toEqual([]);
    expect(years.filters.years).toEqual([{ from: 2009, to: 2009 }, { from: 2010, to: 2010 }]);
    expect(years.clauses).toEqual([]);
    const words = parseQuery('fostering council:walsall OR council:dudley adoption');
    expect(words.errors).toEqual([]);
    expect(shape('fostering council:walsall OR council:dudley adoption')).toEqual([['fostering', 'adoption']]);
    expect(words.filters.councils).toEqual(['walsall', 'dudley']);
    expect(parseQuery('kind:apa OR kind:rating').errors).toEqual([]);
    expect(parseQuery('grade:1 OR grade:2').errors).toEqual([]);
    expect(parseQuery('year:2005 OR year:2006 OR year:2007').filters.years).toHaveLength(3);
  });

  it('says when an OR between filters could not be applied, and only then', () => {
    expect(parseQuery('council:walsall OR year:2009').errors).toEqual([
      'The \u201cOR\u201d between \u201ccouncil:walsall\u201d and \u201cyear:2009\u201d was ignored: filters of different kinds always apply together, so the sections found match both.',
    ]);
    expect(parseQuery('grade:<=1 OR grade:4').errors).toEqual([expect.stringMatching(/^The \u201cOR\u201d .* was ignored: grade comparisons always apply together/)]);
    // A filter ignored for its own reason says so, and the OR beside it adds nothing.
    expect(parseQuery('year:2009 OR year:20x9').errors).toEqual([expect.stringMatching(/^\u201cyear:20x9\u201d was ignored/)]);
    expect(parseQuery('year:2009 OR colour:red').errors).toEqual([expect.stringMatching(/no filter called/)]);
  });
});

describe('parseQuery: filters', () => {
  it('reads council: as a lower-cased prefix of the short name, quoted or not', () => {
    expect(parseQuery('council:Walsall').filters.councils).toEqual(['walsall']);
    expect(parseQuery('council:"Stoke-on"').filters.councils).toEqual(['stoke-on']);
    expect(parseQuery('council:"kingston  upon hull"').filters.councils).toEqual(['kingston upon hull']);
    expect(parseQuery('council:walsall council:hull council:walsall').filters.councils).toEqual(['walsall', 'hull']);
  });

  it('reads field names in any case', () => {
    expect(parseQuery('COUNCIL:walsall Year:2009').filters).toMatchObject({ councils: ['walsall'], years: [{ from: 2009, to: 2009 }] });
  });

  it('reads years and ranges of years', () => {
    expect(parseQuery('year:2009').filters.years).toEqual([{ from: 2009, to: 2009 }]);
    expect(parseQuery('year:2005..2008').filters.years).toEqual([{ from: 2005, to: 2008 }]);
    expect(parseQuery('year:2005-2008').filters.years).toEqual([{ from: 2005, to: 2008 }]);
    expect(parseQuery('year:2008..2005').filters.years).toEqual([{ from: 2005, to: 2008 }]);
    expect(parseQuery('year:2007 year:2009').filters.years).toEqual([
      { from: 2007, to: 2007 },
      { from: 2009, to: 2009 },
    ]);
  });

  it('refuses what is not a year, and says so', () => {
    for (const input of ['year:20x9', 'year:09', 'year:2009..', 'year:..2009', 'year:20090', 'year:2005...2008', 'year:last']) {
      const q = parseQuery(`fostering ${input}`);
      expect(q.filters.years, input).toEqual([]);
      expect(q.errors, input).toEqual([expect.stringMatching(/is not a year/)]);
      expect(q.clauses, input).toHaveLength(1);
    }
  });

  it('reads kinds of letter: apa, rating, annual-rating, and unambiguous beginnings', () => {
    expect(parseQuery('kind:apa').filters.kinds).toEqual(['apa']);
    expect(parseQuery('kind:APA').filters.kinds).toEqual(['apa']);
    expect(parseQuery('kind:rating').filters.kinds).toEqual(['annual-rating']);
    expect(parseQuery('kind:annual-rating').filters.kinds).toEqual(['annual-rating']);
    expect(parseQuery('kind:"annual rating"').filters.kinds).toEqual(['annual-rating']);
    expect(parseQuery('kind:rat').filters.kinds).toEqual(['annual-rating']);
    expect(parseQuery('kind:apa kind:rating').filters.kinds).toEqual(['apa', 'annual-rating']);
  });

  it('refuses unknown or ambiguous kinds, and says so', () => {
    expect(parseQuery('kind:inspection').errors).toEqual([expect.stringMatching(/no kind of letter/)]);
    expect(parseQuery('kind:annual').errors).toEqual([expect.stringMatching(/not clear which kind/)]);
    expect(parseQuery('kind:annual').filters.kinds).toEqual([]);
  });

  it('reads grades and comparisons', () => {
    expect(parseQuery('grade:2').filters.grades).toEqual([{ op: '=', value: 2 }]);
    expect(parseQuery('grade:=2').filters.grades).toEqual([{ op: '=', value: 2 }]);
    expect(parseQuery('grade:<=2').filters.grades).toEqual([{ op: '<=', value: 2 }]);
    expect(parseQuery('grade:<2').filters.grades).toEqual([{ op: '<', value: 2 }]);
    expect(parseQuery('grade:>3').filters.grades).toEqual([{ op: '>', value: 3 }]);
    expect(parseQuery('grade:>=3').filters.grades).toEqual([{ op: '>=', value: 3 }]);
    expect(parseQuery('grade:">= 3"').filters.grades).toEqual([{ op: '>=', value: 3 }]);
  });

  it("reads a scale's word for a grade", () => {
    expect(parseQuery('grade:outstanding').filters.grades).toEqual([{ op: '=', value: 4 }]);
    expect(parseQuery('grade:good').filters.grades).toEqual([{ op: '=', value: 3 }]);
    expect(parseQuery('grade:adequately').filters.grades).toEqual([{ op: '=', value: 2 }]);
    expect(parseQuery('grade:poorly').filters.grades).toEqual([{ op: '=', value: 1 }]);
    expect(parseQuery('grade:<=adequate').filters.grades).toEqual([{ op: '<=', value: 2 }]);
  });

  it('refuses grades outside 1 to 4, and says so', () => {
    for (const input of ['grade:5', 'grade:0', 'grade:2.5', 'grade:<<2', 'grade:great', 'grade:=>2']) {
      const q = parseQuery(input);
      expect(q.filters.grades, input).toEqual([]);
      expect(q.errors, input).toEqual([expect.stringMatching(/grades go from 1/)]);
    }
  });

  it('reads outcomes by name, beginning, hyphenated form or a word inside', () => {
    expect(parseQuery('outcome:"staying safe"').filters.outcomes).toEqual(['staying-safe']);
    expect(parseQuery('outcome:staying').filters.outcomes).toEqual(['staying-safe']);
    expect(parseQuery('outcome:staying-safe').filters.outcomes).toEqual(['staying-safe']);
    expect(parseQuery('outcome:Being_Healthy').filters.outcomes).toEqual(['being-healthy']);
    expect(parseQuery('outcome:"enjoying and achieving"').filters.outcomes).toEqual(['enjoying-and-achieving']);
    expect(parseQuery('outcome:economic').filters.outcomes).toEqual(['achieving-economic-well-being']);
    expect(parseQuery('outcome:achieving').filters.outcomes).toEqual(['achieving-economic-well-being']);
    expect(parseQuery('outcome:capacity').filters.outcomes).toEqual(['capacity-to-improve']);
    expect(parseQuery('outcome:overall').filters.outcomes).toEqual(['overall-effectiveness']);
  });

  it('refuses unknown outcomes, and says so', () => {
    const q = parseQuery('outcome:happiness');
    expect(q.filters.outcomes).toEqual([]);
    expect(q.errors).toEqual([expect.stringMatching(/no outcome called .happiness.*staying safe/)]);
  });

  it('reads regions by name or beginning, lower-cased, as the full names', () => {
    expect(parseQuery('region:"west midlands"').filters.regions).toEqual(['west midlands']);
    expect(parseQuery('region:"West  Midlands"').filters.regions).toEqual(['west midlands']);
    expect(parseQuery('region:london').filters.regions).toEqual(['london']);
    expect(parseQuery('region:west').filters.regions).toEqual(['west midlands']);
    expect(parseQuery('region:yorkshire').filters.regions).toEqual(['yorkshire and the humber']);
    expect(parseQuery('region:north-west').filters.regions).toEqual(['north west']);
    expect(parseQuery('region:midlands').filters.regions).toEqual(['east midlands', 'west midlands']);
  });

  it('refuses unknown regions, and says so', () => {
    const q = parseQuery('region:wales');
    expect(q.filters.regions).toEqual([]);
    expect(q.errors).toEqual([expect.stringMatching(/no English region called .wales/)]);
  });

  it('reads all filters together, with words', () => {
    const q = parseQuery('fostering council:"stoke-on" year:2005..2008 kind:rating grade:<=2 outcome:staying region:"west midlands"');
    expect(q.filters).toEqual({
      councils: ['stoke-on'],
      years: [{ from: 2005, to: 2008 }],
      kinds: ['annual-rating'],
      grades: [{ op: '<=', value: 2 }],
      outcomes: ['staying-safe'],
      regions: ['west midlands'],
    });
    expect(q.clauses[0]!.terms).toEqual([word('fostering', { prefix: true, fuzzy: true })]);
    expect(q.errors).toEqual([]);
    expect(hasFilters(q.filters)).toBe(true);
  });

  it('a query of filters alone has no clauses', () => {
    const q = parseQuery('grade:1 kind:apa');
    expect(q.clauses).toEqual([]);
    expect(q.filters).toMatchObject({ grades: [{ op: '=', value: 1 }], kinds: ['apa'] });
    expect(isEmptyQuery(q)).toBe(false);
  });

  it('ignores unknown fields, and says which fields there are', () => {
    const q = parseQuery('fostering foo:bar');
    expect(shape('fostering foo:bar')).toEqual([['fostering']]);
    expect(q.filters).toEqual(NO_FILTERS);
    expect(q.errors).toEqual([expect.stringMatching(/no filter called .foo:.*council:, year:, kind:, grade:, outcome:, region:/)]);
  });

  it('ignores a filter without a value, and says so', () => {
    for (const input of ['council:', 'year: 2009', 'region:""']) {
      const q = parseQuery(input);
      expect(q.filters, input).toEqual(NO_FILTERS);
      expect(q.errors[0], input).toMatch(/needs a value/);
    }
    // The value after the space is a word.
    expect(shape('year: 2009')).toEqual([['2009']]);
  });

  it('refuses to exclude a filter, and says so', () => {
    const q = parseQuery('fostering -year:2009');
    expect(q.filters).toEqual(NO_FILTERS);
    expect(q.exclude).toEqual([]);
    expect(q.errors).toEqual([expect.stringMatching(/cannot be left out/)]);
  });

  it('reads an unclosed quoted value to the end, and says so', () => {
    const q = parseQuery('fostering council:"stoke on');
    expect(q.filters.councils).toEqual(['stoke on']);
    expect(q.errors).toEqual([expect.stringMatching(/not closed/)]);
  });

  it('does not take times or numbers with colons for filters', () => {
    expect(parseQuery('10:30').filters).toEqual(NO_FILTERS);
    expect(parseQuery('10:30').errors).toEqual([]);
    expect(parseQuery('10:30').clauses[0]!.terms).toEqual([phrase('10', '30')]);
  });
});

describe('parseQuery: malformed input', () => {
  it('gives every problem, in the order of the query, and still searches the rest', () => {
    const q = parseQuery('foo:bar year:20x9 fostering grade:9 - kind:rating "looked after');
    expect(q.errors).toHaveLength(5);
    expect(q.errors[0]).toMatch(/foo:/);
    expect(q.errors[1]).toMatch(/year:20x9/);
    expect(q.errors[2]).toMatch(/grade:9/);
    expect(q.errors[3]).toMatch(/on its own/);
    expect(q.errors[4]).toMatch(/not closed/);
    expect(shape('foo:bar year:20x9 fostering grade:9 - kind:rating "looked after')).toEqual([['fostering', '"looked after"']]);
    expect(q.filters.kinds).toEqual(['annual-rating']);
  });

  it('keeps only the first words and phrases of a very long query, and says so', () => {
    const words = Array.from({ length: MAX_TERMS + 10 }, (_, i) => `word${i}`);
    const q = parseQuery(words.join(' '));
    expect(q.clauses[0]!.terms).toHaveLength(MAX_TERMS);
    expect(q.errors).toEqual([expect.stringMatching(new RegExp(`first ${MAX_TERMS}`))]);
  });

  it('never throws, whatever it is given', () => {
    const nasty = ['"', '-"', '-""', '""""', ':', 'a:', ':b', '::::', 'OR OR OR', '- - -', '\u0000', '\uD800', 'year:"', 'council:"', '((()))', '\\'.repeat(50), 'x'.repeat(10_000)];
    for (const input of nasty) expect(() => parseQuery(input), JSON.stringify(input)).not.toThrow();
  });

  it('gives the same answer for the same query', () => {
    const input = 'fostering "looked after" -adoption OR care council:hull year:2005..2008';
    expect(parseQuery(input)).toEqual(parseQuery(input));
  });
});
