/** The sample letters, parsed, for the summaries' tests. */
import type { Letter } from '../../letters/letter';
import { parseLetter } from '../../letters/parse-letter';
import { SAMPLE_FILES, sampleBytes } from '../../letters/test-support/sample-letters';

export const COVENTRY_2007 = 'coventry-2007-annual-performance-assessment.txt';
export const COVENTRY_2009 = 'coventry-2009-annual-rating.txt';
export const LEICESTER_2009 = 'leicester-2009-annual-rating.txt';

export async function parseSample(name: string): Promise<Letter> {
  const outcome = await parseLetter(sampleBytes(name));
  if (!outcome.ok) throw new Error(`${name} did not parse: ${outcome.reason}`);
  return outcome.letter;
}

/** Every sample file that is a letter (SOURCE.md is not). */
export async function allSampleLetters(): Promise<Letter[]> {
  const letters: Letter[] = [];
  for (const name of SAMPLE_FILES) {
    const outcome = await parseLetter(sampleBytes(name));
    if (outcome.ok) letters.push(outcome.letter);
  }
  return letters;
}
