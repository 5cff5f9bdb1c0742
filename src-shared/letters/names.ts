/** Small text helpers for names and headings. */

/** Words kept in lower case when a name written in capitals is title-cased. */
const SMALL_WORDS = new Set(['and', 'of', 'upon', 'on', 'in', 'with', 'the', 'under', 'by', 'for', 'to', 'le']);

function capitalise(word: string): string {
  const lower = word.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "KINGSTON UPON HULL CITY COUNCIL" -> "Kingston upon Hull City Council", "STOKE-ON-TRENT" -> "Stoke-on-Trent". */
export function titleCase(text: string): string {
  let first = true;
  return text
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) => {
          const lower = part.toLowerCase();
          const out = !first && SMALL_WORDS.has(lower) ? lower : capitalise(part);
          if (part !== '') first = false;
          return out;
        })
        .join('-'),
    )
    .join(' ');
}

/** Words that begin a post rather than a name: "Director", "Divisional", "Interim". */
export const ROLE_WORD =
  /^(?:divisional|director|manager|inspector|chief|head|regional|deputy|assistant|senior|lead|principal|her|his|hmi|ofsted|managing|strategic|interim|acting|executive|team|corporate|national|local|service|services)$/i;

/** True when the text has letters and none of them is lower case ("BEING HEALTHY"). */
export function isAllCaps(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "BEING HEALTHY" -> "Being healthy"; text already in mixed case is left alone. */
export function sentenceCase(text: string): string {
  if (!isAllCaps(text)) return text;
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A name's words as loosePattern reads them: parted by spaces and dashes. */
function looseWords(name: string): string[] {
  return name.trim().split(/[\s\-–]+/);
}

/**
 * Whether loosePattern's match for this name has one length wherever it starts. It has not
 * when a word of the name is nothing but apostrophes, or there is no word: the pattern then
 * ends in, or is, a run of separators, which may match at more than one length.
 */
export function matchesAtOneLength(name: string): boolean {
  return looseWords(name).every((word) => word.replace(/['’`]/g, '') !== '');
}

/** A regular expression source that finds a name however its spacing, hyphens, "and"/"&" and apostrophes came out. */
export function loosePattern(name: string): string {
  return looseWords(name)
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
