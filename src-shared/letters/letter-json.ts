/**
 * Letters sent between threads as JSON text rather than as objects.
 *
 * - Structured clone walks an object part by part, but copies a string whole: a letter of
 *   some two hundred strings costs far more to send than its JSON does.
 * - V8 keeps a string one byte a character or two by how it was made, not by what it holds:
 *   every paragraph cut from a text with a single curly apostrophe or dash in it is kept two
 *   bytes a character, though nearly all of them hold Latin-1 alone. Structured clone and
 *   IndexedDB write a string as it is kept, so such a letter costs about twice its bytes to
 *   send and to store (50 KB against 28 KB for the bench corpus's letters, by v8.serialize).
 *   Parsing JSON makes each string afresh, one byte a character wherever its characters allow.
 *
 * A letter holds only what JSON keeps (strings, numbers, booleans, null, arrays and plain
 * objects); a property set to undefined is left out, as if it had not been set.
 */
import type { Letter } from './letter';

/** A letter as JSON text, to send. */
export function letterJson(letter: Letter): string {
  return JSON.stringify(letter);
}

/** Letters sent as JSON text (letterJson), as one JSON array. */
export function lettersJson(jsons: readonly string[]): string {
  return `[${jsons.join(',')}]`;
}

/** A letter sent as JSON text, with its strings made afresh. */
export function letterFromJson(json: string): Letter {
  return JSON.parse(json) as Letter;
}

/** Letters sent as one JSON array (lettersJson); none when the text is not an array. */
export function lettersFromJson(json: string): Letter[] {
  const letters = JSON.parse(json) as unknown;
  return Array.isArray(letters) ? (letters as Letter[]) : [];
}
