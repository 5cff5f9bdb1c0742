/** The arithmetic and wording of the search results and the hit navigator. */
import { countOf } from './format';

/** A result row's key: one section of one letter. */
export function resultKey(letterId: string, sectionIndex: number): string {
  return `${letterId}#${sectionIndex}`;
}

interface Grouped {
  letterId: string;
  sections: readonly { sectionIndex: number }[];
}

/** The results in the order the list shows them: each letter's sections, letter by letter. */
export function flattenResults<L extends Grouped>(letters: readonly L[]): { key: string; letter: L; section: L['sections'][number] }[] {
  return letters.flatMap((letter) => letter.sections.map((section) => ({ key: resultKey(letter.letterId, section.sectionIndex), letter, section })));
}

/** "12 sections in 5 letters", saying how many letters are listed when not all are. */
export function resultCountText(totalSections: number, totalLetters: number, shown: number): string {
  const text = `${countOf(totalSections, 'section')} in ${countOf(totalLetters, 'letter')}`;
  return shown < totalLetters ? `${text}; ${shown.toLocaleString('en-GB')} shown` : text;
}

/** The "Show more" button's words: "Show 30 more letters", "Show the last 7 letters", "Show the last letter". */
export function showMoreText(shown: number, totalLetters: number, page: number): string {
  const left = totalLetters - shown;
  if (left === 1) return 'Show the last letter';
  return left <= page ? `Show the last ${countOf(left, 'letter')}` : `Show ${page.toLocaleString('en-GB')} more letters`;
}

/** "8 ms", "1.2 s": how long the search took. */
export function elapsedText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1) return 'under 1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The hit `delta` steps from `current` among `count`, going round at either end. */
export function stepHit(current: number, count: number, delta: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta >= 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}

/** "Hit 3 of 12". */
export function hitCountText(current: number, count: number): string {
  if (count === 0) return 'No hits in this letter';
  return current < 0 ? countOf(count, 'hit') : `Hit ${current + 1} of ${count}`;
}
