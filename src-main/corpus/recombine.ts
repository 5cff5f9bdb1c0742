/**
 * Writes new letters out of the sample letters' parts, so a large corpus is not the five
 * samples over and over: each letter keeps one sample's frame (letterhead, address,
 * headings, closing) but gets its own selection of paragraphs, drawn from every sample
 * that has a paragraph of that kind, with their sentences shuffled, a few sentences left
 * out or borrowed from a neighbouring paragraph, and new percentages. The council, date
 * and grades are then put in by `varyLetter`, so the letter parses to exactly those.
 *
 * Pure: the randomness comes in as a function, so a seed gives the same letters each time.
 */
import { APA_LABELS, type GradeValue } from '../../src-shared/letters/letter';
import { sampleParts, type ApaParts, type ApaSectionParts, type Paragraph, type RatingParts, type RatingTopic } from './sample-parts';
import { findCouncilName, replaceCouncil, varyLetter, type CouncilName, type LetterVariation } from './vary-letter';

/** Stands in for the sample's own council until `varyLetter` names the new one; no letter says it. */
export const PLACEHOLDER_COUNCIL: CouncilName = { officialName: 'Placeholder Council', displayName: 'Placeholder' };

export type Random = () => number;

/** The samples, cut into parts, with their councils replaced by the placeholder. */
export interface SampleSet {
  apa: ApaParts[];
  rating: RatingParts[];
}

/** Share of a section's own paragraphs a new letter keeps. */
const KEEP_PARAGRAPH = 0.7;
/** Chance of taking a paragraph of the same section from another sample as well. */
const BORROW_PARAGRAPH = 0.3;
/** Chance of a sentence (not the first) being left out of a paragraph of four or more. */
const DROP_SENTENCE = 0.15;
/** Chance of a paragraph taking one sentence from a neighbouring paragraph of its section. */
const BORROW_SENTENCE = 0.3;
/** Chances of keeping each sentence (not the first) of a rating paragraph's main and second sources. */
const KEEP_MAIN_SENTENCE = 0.85;
const KEEP_SECOND_SENTENCE = 0.35;
/** Chance of a rating letter having no paragraph about vulnerable children of its own. */
const SKIP_VULNERABLE = 0.15;
const RATING_TOPICS: RatingTopic[] = ['settings', 'vulnerable', 'indicators'];

/** Cuts the samples up; a sample that cannot be cut (or names no council) is left out. */
export function prepareSamples(texts: readonly string[]): SampleSet {
  const set: SampleSet = { apa: [], rating: [] };
  for (const text of texts) {
    const council = findCouncilName(text);
    if (!council) continue;
    const parts = sampleParts(replaceCouncil(text, council, PLACEHOLDER_COUNCIL));
    if (parts?.kind === 'apa') set.apa.push(parts);
    else if (parts) set.rating.push(parts);
  }
  return set;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick needs at least one item.');
  return items[Math.floor(random() * items.length)] as T;
}

/** Fisher–Yates, on a copy. */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** New figures for the statistics a paragraph quotes, written as the old ones were ("72%", "19.0%"). */
export function newPercentages(random: Random, text: string): string {
  return text.replace(/\b(\d{1,2})(\.\d)?%/g, (_m, _whole: string, decimals: string | undefined) => {
    const value = 5 + random() * 93;
    return `${decimals ? value.toFixed(1) : Math.round(value)}%`;
  });
}

/** A paragraph's sentences in a new order: the opening sentence stays first, a few others may go. */
function reshuffle(random: Random, paragraph: Paragraph, borrowed: string[]): string {
  const [opening, ...rest] = paragraph.sentences;
  const kept = rest.length >= 3 ? rest.filter(() => random() >= DROP_SENTENCE) : rest;
  const sentences = [opening ?? '', ...shuffle(random, [...kept, ...borrowed])].filter((s) => s !== '');
  return newPercentages(random, sentences.join(' '));
}

/** The prose of one APA section: some of its own paragraphs, maybe others' of the same outcome, reordered. */
function apaBody(random: Random, section: ApaSectionParts, others: ApaSectionParts[]): string[] {
  let chosen = section.body.filter(() => random() < KEEP_PARAGRAPH);
  if (chosen.length === 0 && section.body.length > 0) chosen = [pick(random, section.body)];
  for (const other of others) chosen.push(...other.body.filter(() => random() < BORROW_PARAGRAPH));
  const pool = [...section.body, ...others.flatMap((o) => o.body)];
  return shuffle(random, chosen).map((paragraph) => {
    const borrowed: string[] = [];
    if (pool.length > 1 && random() < BORROW_SENTENCE) {
      const donor = pick(random, pool.filter((p) => p !== paragraph));
      if (donor.sentences.length > 1) borrowed.push(pick(random, donor.sentences.slice(1)));
    }
    return reshuffle(random, paragraph, borrowed);
  });
}

/** The summary's first sentence states the grade in words ("… in this aspect is good."): make it say the new one. */
function restateGrade(summary: string, grade: GradeValue): string {
  const end = summary.search(/[.!?](\s|$)/);
  const cut = end === -1 ? summary.length : end + 1;
  const word = APA_LABELS[grade].toLowerCase();
  return summary.slice(0, cut).replace(/\b(?:outstanding|good|adequate|inadequate)\b/gi, word) + summary.slice(cut);
}

function assembleApa(random: Random, samples: readonly ApaParts[], grades: readonly GradeValue[]): string {
  const frame = pick(random, samples);
  const blocks = [...frame.head];
  frame.sections.forEach((section, index) => {
    // varyLetter gives out the grades in the order the "Grade N" lines come: one per section here.
    const grade = grades[index % Math.max(1, grades.length)] ?? 2;
    const others = samples.filter((s) => s !== frame).flatMap((s) => s.sections.filter((o) => o.outcome === section.outcome));
    blocks.push(...section.heading);
    if (section.summary) blocks.push(section.summary.label, restateGrade(section.summary.paragraph, grade));
    for (const action of section.actions) blocks.push(...action.blocks);
    blocks.push(...apaBody(random, section, others));
    if (section.areas && section.areas.items.length > 0) {
      const items = section.areas.items;
      const kept = items.filter(() => random() < KEEP_PARAGRAPH);
      const chosen = kept.length > 0 ? kept : [pick(random, items)];
      blocks.push(section.areas.label, chosen.join('\n'));
    }
  });
  blocks.push(...frame.tail);
  return `${blocks.join('\n\n')}\n`;
}

/** One paragraph about `topic`, from the main source's sentences and a few of a second one's. */
function ratingParagraph(random: Random, candidates: Paragraph[]): string {
  const main = pick(random, candidates);
  const others = candidates.filter((c) => c !== main);
  const second = others.length > 0 ? pick(random, others) : null;
  const [opening, ...rest] = main.sentences;
  const mixed = [
    ...rest.filter(() => random() < KEEP_MAIN_SENTENCE),
    ...(second?.sentences.slice(1).filter(() => random() < KEEP_SECOND_SENTENCE) ?? []),
  ];
  return newPercentages(random, [opening ?? '', ...shuffle(random, mixed)].filter((s) => s !== '').join(' '));
}

function assembleRating(random: Random, samples: readonly RatingParts[]): string {
  const frame = pick(random, samples);
  const blocks = [...frame.head];
  for (const topic of RATING_TOPICS) {
    if (topic === 'vulnerable' && random() < SKIP_VULNERABLE) continue;
    const candidates = samples.flatMap((s) => s.reasons.filter((r) => r.topic === topic).map((r) => r.paragraph));
    if (candidates.length > 0) blocks.push(ratingParagraph(random, candidates));
  }
  blocks.push(...frame.tail);
  return `${blocks.join('\n\n')}\n`;
}

/** A new letter of the variation's kind about its council, dated and graded as it says. */
export function recombineLetter(random: Random, samples: SampleSet, kind: 'apa' | 'annual-rating', variation: LetterVariation): string {
  const text =
    kind === 'apa'
      ? samples.apa.length > 0
        ? assembleApa(random, samples.apa, variation.grades)
        : null
      : samples.rating.length > 0
        ? assembleRating(random, samples.rating)
        : null;
  if (text === null) throw new Error(`There is no sample ${kind === 'apa' ? 'annual performance assessment' : 'annual rating'} letter to make letters from.`);
  return varyLetter(text, variation, PLACEHOLDER_COUNCIL);
}
