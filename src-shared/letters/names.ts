/** Small text helpers for names and headings. */

const SMALL_WORDS = new Set(['of', 'and', 'upon', 'on', 'the', 'in', 'under', 'for', 'to', 'le', 'with']);

/** True when the text has letters and none of them is lower case ("BEING HEALTHY"). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "KINGSTON UPON HULL CITY COUNCIL" -> "Kingston upon Hull City Council". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

/** "BEING HEALTHY" -> "Being healthy"; text already in mixed case is left alone. */
export function sentenceCase(text: string): string {
  if (!isAllCaps(text)) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A regular expression source that finds a name however its spacing, hyphens, "and"/"&" and apostrophes came out. */
export function loosePattern(name: string): string {
  return name
    .trim()
    .split(/[\s\-–]+/)
    .map((word) => {
      if (/^(?:and|&)$/i.test(word)) return '(?:and|&)';
      return word
        .replace(/['’`]/g, '')
        .split('')
        .map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join("['’`]?");
    })
    .join('[\\s\\-–]+');
}

/** Trims spaces and stray separators from both ends of a fragment. */
export function trimFragment(text: string): string {
  return text.replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/g, '');
}
