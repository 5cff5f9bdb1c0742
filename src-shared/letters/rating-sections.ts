/** The sections of a children's services annual rating letter. */
import { ANNUAL_RATING_LABELS, isAnnualAssessment, isGradeValue, rating, type Block, type GradeValue, type Rating, type Section } from './letter';
import { ratingLetterTitle } from './letter-words';
import { sentenceCase } from './names';
import { CHILDRENS_SERVICES, RATING_NAME } from './phrases';
import { appendBlock, type Unit } from './units';

const WORDS: Record<string, GradeValue> = { excellently: 4, well: 3, adequately: 2, poorly: 1 };
/** "Children's services rating 2009", or "Children's services assessment 2011". */
const RATING_HEADING = new RegExp(String.raw`^${RATING_NAME}(?:\s+for)?\s+((?:19|20)\d\d)$`, 'i');
const RATING_LINE = new RegExp(String.raw`^${RATING_NAME}\s*[\t:]?\s*((?:performs?|performing)\s+(\p{L}+))?\s*\(?\s*(\d{1,2})?\s*\)?\s*$`, 'iu');
const RATING_SENTENCE = new RegExp(String.raw`^${CHILDRENS_SERVICES}\s+in\s+.+?\s+performs?\s+(excellently|well|adequately|poorly)\b`, 'i');
const RATING_NAME_AT_START = new RegExp(String.raw`^${RATING_NAME}\s*`, 'i');
const SCALE_ROW = /([1-4])\s*(performs?\s+(?:excellently|well|adequately|poorly))\s*(.*?)(?=\s*[1-4]\s*performs?\s|$)/giu;
const SCALE_INTRO = /four[\s-]point\s+scale\s*:?$/i;

export interface RatingResult {
  sections: Section[];
  overall: Rating | null;
  warnings: string[];
}

/** Reads the scale table, whether it kept its rows or collapsed into one run-on line. */
function scaleRows(text: string): string[] | null {
  if (!/^[1-4]\s*\t?\s*performs?\s/i.test(text) || !/organisation/i.test(text)) return null;
  const rows: string[] = [];
  SCALE_ROW.lastIndex = 0;
  for (let m = SCALE_ROW.exec(text.replace(/\t+/g, ' ')); m; m = SCALE_ROW.exec(text.replace(/\t+/g, ' '))) {
    if (m[0].length === 0) {
      SCALE_ROW.lastIndex++;
      continue;
    }
    const grade = Number(m[1]) as GradeValue;
    rows.push(`${grade} · ${ANNUAL_RATING_LABELS[grade]}: ${(m[3] ?? '').trim()}`);
  }
  return rows.length > 0 ? rows : null;
}

/** Walks the body of an annual rating letter: the introduction with its scale, then the rating and its reasons. */
export function readRatingSections(units: Unit[], title: string | null, year: number): RatingResult {
  const warnings: string[] = [];
  const intro: Section = {
    heading: title ? sentenceCase(title) : ratingLetterTitle(year),
    paragraphs: [],
    recommendations: [],
    areasForDevelopment: [],
  };
  const sections: Section[] = [intro];
  let current = intro;
  let ratingSection: Section | null = null;
  let overall: Rating | null = null;
  const scale: string[] = [];
  let scaleAt = -1;

  const startRatingSection = (heading: string) => {
    ratingSection = { heading, paragraphs: [], recommendations: [], areasForDevelopment: [] };
    sections.push(ratingSection);
    current = ratingSection;
  };

  for (const unit of units) {
    const text = unit.text.trim();
    const heading = RATING_HEADING.exec(text);
    if (heading && !ratingSection) {
      startRatingSection(sentenceCase(text));
      continue;
    }
    const line = overall ? null : RATING_LINE.exec(text);
    if (line && (line[1] || line[3])) {
      if (!ratingSection) startRatingSection(`Children's services ${isAnnualAssessment(year) ? 'assessment' : 'rating'} ${year}`);
      overall = readRatingLine(text, line[1], line[2], line[3], warnings);
      if (overall && ratingSection) (ratingSection as Section).grade = overall;
      continue;
    }
    const rows = current === intro ? scaleRows(text) : null;
    if (rows) {
      if (scaleAt === -1) scaleAt = intro.paragraphs.length;
      scale.push(...rows);
      continue;
    }
    appendBlock(current.paragraphs, { text, bullet: unit.bullet });
  }

  if (scale.length > 0) {
    const introAt = intro.paragraphs.findIndex((b) => b.type === 'paragraph' && SCALE_INTRO.test(b.text));
    const list: Block = { type: 'list', items: scale };
    intro.paragraphs.splice(introAt === -1 ? scaleAt : introAt + 1, 0, list);
  }

  if (!overall) {
    for (const section of sections) {
      const sentence = section.paragraphs.find((b) => b.type === 'paragraph' && RATING_SENTENCE.test(b.text));
      const word = sentence?.type === 'paragraph' ? RATING_SENTENCE.exec(sentence.text)?.[1]?.toLowerCase() : undefined;
      if (word) {
        overall = rating('annual-rating', WORDS[word]!);
        section.grade = overall;
        warnings.push(`no rating line was found; the rating "${overall.label}" is taken from the sentence that states it`);
        break;
      }
    }
  }
  if (!overall) warnings.push('no rating was found in the letter');
  if (intro.paragraphs.length === 0) sections.shift();
  return { sections, overall, warnings };
}

function readRatingLine(
  text: string,
  phrase: string | undefined,
  word: string | undefined,
  number: string | undefined,
  warnings: string[],
): Rating | null {
  const fromWords = word ? WORDS[word.toLowerCase()] : undefined;
  const fromNumber = number === undefined ? undefined : Number(number);
  const quoted = text.replace(RATING_NAME_AT_START, '').trim();
  if (fromNumber !== undefined && !isGradeValue(fromNumber)) {
    warnings.push(`the rating line reads "${quoted}": ${fromNumber} is outside the scale of 1 to 4`);
    return fromWords ? rating('annual-rating', fromWords) : null;
  }
  const grade = (fromNumber as GradeValue | undefined) ?? fromWords;
  if (!grade) {
    warnings.push(`the rating line reads "${quoted}", which names no rating`);
    return null;
  }
  const result = rating('annual-rating', grade);
  if (fromWords !== undefined && fromWords !== grade) {
    warnings.push(`the rating line reads "${quoted}": its words and its number disagree; the number ${grade} is used`);
  } else if (phrase && !/^performs\s/i.test(phrase)) {
    warnings.push(`the rating line reads "${quoted}" (a slip for "${result.label} (${grade})")`);
  }
  return result;
}
