/**
 * Repairs what text extraction did to a letter and cuts it into blocks of lines.
 *
 * Everything here is a rule about text, not about particular letters: footers and ruled
 * lines go, lost apostrophes come back, hard-wrapped lines are joined again, and blocks
 * split by a page break in mid-sentence are put back together by the caller.
 */

const FOOTER =
  /^\s*(?:page\s+\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s+of\s+\d+|-\s*\d+\s*-|\[?\s*\d{1,3}\s*\]?)\s*$/i;
const RULE = /^[\s\-_=–—.·*]+$/;
const BULLET = /^\s*(?:[•●▪◦‣∙·*\-–—\uF0B7\uF0A7\uF076\uF0D8\uF0FC]|o(?=\s))\s*/;
/** A table row of the annual rating scale: "4<tab>Performs excellently<tab>...". */
const TABLE_ROW = /^\s*[1-4]\s*\t/;

/** A line of text with what the rest of the parser needs to know about its start. */
export interface Line {
  text: string;
  /** The line began with a bullet mark or with bare indentation (a bullet lost in extraction). */
  bullet: boolean;
}

/** Lines separated from the next block by one or more blank lines. */
export type Block = Line[];

const LOST_APOSTROPHE = /(\p{L}) s(?=[\s,.;:)!?]|$)/gmu;
const LOST_APOSTROPHE_CAPITALS = /(\p{Lu}{2}) S(?=[\s,.;:)!?]|$)/gmu;

/**
 * Emphasis marks a converter left around words: "*Every Child Matters*", "**key**",
 * "_Area_", over a hard-wrapped line end too. Only a pair that hugs its words counts, so
 * the asterisk of "A*-C grades" and the underscore of "Midlands_APA@ofsted.gov.uk" stay.
 */
const MARKUP = /(^|[\s(“‘"'])(\*\*|\*|_)(?=[^\s*_])((?:[^*_\n]|\n(?!\n))*?[^\s*_])\2(?=$|[\s).,;:!?”’"'])/gmu;

/** The words of emphasised text without the marks around them. */
export function stripMarkup(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  return text.replace(MARKUP, '$1$3');
}

/**
 * An "s" or "S" standing alone before a space, a mark or the end: where either pattern above
 * could match. Without a Unicode class this pattern is far cheaper than they are, and cheaper
 * than looking at every " s" in turn: 8 µs a letter against 36 µs (Node 20, 4,200 bench letters).
 */
const LONE_S = / [sS](?:[\s,.;:)!?]|$)/;

/** Puts back apostrophes lost in extraction: "Children s services" -> "Children's services". */
export function restoreApostrophes(text: string): string {
  // Most letters have none to mend.
  if (!LONE_S.test(text)) return text;
  return text.replace(LOST_APOSTROPHE, "$1's").replace(LOST_APOSTROPHE_CAPITALS, "$1'S");
}

function isProse(line: string): boolean {
  let spaces = 0;
  for (let i = 0; i < line.length && spaces < 3; i++) if (line.charCodeAt(i) === 32) spaces++;
  return spaces >= 3;
}

function firstWordLength(line: string): number {
  const trimmed = line.trimStart();
  const end = trimmed.search(/\s/);
  return end === -1 ? trimmed.length : end;
}

/**
 * Cuts normalised text into blocks, joining lines that a hard wrap split.
 *
 * A greedy wrap at width W breaks a line only where the next word would not fit, so
 * `prev.length + 1 + nextWord > W`. W is estimated as the longest prose line in the file:
 * in a file that is not wrapped that is a whole paragraph, so short lines such as address
 * lines are never joined, while in a wrapped file every wrap break passes the test.
 * The text comes already repaired (`restoreApostrophes`, `stripMarkup`).
 */
export function toBlocks(text: string): Block[] {
  const rawLines = text.split('\n');
  const kept: string[] = [];
  for (const line of rawLines) {
    if (line.trim() === '' || FOOTER.test(line)) {
      kept.push('');
      continue;
    }
    if (line.length > 0 && RULE.test(line)) continue;
    kept.push(line);
  }

  let width = 0;
  for (const line of kept) if (line.length > width && isProse(line)) width = line.length;

  const blocks: Block[] = [];
  let current: Line[] = [];
  let previousRaw = '';
  for (const raw of kept) {
    if (raw.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
      previousRaw = '';
      continue;
    }
    const bulletMatch = BULLET.exec(raw);
    const bullet = bulletMatch !== null && bulletMatch[0].length > 0 && raw.length > bulletMatch[0].length;
    const last = current[current.length - 1];
    const continues =
      last !== undefined &&
      !bullet &&
      !TABLE_ROW.test(raw) &&
      previousRaw.length + 1 + firstWordLength(raw) > width &&
      isProse(previousRaw);
    if (continues && last) {
      last.text = joinWrapped(last.text, raw.trim());
    } else {
      const body = bullet && bulletMatch ? raw.slice(bulletMatch[0].length) : raw;
      current.push({ text: collapseSpaces(body), bullet });
    }
    previousRaw = raw;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * The text a letter's id is taken from: its words in order, with page footers dropped and
 * every run of whitespace made one space. It depends on no rule about blocks or headings,
 * so the same letter wrapped, re-paginated or with other line endings has the same id.
 */
export function canonicalText(text: string): string {
  // Parts are gathered and joined once: testing the growing string itself for a closing
  // hyphen would flatten it on every line, which made long letters quadratic.
  const parts: string[] = [];
  let previous = '';
  for (const raw of text.split('\n')) {
    if (FOOTER.test(raw)) continue;
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length > 0 && !endsHyphenated(previous)) parts.push(' ');
    parts.push(line);
    previous = line;
  }
  // Runs of white space become one space. A lone space is one already: matching only longer
  // runs and other white space spares a match (and a replacement) for every word. A run is
  // matched from its start, a space then more white space or any other white space first: so
  // a space costs one look at the character after it (20 µs a letter against 28 µs for
  // /\s{2,}|[^\S ]/ in Node, bench letters, with the same text out).
  return parts.join('').replace(/ \s+|[^\S ]\s*/g, ' ');
}

/**
 * A line that ends in a hyphen after a letter: "well-" of "well-being". What /\p{L}-$/u
 * finds, without running a pattern from every place in the line.
 */
function endsHyphenated(line: string): boolean {
  const end = line.length - 1;
  if (end < 1 || line.charCodeAt(end) !== 45) return false;
  const before = line.charCodeAt(end - 1);
  if ((before >= 97 && before <= 122) || (before >= 65 && before <= 90)) return true;
  if (before < 128) return false;
  // A letter beyond ASCII, perhaps outside the Basic Multilingual Plane (a surrogate pair).
  const start = end >= 2 && before >= 0xdc00 && before <= 0xdfff ? end - 2 : end - 1;
  return LETTER.test(line.slice(start, end));
}

const LETTER = /^\p{L}$/u;

/** Joins a wrapped line to its predecessor, keeping a hyphen that ended the line ("well-" + "being"). */
export function joinWrapped(previous: string, next: string): string {
  if (endsHyphenated(previous)) return previous + next;
  return previous + ' ' + next;
}

function collapseSpaces(text: string): string {
  return (text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text).trim();
}

/** The text of a block's lines as one paragraph. */
export function blockText(block: Block): string {
  return block.map((line) => line.text).join(' ');
}

/** A sentence that a page break cut off: it ends without closing punctuation. */
export function endsOpen(text: string): boolean {
  return !/[.!?:;)"'’”]$/.test(text);
}

/** Text that can only be the rest of a sentence: starts with a lower-case letter or a number followed by more words. */
export function startsMidSentence(text: string): boolean {
  return /^\p{Ll}/u.test(text) || /^\d+[,%]?\s+\p{Ll}/u.test(text);
}
