import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args';
import { BENCH_QUERIES, naiveQuery } from './queries';
import { median, percentile, round } from '../../src-shared/stats';

describe('the benchmark queries', () => {
  it('are fifty fixed queries covering every group', () => {
    expect(BENCH_QUERIES).toHaveLength(50);
    expect(new Set(BENCH_QUERIES.map((q) => q.query)).size).toBe(50);
    for (const group of ['common', 'rare', 'prefix', 'phrase', 'words', 'filter']) {
      expect(BENCH_QUERIES.some((q) => q.group === group)).toBe(true);
    }
    expect(BENCH_QUERIES.filter((q) => q.group === 'prefix').every((q) => q.query.length === 3)).toBe(true);
  });

  it('are read naively: words, phrases, exclusions, OR and filters', () => {
    expect(naiveQuery('fostering adoption')).toMatchObject({ clauses: [['fostering', 'adoption']], exclude: [] });
    expect(naiveQuery('"initial assessments"').clauses).toEqual([['initial assessments']]);
    expect(naiveQuery('fostering -adoption')).toMatchObject({ clauses: [['fostering']], exclude: ['adoption'] });
    expect(naiveQuery('obesity OR pregnancy').clauses).toEqual([['obesity'], ['pregnancy']]);
    expect(naiveQuery('year:2005..2008 grade:<=2')).toMatchObject({ clauses: [], years: [[2005, 2008]], grades: [['<=', 2]] });
    expect(naiveQuery('kind:rating region:"west midlands"')).toMatchObject({ kinds: ['annual-rating'], regions: ['west midlands'] });
    expect(naiveQuery('kind:apa outcome:"staying safe" grade:1')).toMatchObject({ kinds: ['apa'], outcomes: ['staying-safe'], grades: [['=', 1]] });
    expect(naiveQuery('council:Walsall year:2009 Fostering')).toMatchObject({ councils: ['walsall'], years: [[2009, 2009]], clauses: [['fostering']] });
    expect(naiveQuery('year:2010 region:"north west" "special schools"')).toMatchObject({ regions: ['north west'], clauses: [['special schools']] });
  });
});

describe('stats', () => {
  it('interpolates percentiles and rounds', () => {
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(Number.NaN)).toBeNull();
  });
});

describe('parseBenchArgs', () => {
  it('has defaults and reads every option', () => {
    expect(parseBenchArgs([])).toEqual({
      kind: 'run',
      options: { letters: 10_000, corpus: null, seed: 1, importTimeoutMin: 10, keepCorpus: false, perQuery: false, cpuProfile: null, cpuProfilePass: 1, renderer: null, incognito: false, importOnly: false, importProfile: null, importTrace: null },
    });
    const args = parseBenchArgs(['--letters', '2000', '--corpus=/tmp/c', '--seed', '7', '--import-timeout-min', '3', '--keep-corpus', '--per-query', '--import-only', '--import-profile', '/tmp/p', '--import-trace', '/tmp/t.json', '--cpu-profile', '/tmp/w.cpuprofile', '--cpu-profile-pass', '3']);
    expect(args).toMatchObject({ kind: 'run', options: { letters: 2000, corpus: '/tmp/c', seed: 7, importTimeoutMin: 3, keepCorpus: true, perQuery: true, importOnly: true, importProfile: '/tmp/p', importTrace: '/tmp/t.json', cpuProfile: '/tmp/w.cpuprofile', cpuProfilePass: 3 } });
  });

  it('refuses what it does not understand', () => {
    expect(parseBenchArgs(['--letters', '0']).kind).toBe('error');
    expect(parseBenchArgs(['--letters']).kind).toBe('error');
    expect(parseBenchArgs(['--corpus', '--per-query']).kind).toBe('error');
    expect(parseBenchArgs(['--fast']).kind).toBe('error');
    // Four passes are typed: the one after the import and one after each of three reloads.
    expect(parseBenchArgs(['--cpu-profile-pass', '5']).kind).toBe('error');
    expect(parseBenchArgs(['--cpu-profile-pass', '0']).kind).toBe('error');
    expect(parseBenchArgs(['extra']).kind).toBe('error');
    expect(parseBenchArgs(['-h']).kind).toBe('help');
  });
});
