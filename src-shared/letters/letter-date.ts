/** Finding the date a letter was written. */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const DATE = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` +
    MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|') +
    String.raw`)\.?,?\s+((?:19|20)\d\d)\b`,
  'gi',
);

/** An ISO date (YYYY-MM-DD) for a day, month and year, or null when no such day exists. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first real calendar date written out in words ("26 November 2007") in the text, as ISO. */
export function findLetterDate(text: string): string | null {
  DATE.lastIndex = 0;
  for (let match = DATE.exec(text); match; match = DATE.exec(text)) {
    const monthWord = (match[2] ?? '').toLowerCase();
    const month = MONTHS.findIndex((m) => m.startsWith(monthWord.slice(0, 3))) + 1;
    const iso = isoDate(Number(match[1]), month, Number(match[3]));
    if (iso) return iso;
  }
  return null;
}
