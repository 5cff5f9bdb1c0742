/**
 * A seeded corpus of damaged letters, as `npm run corpus -- --damaged` writes it, parses
 * every letter right: the kind, council, date and overall grade that were put in.
 */
import { describe, expect, it } from 'vitest';
import { parseLetter } from '../../src-shared/letters/parse-letter';
import { damageRandom, generateCorpus, loadSampleTexts, textBytes } from './build-corpus';
import { loadCouncilPool } from './council-pool';

const LETTERS = 1000;
const SEED = 2010;
const repo = new URL('../../', import.meta.url).pathname;

describe('a corpus of damaged letters', () => {
  it(`parses all ${LETTERS} letters to the kind, council, date and grade put in`, async () => {
    const random = damageRandom(SEED);
    const wrong: string[] = [];
    let read = 0;
    for (const letter of generateCorpus({ letters: LETTERS, seed: SEED, samples: loadSampleTexts(repo), councils: loadCouncilPool(repo) })) {
      const outcome = await parseLetter(textBytes(letter, random));
      read++;
      const got = outcome.ok
        ? { kind: outcome.letter.kind, council: outcome.letter.council.displayName, date: outcome.letter.date, grade: outcome.letter.overall?.grade }
        : outcome.reason;
      const { kind, council, date, grade } = letter.expected;
      if (JSON.stringify(got) !== JSON.stringify({ kind, council, date, grade })) wrong.push(`${letter.relativePath}: ${JSON.stringify(got)}`);
    }
    expect(read).toBe(LETTERS);
    expect(wrong).toEqual([]);
  });
});
