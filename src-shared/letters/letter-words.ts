/**
 * Words for what a letter says: dates, kinds, people, counts and timescales, written the way
 * the letters write them. The app's panes and the printed summaries both use these.
 */
import { isAnnualAssessment, type LetterKind, type Person, type Timescale } from './letter';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "2009-12-09" → "9 December 2009". Anything that is not an ISO date comes back as it was. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "Annual performance assessment", "Annual rating", or for 2011, when the rating was renamed, "Annual assessment". */
export function kindName(kind: LetterKind, year?: number): string {
  if (kind === 'apa') return 'Annual performance assessment';
  return year !== undefined && isAnnualAssessment(year) ? 'Annual assessment' : 'Annual rating';
}

/** What an annual rating letter of this year is called when it gives no title of its own. */
export function ratingLetterTitle(year: number): string {
  return isAnnualAssessment(year) ? "Annual children's services assessment" : "Children's services annual rating";
}

/**
 * Whole numbers as British English writes them. One formatter, made once: `toLocaleString`
 * makes one a call, and the councils pane counts every council's letters each time it is
 * drawn (0.47 s of the page's thread in a 2,000-letter import's CPU profile).
 */
const NUMBERS = new Intl.NumberFormat('en-GB');

/** "1 letter", "4 councils", "10,000 letters". */
export function countText(n: number, one: string, many = `${one}s`): string {
  return `${NUMBERS.format(n)} ${n === 1 ? one : many}`;
}

/** "Colin Green, Director of Children, Learning and Young People". */
export function personText(person: Person): string {
  return person.role ? `${person.name}, ${person.role}` : person.name;
}

export const TIMESCALE_NAMES: readonly { timescale: Timescale; name: string }[] = [
  { timescale: 'immediate', name: 'For immediate action' },
  { timescale: 'next-six-months', name: 'In the next six months' },
  { timescale: 'longer-term', name: 'In the longer term' },
];
