/** Finding the date a letter was written. */

import { MONTH_NAMES } from './letter-words';

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

const DATE = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` +
    MONTHS.map((m) => (m === 'september' ? 'sep(?:tember|t)?' : `${m.slice(0, 3)}(?:${m.slice(3)})?`)).join('|') +
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

/** British numeric dates: day first ("09/12/2009", "9.12.2009"). */
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b/g;

/**
 * The first real calendar date in the text, as ISO: written out in words ("26 November
 * 2007", "9 Sept 2009"), or failing that in figures, day first as in Britain.
 */
export function findLetterDate(text: string): string | null {
  return findWordDate(text) ?? findNumericDate(text);
}

function findNumericDate(text: string): string | null {
  NUMERIC_DATE.lastIndex = 0;
  for (let match = NUMERIC_DATE.exec(text); match; match = NUMERIC_DATE.exec(text)) {
    const iso = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (iso) return iso;
  }
  return null;
}

function findWordDate(text: string): string | null {
  DATE.lastIndex = 0;
  for (let match = DATE.exec(text); match; match = DATE.exec(text)) {
    const monthWord = (match[2] ?? '').toLowerCase();
    const month = MONTHS.findIndex((m) => m.startsWith(monthWord.slice(0, 3))) + 1;
    const iso = isoDate(Number(match[1]), month, Number(match[3]));
    if (iso) return iso;
  }
  return null;
}
