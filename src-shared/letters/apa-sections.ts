/** The sections of an annual performance assessment letter, with their grades. */
import { APA_OUTCOMES, isGradeValue, rating, type ApaOutcome, type Rating, type Section, type Timescale } from './letter';
import { sentenceCase } from './names';
import { appendBlock, type Unit } from './units';

/** Each outcome's heading as the section is named, and the pattern its heading line matches. */
const HEADING_OF: Record<ApaOutcome, { name: string; pattern: string }> = {
  'overall-effectiveness': {
    name: "Overall effectiveness of children's services",
    pattern: String.raw`overall\s+effectiveness(?:\s+of\s+(?:the\s+)?(?:council['’]?s\s+)?children['’]?s?\s+services)?`,
  },
  'being-healthy': { name: 'Being healthy', pattern: String.raw`being\s+healthy` },
  'staying-safe': { name: 'Staying safe', pattern: String.raw`staying\s+safe` },
  'enjoying-and-achieving': { name: 'Enjoying and achieving', pattern: String.raw`enjoying\s+(?:and|&)\s+achieving` },
  'making-a-positive-contribution': { name: 'Making a positive contribution', pattern: String.raw`making\s+a\s+positive\s+contribution` },
  'achieving-economic-well-being': { name: 'Achieving economic well-being', pattern: String.raw`achieving\s+economic\s+well[\s\-–]?being` },
  'capacity-to-improve': {
    name: 'Capacity to improve',
    pattern: String.raw`capacity\s+to\s+improve(?:\s*,?\s*including\s+the\s+management\s+of\s+services\s+for\s+children\s+and\s+young\s+people)?`,
  },
};

const OUTCOMES = APA_OUTCOMES.map((outcome) => ({ outcome, ...HEADING_OF[outcome] }));

const GRADE = String.raw`\(?\s*grade\s*[:\-–]?\s*(\d+)\s*\)?`;
const HEADINGS = OUTCOMES.map(({ outcome, pattern }) => ({
  outcome,
  regex: new RegExp(`^(${pattern})\\s*[:\\-–—]?\\s*(?:${GRADE})?\\s*[.:]?$`, 'i'),
}));
const GRADE_LINE = new RegExp(`^${GRADE}\\s*[.:]?(?:\\s*[-–—:]?\\s*(?:outstanding|good|adequate|inadequate))?$`, 'i');
const SUMMARY = /^summary\s+of\s+strengths\s+and\s+areas\s+for\s+(?:development|improvement)$/i;
const AREAS = /^(?:key\s+)?areas?\s+for\s+(?:development|improvement)\s*:?$/i;
const TIMESCALES: { timescale: Timescale; regex: RegExp }[] = [
  { timescale: 'immediate', regex: /^(?:recommendations?\s+)?for\s+immediate\s+action\s*:?$/i },
  {
    timescale: 'next-six-months',
    regex: /^(?:recommendations?\s+)?for\s+action\s+(?:in|within|over)\s+the\s+next\s+(?:six|6)\s+months\s*:?$/i,
  },
  { timescale: 'longer-term', regex: /^(?:recommendations?\s+)?for\s+action\s+(?:in|over)\s+the\s+longer[\s-]term\s*:?$/i },
];

export interface ApaResult {
  sections: Section[];
  overall: Rating | null;
  warnings: string[];
}

type Mode = { kind: 'text' } | { kind: 'recommendations'; timescale: Timescale; taken: number } | { kind: 'areas'; taken: number };

function gradeOf(value: string | undefined, heading: string, warnings: string[]): Rating | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (isGradeValue(n)) return rating('apa', n);
  warnings.push(`${heading}: grade ${value} is outside the scale of 1 to 4, so the section is left ungraded`);
  return undefined;
}

/** Walks the body of an APA letter, starting a section at each graded heading. */
export function readApaSections(units: Unit[]): ApaResult {
  const warnings: string[] = [];
  const sections: Section[] = [];
  let current: Section = { heading: 'Introduction', paragraphs: [], recommendations: [], areasForDevelopment: [] };
  sections.push(current);
  let mode: Mode = { kind: 'text' };

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const text = unit.text.trim();
    const heading = unit.bullet ? undefined : matchHeading(text);
    if (heading) {
      current = { heading: sentenceCase(heading.text), outcome: heading.outcome, paragraphs: [], recommendations: [], areasForDevelopment: [] };
      let gradeText = heading.grade;
      const next = units[i + 1];
      if (gradeText === undefined && next && !next.bullet) {
        const gradeMatch = GRADE_LINE.exec(next.text.trim());
        if (gradeMatch) {
          gradeText = gradeMatch[1];
          i++;
        }
      }
      const grade = gradeOf(gradeText, current.heading, warnings);
      if (grade) current.grade = grade;
      sections.push(current);
      mode = { kind: 'text' };
      continue;
    }
    if (!unit.bullet) {
      const gradeMatch = GRADE_LINE.exec(text);
      if (gradeMatch && current.outcome && !current.grade) {
        const grade = gradeOf(gradeMatch[1], current.heading, warnings);
        if (grade) current.grade = grade;
        continue;
      }
      if (SUMMARY.test(text)) {
        mode = { kind: 'text' };
        continue;
      }
      if (AREAS.test(text)) {
        mode = { kind: 'areas', taken: 0 };
        continue;
      }
      const timescale = TIMESCALES.find(({ regex }) => regex.test(text))?.timescale;
      if (timescale) {
        mode = { kind: 'recommendations', timescale, taken: 0 };
        continue;
      }
    }
    if (mode.kind === 'recommendations') {
      const last = current.recommendations[current.recommendations.length - 1];
      if (unit.bullet && last && last.text.endsWith(':') && mode.taken > 0) {
        last.items.push(text);
        continue;
      }
      if (mode.taken === 0 || unit.bullet) {
        current.recommendations.push({ timescale: mode.timescale, text, items: [] });
        mode.taken++;
        continue;
      }
      mode = { kind: 'text' };
    } else if (mode.kind === 'areas') {
      if (unit.bullet || (mode.taken === 0 && text.length <= 300)) {
        current.areasForDevelopment.push(text);
        mode.taken++;
        continue;
      }
      mode = { kind: 'text' };
    }
    appendBlock(current.paragraphs, { text, bullet: unit.bullet });
  }

  if (sections[0]!.paragraphs.length === 0) sections.shift();
  for (const { outcome, name } of OUTCOMES) {
    const section = sections.find((s) => s.outcome === outcome);
    if (!section) warnings.push(`no "${name}" section was found`);
    else if (!section.grade) warnings.push(`no grade was found for "${name}"`);
  }
  const overall = sections.find((s) => s.outcome === 'overall-effectiveness')?.grade ?? null;
  return { sections, overall, warnings };
}

function matchHeading(text: string): { outcome: ApaOutcome; text: string; grade: string | undefined } | null {
  if (text.length > 140) return null;
  for (const { outcome, regex } of HEADINGS) {
    const match = regex.exec(text);
    if (match) return { outcome, text: match[1]!, grade: match[2] };
  }
  return null;
}
