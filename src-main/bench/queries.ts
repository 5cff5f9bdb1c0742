/**
 * The benchmark's fixed queries, and a deliberately naive reading of them for the
 * brute-force baseline: words and phrases are plain substrings of the lower-cased section
 * text, filters compare fields. No stemming, no fuzziness, no ranking: it is the cost of
 * looking at every section, not a second search engine.
 */

export interface BenchQuery {
  query: string;
  /** What the query exercises, for reading the results. */
  group: 'common' | 'rare' | 'prefix' | 'phrase' | 'words' | 'filter';
}

const common = ['fostering', 'safeguarding', 'schools', 'children', 'adoption', 'attendance', 'inspection', 'assessment', 'provision', 'performance'];
const rare = ['recidivism', 'chlamydia', 'obesity', 'breastfeeding', 'tellus2', 'diversionary', 'gardening', 'newspaper'];
const prefix = ['tee', 'fos', 'saf', 'vul', 'cam', 'bul', 'obe', 'imm'];
const phrase = [
  '"initial assessments"',
  '"looked after children"',
  '"private fostering"',
  '"special schools"',
  '"pupil referral units"',
  '"child protection"',
  '"staying safe"',
  '"national indicators"',
];
const words = ['fostering adoption', 'teenage pregnancy', 'school attendance', 'youth offending', 'fostering -adoption', 'obesity OR pregnancy'];
const filter = [
  'council:walsall',
  'council:kent fostering',
  'year:2005..2008 grade:<=2',
  'kind:rating region:"west midlands"',
  'kind:apa outcome:"staying safe" grade:1',
  'year:2009 fostering',
  'region:london adoption',
  'grade:4 kind:rating',
  'outcome:"being healthy" obesity',
  'year:2010 region:"north west" "special schools"',
];

/** Fifty queries: common and rare words, 3-letter prefixes, phrases, several words, filters. */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  ...common.map((query) => ({ query, group: 'common' as const })),
  ...rare.map((query) => ({ query, group: 'rare' as const })),
  ...prefix.map((query) => ({ query, group: 'prefix' as const })),
  ...phrase.map((query) => ({ query, group: 'phrase' as const })),
  ...words.map((query) => ({ query, group: 'words' as const })),
  ...filter.map((query) => ({ query, group: 'filter' as const })),
];

/** Queries typed before the measured ones, so the first measured query does not pay for warming up. */
export const WARM_UP_QUERIES: readonly string[] = ['council', 'ofsted quality', '"young people"'];

export type GradeOp = '=' | '<' | '<=' | '>' | '>=';

/** A query as the brute-force scan reads it: plain data, so it can be sent into the page. */
export interface NaiveQuery {
  /** OR-ed clauses; each needs all its substrings. Empty: filters only. */
  clauses: string[][];
  /** Substrings that rule a section out. */
  exclude: string[];
  councils: string[];
  years: [number, number][];
  kinds: string[];
  grades: [GradeOp, number][];
  outcomes: string[];
  regions: string[];
}

/** Splits on spaces outside quotes; a quoted part keeps its quotes, so `region:"west midlands"` stays one token. */
function tokens(query: string): string[] {
  return query.match(/-?[a-z]+:"[^"]*"|-?"[^"]*"?|\S+/gi) ?? [];
}

const unquote = (s: string) => s.replace(/^"|"$/g, '').trim();

/** Reads a benchmark query the simple way; unknown `key:` words are searched as text. */
export function naiveQuery(query: string): NaiveQuery {
  const q: NaiveQuery = { clauses: [], exclude: [], councils: [], years: [], kinds: [], grades: [], outcomes: [], regions: [] };
  let clause: string[] = [];
  for (const token of tokens(query.toLowerCase())) {
    if (token === 'or') {
      if (clause.length) q.clauses.push(clause);
      clause = [];
      continue;
    }
    const negated = token.startsWith('-') && token.length > 1;
    const body = negated ? token.slice(1) : token;
    const filter = /^([a-z]+):(.+)$/.exec(body);
    const key = filter?.[1];
    const value = filter ? unquote(filter[2]!) : '';
    if (!negated && key === 'council') q.councils.push(value);
    else if (!negated && key === 'region') q.regions.push(value);
    else if (!negated && key === 'kind') q.kinds.push(value === 'rating' ? 'annual-rating' : value);
    else if (!negated && key === 'outcome') q.outcomes.push(value.replace(/\s+/g, '-'));
    else if (!negated && key === 'year' && /^\d{4}(\.\.\d{4})?$/.test(value)) {
      const [from, to] = value.split('..').map(Number);
      q.years.push([from!, to ?? from!]);
    } else if (!negated && key === 'grade' && /^(<=|>=|<|>|=)?[1-4]$/.test(value)) {
      const op = (/^(<=|>=|<|>|=)/.exec(value)?.[1] ?? '=') as GradeOp;
      q.grades.push([op, Number(value.slice(value.length - 1))]);
    } else {
      const text = unquote(body);
      if (!text) continue;
      if (negated) q.exclude.push(text);
      else clause.push(text);
    }
  }
  if (clause.length) q.clauses.push(clause);
  return q;
}
