/**
 * Cuts a sample letter into the parts a new letter can be recombined from.
 *
 * The letter's frame (letterhead, date, address, greeting, title, the closing) is kept
 * exactly as extraction left it, damage included, because the parser must cope with it.
 * What lies between is cut into the pieces that can be moved about: the prose paragraphs
 * of each graded APA section, and the paragraphs that give the reasons for an annual rating.
 * Pure functions of the text: no file system, no randomness.
 */
import { endsOpen, startsMidSentence } from '../../src-shared/letters/text-lines';
import type { ApaOutcome } from '../../src-shared/letters/letter';
import { detectSampleKind } from './vary-letter';

/** One paragraph of prose, page breaks mended, as its sentences. */
export interface Paragraph {
  sentences: string[];
}

/** A "For action …" recommendation: its label, its text and any bullets that belong to it, verbatim. */
export interface ActionGroup {
  blocks: string[];
}

/** One graded section of an APA letter. */
export interface ApaSectionParts {
  outcome: ApaOutcome;
  /** The heading and grade, as one block ("Being healthy Grade 3") or two ("Enjoying and achieving", "Grade 3"). */
  heading: string[];
  /** "Summary of strengths and areas for development" and the paragraph it introduces, which states the grade in words. */
  summary: { label: string; paragraph: string } | null;
  actions: ActionGroup[];
  /** Prose that can be dropped, reordered and have its sentences shuffled. */
  body: Paragraph[];
  /** "Areas for development" and its items, each item a block as written (bulleted or not). */
  areas: { label: string; items: string[] } | null;
}

export interface ApaParts {
  kind: 'apa';
  /** Letterhead to the introduction, verbatim. */
  head: string[];
  sections: ApaSectionParts[];
  /** The conclusion and the closing, verbatim. */
  tail: string[];
}

/** What a paragraph of an annual rating's reasons is about. */
export type RatingTopic = 'settings' | 'vulnerable' | 'indicators';

export interface RatingParts {
  kind: 'annual-rating';
  /** Letterhead to "Children's services in … perform …", verbatim. */
  head: string[];
  reasons: { topic: RatingTopic; paragraph: Paragraph }[];
  /** From "The children's services rating is provided for …" to the end, verbatim. */
  tail: string[];
}

export type SampleParts = ApaParts | RatingParts;

const OUTCOME_HEADINGS: { outcome: ApaOutcome; regex: RegExp }[] = [
  { outcome: 'overall-effectiveness', regex: /^overall\s+effectiveness\b/i },
  { outcome: 'being-healthy', regex: /^being\s+healthy\b/i },
  { outcome: 'staying-safe', regex: /^staying\s+safe\b/i },
  { outcome: 'enjoying-and-achieving', regex: /^enjoying\s+(?:and|&)\s+achieving\b/i },
  { outcome: 'making-a-positive-contribution', regex: /^making\s+a\s+positive\s+contribution\b/i },
  { outcome: 'achieving-economic-well-being', regex: /^achieving\s+economic\s+well[\s\-–]?being\b/i },
  { outcome: 'capacity-to-improve', regex: /^capacity\s+to\s+improve\b/i },
];
const GRADE_BLOCK = /^\(?\s*grade\s*[:\-–]?\s*\d+\s*\)?\s*[.:]?$/i;
const SUMMARY_LABEL = /^summary\s+of\s+strengths\s+and\s+areas\s+for\s+(?:development|improvement)$/i;
const ACTION_LABEL = /^(?:recommendations?\s+)?for\s+(?:immediate\s+action|action\s+(?:in|within|over)\s+the\s+(?:next\s+(?:six|6)\s+months|longer[\s-]term))\s*:?$/i;
const AREAS_LABEL = /^(?:key\s+)?areas?\s+for\s+(?:development|improvement)\s*:?$/i;
const BULLET_LINE = /^\s*[•●▪◦‣∙·*\-–—\uF0B7\uF0A7\uF076\uF0D8\uF0FC]\s/;
const RATING_SENTENCE = /^children['’`]?s?\s+services\s+in\s+.+?\s+performs?\s+(?:excellently|well|adequately|poorly)\b/i;
const RATING_CLOSING = /^the\s+children['’`]?s?\s+services\s+rating\s+is\s+provided\b/i;
const VALEDICTION = /^yours\s+(?:sincerely|faithfully)/i;

/** Blocks of text between blank lines (a line of spaces counts as blank). */
export function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t\u00a0]*\n)+/)
    .map((block) => block.replace(/\s+$/, ''))
    .filter((block) => block.trim() !== '');
}

/** Sentences of a paragraph: cut after . ! or ? where the next word starts with a capital or a number. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=["'‘“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function isBulletBlock(block: string): boolean {
  return block.split('\n').every((line) => BULLET_LINE.test(line) || line.trim() === '');
}

function isProse(block: string): boolean {
  return !isBulletBlock(block) && block.trim().length > 0;
}

/** Puts back together the paragraphs a page break cut in two ("… A number of" + "good initiatives …"). */
function mendPageBreaks(blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const first = block.trimStart();
    if (previous !== undefined && isProse(previous) && previous.length > 40 && endsOpen(previous.trim()) && startsMidSentence(first)) {
      out[out.length - 1] = `${previous.trim()} ${first}`;
    } else {
      out.push(block);
    }
  }
  return out;
}

function paragraphOf(block: string): Paragraph {
  return { sentences: splitSentences(block.replace(/\s*\n\s*/g, ' ').trim()) };
}

function outcomeOf(block: string): ApaOutcome | null {
  const text = block.trim();
  if (text.length > 140 || text.includes('\n')) return null;
  return OUTCOME_HEADINGS.find(({ regex }) => regex.test(text))?.outcome ?? null;
}

/** Cuts an APA letter; null when it does not have the usual graded sections. */
export function apaParts(text: string): ApaParts | null {
  const blocks = splitBlocks(text);
  const first = blocks.findIndex((b) => outcomeOf(b) !== null);
  if (first === -1) return null;
  const head = blocks.slice(0, first);
  const rest = mendPageBreaks(blocks.slice(first));

  const sections: ApaSectionParts[] = [];
  let tail: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const outcome = outcomeOf(rest[i]!);
    if (!outcome) {
      // Only reachable after a section's areas for development: the rest is the conclusion.
      tail = rest.slice(i);
      break;
    }
    const section: ApaSectionParts = { outcome, heading: [rest[i]!], summary: null, actions: [], body: [], areas: null };
    sections.push(section);
    i++;
    if (i < rest.length && GRADE_BLOCK.test(rest[i]!.trim())) section.heading.push(rest[i++]!);
    let mode: 'text' | 'action' = 'text';
    for (; i < rest.length && outcomeOf(rest[i]!) === null; i++) {
      const block = rest[i]!;
      const trimmed = block.trim();
      if (SUMMARY_LABEL.test(trimmed) && i + 1 < rest.length && isProse(rest[i + 1]!)) {
        section.summary = { label: block, paragraph: rest[++i]!.trim() };
        mode = 'text';
      } else if (ACTION_LABEL.test(trimmed) && i + 1 < rest.length) {
        section.actions.push({ blocks: [block, rest[++i]!] });
        mode = 'action';
      } else if (mode === 'action' && isBulletBlock(block)) {
        section.actions[section.actions.length - 1]!.blocks.push(block);
      } else if (AREAS_LABEL.test(trimmed)) {
        const items: string[] = [];
        i++;
        while (i < rest.length && (isBulletBlock(rest[i]!) || (items.length === 0 && rest[i]!.trim().length <= 300))) {
          items.push(...rest[i]!.split('\n').filter((line) => line.trim() !== ''));
          i++;
        }
        section.areas = { label: block, items };
        // What follows a section's areas for development is the next section, or the conclusion.
        if (i < rest.length && outcomeOf(rest[i]!) === null) {
          tail = rest.slice(i);
          i = rest.length;
        }
        break;
      } else if (VALEDICTION.test(trimmed)) {
        tail = rest.slice(i);
        i = rest.length;
        break;
      } else if (isProse(block)) {
        section.body.push(paragraphOf(block));
        mode = 'text';
      } else {
        section.body.push({ sentences: [trimmed] });
      }
    }
  }
  if (sections.length === 0 || !sections.some((s) => s.outcome === 'overall-effectiveness')) return null;
  return { kind: 'apa', head, sections, tail };
}

function topicOf(paragraph: Paragraph): RatingTopic {
  const opening = paragraph.sentences[0] ?? '';
  if (/\bindicators?\b/i.test(opening)) return 'indicators';
  if (/\bvulnerable\b/i.test(opening)) return 'vulnerable';
  return 'settings';
}

/** Cuts an annual rating letter; null when the sentence stating the rating or the closing paragraph is missing. */
export function ratingParts(text: string): RatingParts | null {
  const blocks = splitBlocks(text);
  const stated = blocks.findIndex((b) => RATING_SENTENCE.test(b.trim()));
  if (stated === -1) return null;
  const closing = blocks.findIndex((b, i) => i > stated && RATING_CLOSING.test(b.trim()));
  if (closing === -1) return null;
  const reasons = mendPageBreaks(blocks.slice(stated + 1, closing))
    .filter(isProse)
    .map(paragraphOf)
    .filter((p) => p.sentences.length > 0)
    .map((paragraph) => ({ topic: topicOf(paragraph), paragraph }));
  if (reasons.length === 0) return null;
  return { kind: 'annual-rating', head: blocks.slice(0, stated + 1), reasons, tail: blocks.slice(closing) };
}

/** The parts of a sample letter of either kind, or null when it cannot be cut up. */
export function sampleParts(text: string): SampleParts | null {
  return detectSampleKind(text) === 'apa' ? apaParts(text) : ratingParts(text);
}
