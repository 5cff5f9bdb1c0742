/** Words for dates, kinds and counts, the way the letters themselves write them. */
import type { LetterKind, Person, Timescale } from '../../../src-shared/letters/letter';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2009-12-09" → "9 December 2009". Anything that is not an ISO date comes back as it was. */
export function formatLetterDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "2009-12-09T10:11:12.000Z" → "9 December 2009, 10:11" in the person's own time zone. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function kindLabel(kind: LetterKind): string {
  return kind === 'apa' ? 'Annual performance assessment' : 'Annual rating';
}

/** The kind in a word or two, for tight spots: "APA", "Annual rating". */
export function kindShortLabel(kind: LetterKind): string {
  return kind === 'apa' ? 'APA' : 'Annual rating';
}

/** "1 letter", "2 letters". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "Colin Green, Director of Children, Learning and Young People". */
export function personLine(person: Person): string {
  return person.role ? `${person.name}, ${person.role}` : person.name;
}

export const TIMESCALES: readonly { timescale: Timescale; label: string }[] = [
  { timescale: 'immediate', label: 'For immediate action' },
  { timescale: 'next-six-months', label: 'In the next six months' },
  { timescale: 'longer-term', label: 'In the longer term' },
];
