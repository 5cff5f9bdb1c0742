/**
 * The words a printed summary uses for dates, kinds, people, grades and file names. Pure, so
 * the summaries read the same in the app and in tests.
 */
import { APA_OUTCOMES as LETTER_APA_OUTCOMES, type ApaOutcome, type GradeScale, type Rating } from '../letters/letter';

export { TIMESCALE_NAMES, countText, dateInWords, kindName, personText } from '../letters/letter-words';


/** The scale's name inside a sentence: "on the APA scale". */
export function scaleName(scale: GradeScale): string {
  return scale === 'apa' ? 'APA' : 'annual rating';
}

/** "3 · Good": the number and the scale's words, never one without the other. */
export function gradeText(rating: Rating): string {
  return `${rating.grade} · ${rating.label}`;
}


/**
 * The seven graded sections of an APA letter, in the letters' order, with short names for
 * tables and the two-letter forms used where seven columns must fit across a page.
 */
const SHORT_NAMES: Record<ApaOutcome, { name: string; abbreviation: string }> = {
  'overall-effectiveness': { name: 'Overall effectiveness', abbreviation: 'OE' },
  'being-healthy': { name: 'Being healthy', abbreviation: 'BH' },
  'staying-safe': { name: 'Staying safe', abbreviation: 'SS' },
  'enjoying-and-achieving': { name: 'Enjoying and achieving', abbreviation: 'EA' },
  'making-a-positive-contribution': { name: 'Making a positive contribution', abbreviation: 'PC' },
  'achieving-economic-well-being': { name: 'Achieving economic well-being', abbreviation: 'EW' },
  'capacity-to-improve': { name: 'Capacity to improve', abbreviation: 'CI' },
};

export const APA_OUTCOMES: readonly { outcome: ApaOutcome; name: string; abbreviation: string }[] = LETTER_APA_OUTCOMES.map((outcome) => ({
  outcome,
  ...SHORT_NAMES[outcome],
}));


/**
 * A piece of a file name made of letters, digits, spaces, hyphens and dots only: accents
 * dropped, apostrophes removed, anything else a space. Main makes the name safe again; this
 * keeps it readable.
 */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .replace(/[^A-Za-z0-9 .-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Coventry - letter summary - 2007-11-26.pdf": the parts made safe, empty ones left out; `fallback` when none is left. */
export function joinedFileName(parts: readonly string[], extension: string, fallback: string): string {
  const kept = parts.map(fileNamePart).filter((p) => p.replace(/[.\s-]/g, '') !== '');
  return `${kept.join(' - ') || fallback}${extension}`;
}

/** A summary's PDF file name (joinedFileName). */
export function pdfFileName(parts: readonly string[]): string {
  return joinedFileName(parts, '.pdf', 'Letter Archive summary');
}
