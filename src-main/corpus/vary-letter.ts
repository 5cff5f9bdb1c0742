/**
 * Makes new letters out of a sample letter: another council, another date, other grades.
 *
 * Used to build large corpora for benchmarks and stress tests from the five real samples.
 * The functions are pure (randomness comes in as a function), so a seed gives the same
 * corpus every time.
 */
import { ANNUAL_RATING_LABELS, LETTER_YEARS, isAnnualAssessment, type GradeValue, type LetterKind } from '../../src-shared/letters/letter';
import { MONTH_NAMES } from '../../src-shared/letters/letter-words';

/** A council's name as a letter writes it, and the short form people use. */
export interface CouncilName {
  officialName: string;
  displayName: string;
}

/** What to change in a sample letter. */
export interface LetterVariation {
  council: CouncilName;
  /** Calendar date; `month` is 1 to 12. */
  date: { year: number; month: number; day: number };
  /**
   * Grades given out in the order the letter's grades appear: for an APA letter the
   * overall grade then each section (reused from the start when there are fewer); for an
   * annual rating only the first is used.
   */
  grades: GradeValue[];
}


const RATING_WORDS = ['poorly', 'adequately', 'well', 'excellently'];
const RATING_WORD = RATING_WORDS.join('|');

/** "Annual performance assessment" letters are APA; everything else is taken as an annual rating. */
export function detectSampleKind(text: string): LetterKind {
  return /annual\s+performance\s+assessment/i.test(text) ? 'apa' : 'annual-rating';
}

/** The short form of a council's name: "Coventry City Council" gives "Coventry". */
export function shortCouncilName(officialName: string): string {
  return officialName
    .replace(/^(the\s+)?((royal|london|metropolitan)\s+)?(borough|city|county|district)\s+of\s+/i, '')
    .replace(/\s+((metropolitan\s+)?borough|city|county|district)?\s*council$/i, '')
    .trim();
}

/** Finds the council a sample letter is about, or null when the usual sentences are missing. */
export function findCouncilName(text: string): CouncilName | null {
  const match =
    /services\s+for\s+children\s+and\s+young\s+people\s+in\s+(.+?)\s*$/im.exec(text) ??
    /children\W{0,2}s\s+services\s+in\s+(.+?)\s+performs?\s/i.exec(text);
  const found = match?.[1]?.trim();
  if (!found) return null;
  // APA titles are in capitals; prefer the same name as written in the address.
  const officialName = findWrittenCase(text, found) ?? found;
  return { officialName, displayName: shortCouncilName(officialName) };
}

function findWrittenCase(text: string, name: string): string | null {
  const pattern = new RegExp(escapeRegExp(name), 'gi');
  for (const m of text.matchAll(pattern)) {
    if (m[0] !== m[0].toUpperCase()) return m[0];
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "26 November 2007". */
export function formatLetterDate(date: LetterVariation['date']): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1] ?? 'January'} ${date.year}`;
}

/**
 * Rewrites a sample letter with another council, date and grades, consistently: the
 * council's full and short names (as written and in capitals), the date line, the
 * assessment year in titles, APA "Grade N" lines, the annual rating line
 * ("Performs adequately (2)", keeping its spelling and capitals) and the sentence that
 * repeats it. `from` is the council the sample is about; found in the text when omitted.
 */
export function varyLetter(text: string, variation: LetterVariation, from?: CouncilName): string {
  const original = from ?? findCouncilName(text);
  let out = original ? replaceCouncil(text, original, variation.council) : text;
  out = replaceDate(out, variation.date);
  if (detectSampleKind(text) === 'apa') return replaceApaGrades(out, variation.grades);
  out = replaceRating(out, variation.grades[0] ?? 2);
  return isAnnualAssessment(variation.date.year) ? asAssessment(out) : out;
}

/**
 * An annual rating letter as the annual children's services assessment that replaced it in
 * 2011, on the same scale in the same words: the title, the rating's heading and line, and
 * the sentences that name the rating, say "assessment". No real 2011 letter ships with
 * the app; this is our own rewording, for tests and corpora.
 */
export function asAssessment(text: string): string {
  return text
    .replace(/children(['’`]?s?)\s+services\s+annual\s+rating/gi, (m, s: string) => (m[0] === 'C' && m[1] === 'H' ? `ANNUAL CHILDREN${s.toUpperCase()} SERVICES ASSESSMENT` : `Annual children${s} services assessment`))
    .replace(/(children['’`]?s?\s+services\s+)rating\b/gi, (_m, lead: string) => `${lead}assessment`)
    .replace(/\bthe annual rating\b/g, 'the annual assessment')
    .replace(/\bThe annual rating\b/g, 'The annual assessment');
}

/** Puts one council's names (full and short, as written and in capitals) in place of another's, and nothing else. */
export function replaceCouncil(text: string, from: CouncilName, to: CouncilName): string {
  const replacements = new Map<string, string>();
  for (const [a, b] of [
    [from.officialName, to.officialName],
    [from.displayName, to.displayName],
  ] as const) {
    if (!a) continue;
    replacements.set(a, b);
    if (!replacements.has(a.toUpperCase())) replacements.set(a.toUpperCase(), b.toUpperCase());
  }
  // One pass, longest name first, so a new name that contains an old one is never rewritten twice.
  const alternatives = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (m) => replacements.get(m) ?? m);
}

function replaceDate(text: string, date: LetterVariation['date']): string {
  const year = String(date.year);
  return text
    .replace(new RegExp(`^([ \\t]*)\\d{1,2}\\s+(?:${MONTH_NAMES.join('|')})\\s+\\d{4}([ \\t]*)$`, 'm'), `$1${formatLetterDate(date)}$2`)
    .replace(/\b\d{4}(\s+annual\s+performance\s+assessment)/gi, `${year}$1`)
    .replace(/(services\s+rating(?:\s+for)?\s+)\d{4}\b/gi, `$1${year}`);
}

function replaceApaGrades(text: string, grades: GradeValue[]): string {
  if (grades.length === 0) return text;
  let i = 0;
  return text.replace(/\bGrade(\s+)[1-4]\b/g, (_m, space: string) => `Grade${space}${grades[i++ % grades.length]}`);
}

function replaceRating(text: string, grade: GradeValue): string {
  const word = ANNUAL_RATING_LABELS[grade].split(' ')[1] ?? 'adequately';
  const sameCase = (like: string): string => (like[0] === like[0]?.toUpperCase() ? word[0]?.toUpperCase() + word.slice(1) : word);
  return text
    .replace(
      new RegExp(`\\b(Performs?\\s+)(${RATING_WORD})(\\s*)\\(\\s*[1-4]\\s*\\)`, 'gi'),
      (_m, verb: string, adverb: string, space: string) => `${verb}${sameCase(adverb)}${space}(${grade})`,
    )
    .replace(new RegExp(`(services\\s+in\\s+[^\\n]*?\\s+performs?\\s+)(${RATING_WORD})\\b`, 'gi'), (_m, lead: string, adverb: string) => `${lead}${sameCase(adverb)}`);
}

/** A small, fast seeded generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Grades weighted like the real ones: mostly 2 and 3, some 4, few 1. */
export function pickGrade(random: () => number): GradeValue {
  const r = random();
  return r < 0.08 ? 1 : r < 0.45 ? 2 : r < 0.85 ? 3 : 4;
}

/**
 * Picks a plausible variation: a council from the list, a date in the years the kind of
 * letter was written (APA 2005 to 2008, annual rating 2009 to 2011, the last as an
 * annual assessment), and grades.
 */
export function pickVariation(random: () => number, kind: LetterKind, councils: readonly CouncilName[]): LetterVariation {
  if (councils.length === 0) throw new Error('pickVariation needs at least one council.');
  const council = councils[Math.floor(random() * councils.length)] as CouncilName;
  const [first, last] = LETTER_YEARS[kind];
  const year = first + Math.floor(random() * (last - first + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const grades = Array.from({ length: kind === 'apa' ? 7 : 1 }, () => pickGrade(random));
  return { council, date: { year, month, day }, grades };
}
