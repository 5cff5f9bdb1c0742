/** Words for dates, kinds and counts, the way the letters themselves write them. */
import type { LetterKind } from '../../../src-shared/letters/letter';
import { MONTH_NAMES } from '../../../src-shared/letters/letter-words';

export {
  countText as countOf,
  dateInWords as formatLetterDate,
  kindName as kindLabel,
  personText as personLine,
} from '../../../src-shared/letters/letter-words';

/** "2009-12-09T10:11:12.000Z" → "9 December 2009, 10:11" in the person's own time zone. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTH_NAMES[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The kind in a word or two, for tight spots: "APA", "Annual rating". */
export function kindShortLabel(kind: LetterKind): string {
  return kind === 'apa' ? 'APA' : 'Annual rating';
}

