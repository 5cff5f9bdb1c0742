/**
 * A letter's strings as V8 keeps them cheapest. V8 keeps a string one byte a character or two
 * by how it was made, not by what it holds: every paragraph cut from a text with a single
 * curly apostrophe or dash in it is kept two bytes a character, though nearly all of them hold
 * Latin-1 alone. Structured clone (to and from workers) and IndexedDB write a string as it is
 * kept, so such a letter costs about twice its bytes to send and to store (50 KB against
 * 28 KB for the bench corpus's letters, by v8.serialize).
 *
 * Parsing JSON makes each string afresh, one byte a character wherever its characters allow.
 */
import type { Letter } from './letter';

/**
 * The same letter, with strings made afresh. A letter holds only what JSON keeps (strings,
 * numbers, booleans, null, arrays and plain objects); a property set to undefined is left out,
 * as if it had not been set.
 */
export function compactLetter(letter: Letter): Letter {
  return JSON.parse(JSON.stringify(letter)) as Letter;
}
