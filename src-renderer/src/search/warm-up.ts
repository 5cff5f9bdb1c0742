/**
 * Queries of every kind the engine answers (words, beginnings of words, near spellings, AND,
 * OR, leaving out, phrases with and without stop words, each filter), made from the index's
 * own sections. The search service runs them in the worker when the index is ready, one at
 * a time (a search typed meanwhile waits for one of them at most, some milliseconds at a large
 * archive), so that the first searches a person types find the engine's code already
 * compiled: answered cold, they take two to three times as long.
 */
import { isStopWord, normaliseWord, wordsOf } from '../../../src-shared/search/words';
import type { SectionIndex } from './search-index';

/** Sections the words are taken from, spread through the index. */
const SAMPLED_SECTIONS = 12;
/** Sections looked at, at most, for a council's name of more than one word. */
const NAMES_LOOKED_AT = 200;

/** Words worth searching for: long enough for prefixes and near spellings, not stop words. */
function searchable(word: string): boolean {
  return word.length >= 6 && /^[a-z]+$/.test(word) && !isStopWord(word);
}

/** The first two words of a name that follow one another, are plain words and are not both stop words; null if none. */
function namePair(name: string): string | null {
  const words = wordsOf(name).map(normaliseWord);
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    if (/^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) && !(isStopWord(a) && isStopWord(b))) return `${a} ${b}`;
  }
  return null;
}

export function warmUpQueries(index: SectionIndex): string[] {
  const words: string[] = [];
  const pairs: string[] = [];
  const withStopWord: string[] = [];
  const sections = [];
  const step = Math.max(1, Math.floor(index.capacity / SAMPLED_SECTIONS));
  for (let doc = 0; doc < index.capacity && sections.length < SAMPLED_SECTIONS; doc += step) {
    const section = index.doc(doc);
    if (!section) continue;
    sections.push(section);
    const text = wordsOf(index.text(section.letterId, section.sectionIndex)).map(normaliseWord);
    const long = text.filter(searchable);
    if (long[0] && !words.includes(long[0])) words.push(long[0]);
    for (let i = 0; i + 1 < text.length; i++) {
      const [a, b, c] = [text[i]!, text[i + 1]!, text[i + 2]];
      if (searchable(a) && searchable(b)) {
        pairs.push(`${a} ${b}`);
        break;
      }
      if (c && searchable(a) && isStopWord(b) && searchable(c) && withStopWord.length < 2 && !withStopWord.includes(`${a} ${b} ${c}`)) withStopWord.push(`${a} ${b} ${c}`);
    }
  }
  if (sections.length === 0 || words.length === 0) return [];
  const queries: string[] = [];
  const [first, second = first, third = second] = words as [string, ...string[]];
  for (const word of words) queries.push(word, word.slice(0, 3), `${word.slice(0, 2)}${word.slice(3)}`);
  queries.push(`${first} ${second}`, `${first} OR ${third}`, `${first} -${second}`, `${second.slice(0, 4)}`);
  for (const phrase of [...pairs.slice(0, 3), ...withStopWord]) queries.push(`"${phrase}"`, `${first} -"${phrase}"`);
  const section = sections[0]!;
  const shortName = section.councilName.toLowerCase().split(/\s+/)[0]!;
  queries.push(
    `council:${shortName}`,
    `council:${shortName} ${first}`,
    `year:${section.year}`,
    `year:${section.year - 3}..${section.year} grade:<=2`,
    `kind:apa ${second}`,
    `kind:rating grade:3`,
    `grade:2 ${third}`,
  );
  if (section.region) queries.push(`region:"${section.region.toLowerCase()}" ${first}`);
  const outcome = sections.find((s) => s.outcome)?.outcome?.replace(/-/g, ' ');
  if (outcome) queries.push(`outcome:"${outcome}" grade:3`, `kind:apa outcome:"${outcome}" ${first}`);
  if (pairs[0]) queries.push(`year:${section.year} "${pairs[0]}"`);
  // Phrases found in a heading, and in a council's name, rather than in the text.
  const heading = sections.map((s) => namePair(s.heading)).find((pair) => pair !== null);
  if (heading) queries.push(`"${heading}"`, `"${heading}" ${first}`);
  // Most councils' names are one word: look further for one that is not.
  const spread = Math.max(1, Math.floor(index.capacity / NAMES_LOOKED_AT));
  for (let doc = 0; doc < index.capacity; doc += spread) {
    const pair = namePair(index.doc(doc)?.councilName ?? '');
    if (pair) {
      queries.push(`"${pair}"`);
      break;
    }
  }
  return [...new Set(queries)];
}
