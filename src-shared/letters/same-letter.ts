/**
 * When two files hold the same letter. The same letter saved twice is often not the same
 * text: straight or curly quotes, other dashes, hyphens lost at line ends, another
 * extraction tool, or a PDF beside its text. So the archive takes two letters to be the
 * same when they are about the same council, of the same kind and date, give the same
 * grades, and say nearly the same words: of all the runs of four words in the two, nine
 * in ten are in both, once folded as below. (A looser measure, such as the share of the
 * shorter letter's runs found in the longer, took a letter with one paragraph rewritten for
 * the same letter.) Two letters of one council, kind and date whose words or grades differ
 * are two letters.
 */
import { councilKeyOf, type Letter, type Section } from './letter';

/** Share of word runs two letters must have in common to be one letter. */
export const SAME_LETTER_SIMILARITY = 0.9;
/** Words per run compared: long enough that two different letters do not share runs by chance. */
const RUN = 4;

/** The same council, kind and date: the occasion a letter was written for. */
export function sameOccasion(a: Pick<Letter, 'kind' | 'date' | 'council'>, b: Pick<Letter, 'kind' | 'date' | 'council'>): boolean {
  return a.kind === b.kind && a.date === b.date && councilKeyOf(a.council) === councilKeyOf(b.council);
}

/**
 * A letter's words as compared: everything its sections say, in order, lower-cased, with
 * apostrophes and hyphens closed up and every other mark (quotes, dashes, bullets) a gap.
 */
export function letterWords(letter: Pick<Letter, 'sections'>): string[] {
  const parts: string[] = [];
  for (const section of letter.sections) {
    parts.push(section.heading);
    for (const block of section.paragraphs) parts.push(...(block.type === 'paragraph' ? [block.text] : block.items));
    for (const recommendation of section.recommendations) parts.push(recommendation.text, ...recommendation.items);
    parts.push(...section.areasForDevelopment);
  }
  return parts
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['’‘`´-](?=\p{L})/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The runs of words a letter is compared by. */
export function wordRuns(words: readonly string[]): Set<string> {
  const runs = new Set<string>();
  if (words.length < RUN) runs.add(words.join(' '));
  for (let i = 0; i + RUN <= words.length; i++) runs.add(words.slice(i, i + RUN).join(' '));
  return runs;
}

/** How much two sets of runs share, from 0 (nothing) to 1 (the same): shared over all. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const run of small) if (large.has(run)) shared++;
  return shared / (a.size + b.size - shared);
}

/** What tells whether two letters could be one: their occasion and grades (a row that keeps its paragraphs apart has them). */
type Graded = Pick<Letter, 'kind' | 'date' | 'council' | 'overall'> & { sections: readonly Pick<Section, 'grade'>[] };

/** The grades a letter gives, overall and section by section, in order. */
function gradesOf(letter: Pick<Graded, 'overall' | 'sections'>): string {
  return [letter.overall?.grade ?? '-', ...letter.sections.map((s) => s.grade?.grade ?? '-')].join('');
}

/** The same occasion and the same grades: what must hold before the words are compared. */
export function couldBeSameLetter(a: Graded, b: Graded): boolean {
  return sameOccasion(a, b) && gradesOf(a) === gradesOf(b);
}

/** True when two letters are one letter: same occasion and grades, nearly the same words. */
export function isSameLetter(a: Letter, b: Letter): boolean {
  return couldBeSameLetter(a, b) && similarity(wordRuns(letterWords(a)), wordRuns(letterWords(b))) >= SAME_LETTER_SIMILARITY;
}
