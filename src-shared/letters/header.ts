/** Reading the top of a letter: letterhead, date, address, salutation, title. */
import { blockText, type Block } from './text-lines';
import { ROLE_WORD, loosePattern, matchesAtOneLength, trimFragment } from './names';
import { APA_LETTER, RATING_LETTER } from './phrases';

const LETTERHEAD = /ofsted\.gov\.uk|kingsway|aviation house|alexandra house|\b0845\d?\b|www\.|@/i;
/** A short block naming the kind of letter: its title. */
const TITLE_HINT = new RegExp(`^(?=.{0,200}$).*(?:${APA_LETTER}|${RATING_LETTER})`, 'i');
const SALUTATION = /^dear\s+(.+?)[,.]?$/i;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|cllr|councillor|professor|prof|sir|dame|lord|lady|rev)\.?$/i;

export interface LetterLayout {
  /** Address lines between the date and the salutation, letterhead and date left out. */
  addressLines: string[];
  salutation: string | null;
  title: string | null;
  /** Body blocks: after the title (or salutation) and before the closing. */
  body: Block[];
  /** Lines after the body: "Yours sincerely", signature, name, role. */
  closing: string[];
}

function isDateOnly(text: string): boolean {
  return text.length < 40 && /\b(?:19|20)\d\d\b/.test(text) && /[a-z]{3,}/i.test(text);
}

/** Splits the blocks of a letter into header, title, body and closing. */
export function layoutLetter(blocks: Block[]): LetterLayout {
  let salutationAt = -1;
  let salutation: string | null = null;
  const split: Block[] = [];
  for (const block of blocks) {
    const at = salutationAt === -1 ? block.findIndex((line) => SALUTATION.test(line.text)) : -1;
    if (at === -1) {
      split.push(block);
      continue;
    }
    if (at > 0) split.push(block.slice(0, at));
    salutationAt = split.length;
    salutation = block[at]?.text ?? null;
    split.push([block[at]!]);
    if (at + 1 < block.length) split.push(block.slice(at + 1));
  }

  // Without a greeting, the header runs up to the block that names the kind of letter.
  const titleAt = salutationAt === -1 ? split.findIndex((block) => TITLE_HINT.test(blockText(block))) : -1;
  const headerEnd = salutationAt !== -1 ? salutationAt : Math.max(titleAt, 0);
  const addressLines: string[] = [];
  for (const block of split.slice(0, headerEnd)) {
    const text = blockText(block);
    if (LETTERHEAD.test(text) || isDateOnly(text)) continue;
    for (const line of block) addressLines.push(line.text);
  }

  let bodyStart = salutationAt !== -1 ? salutationAt + 1 : Math.max(titleAt, 0);
  let title: string | null = null;
  const first = split[bodyStart];
  if (first) {
    const text = blockText(first);
    if (text.length < 200 && !/[.!?]$/.test(text)) {
      title = text;
      bodyStart += 1;
    }
  }

  const rest = split.slice(bodyStart);
  const { body, closing } = splitClosing(rest);
  return { addressLines, salutation, title, body, closing };
}

const VALEDICTION = /^yours\s+(?:sincerely|faithfully|truly)\b[,.]?/i;

function splitClosing(blocks: Block[]): { body: Block[]; closing: string[] } {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const at = block.findIndex((line) => VALEDICTION.test(line.text));
    if (at !== -1) {
      const closing = [
        ...block.slice(at).map((line) => line.text.replace(VALEDICTION, '').trim()),
        ...blocks.slice(b + 1).flatMap((bl) => bl.map((line) => line.text)),
      ].filter((text) => text.length > 0);
      const body = blocks.slice(0, b);
      if (at > 0) body.push(block.slice(0, at));
      return { body, closing };
    }
  }
  // No valediction: the closing is the run of short lines at the end that are not sentences.
  let start = blocks.length;
  while (start > 0) {
    const block = blocks[start - 1]!;
    if (!block.every((line) => line.text.length < 80 && !/[.!?]$/.test(line.text))) break;
    start -= 1;
  }
  return {
    body: blocks.slice(0, start),
    closing: blocks.slice(start).flatMap((block) => block.map((line) => line.text)),
  };
}

/** Words a greeting uses for a post or a group rather than a person: "Dear Director", "Dear Sir or Madam". */
const POST_WORD = /^(?:sir|madam|colleagues?|director|chief|executive|head|manager|officer|all|friends?|members?|chair|leader|lead|member)$/i;

/**
 * The name written after "Dear", without the honorific: "Dear Mr Green" gives a surname,
 * ["Green"]; "Dear Colin," a first name; "Dear Director" or "Dear Sir" no name at all.
 */
function salutationNames(salutation: string | null): { words: string[]; firstName: boolean } {
  const match = salutation ? SALUTATION.exec(salutation) : null;
  if (!match?.[1]) return { words: [], firstName: false };
  const all = match[1].split(/\s+/);
  const words = all.filter((w) => !HONORIFIC.test(w));
  if (words.length === 0 || words.some((w) => POST_WORD.test(w))) return { words: [], firstName: false };
  return { words, firstName: words.length === 1 && all.length === 1 };
}

/**
 * Where a name that starts at `from` in the address ends: after the name-like words that
 * follow (capitalised, not a post such as "Director"), at most three of them, and never
 * past the end of its line (`limit`): the next line is a post or the council.
 */
function nameEndAfter(address: string, from: number, limit: number): number {
  const word = /\s+([\p{Lu}][\p{L}'’.-]*)(?=[\s,]|$)/uy;
  let end = from;
  for (let taken = 0; taken < 3; taken++) {
    word.lastIndex = end;
    const match = word.exec(address);
    if (!match || word.lastIndex > limit || ROLE_WORD.test(match[1]!) || HONORIFIC.test(match[1]!)) break;
    end = word.lastIndex;
  }
  return end;
}

/** Where the line that holds `offset` ends, in the address lines joined by spaces. */
function lineEndAt(lines: string[], offset: number): number {
  let end = -1;
  for (const line of lines) {
    end += line.length + 1;
    if (end >= offset) return end;
  }
  return end;
}

function stripHonorific(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && HONORIFIC.test(words[0]!)) words.shift();
  return words.join(' ');
}

/**
 * The patterns findInText has made, by name: names recur (a council's) from letter to letter.
 * Emptied when full, so it cannot grow without bound.
 */
const namePatterns = new Map<string, { pattern: RegExp; endsChecked: boolean }>();
const NAME_PATTERNS_KEPT = 1000;
/** A letter, as the name's whole pattern once looked on either side of it (case-insensitively). */
const LETTER = /\p{L}/iu;

/** Whether the UTF-16 unit is the first or the second half of a character outside the Basic Multilingual Plane. */
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether a letter of any script ends just before `at` (before: true) or starts at it. */
function letterBeside(text: string, at: number, before: boolean): boolean {
  if (before ? at <= 0 : at >= text.length) return false;
  let from = before ? at - 1 : at;
  // The second half of a pair: the character starts one before.
  if (before && from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from -= 1;
  return LETTER.test(String.fromCodePoint(text.codePointAt(from)!));
}

/**
 * The name's pattern. Where every word of the name has a letter in it, a match's length is
 * fixed by where it starts, and the ends are checked by findInText: compiled into the pattern
 * as look-arounds with a Unicode letter class, every new name (most salutations' surnames
 * are) cost a browser's parse worker about 0.3 ms, a tenth of an import's parse. A name that
 * may match at more than one length keeps the look-arounds.
 */
function namePattern(name: string): { pattern: RegExp; endsChecked: boolean } {
  let made = namePatterns.get(name);
  if (!made) {
    if (namePatterns.size >= NAME_PATTERNS_KEPT) namePatterns.clear();
    const loose = loosePattern(name);
    made = matchesAtOneLength(name) ? { pattern: new RegExp(loose, 'giu'), endsChecked: true } : { pattern: new RegExp(`(?<![\\p{L}])${loose}(?![\\p{L}])`, 'iu'), endsChecked: false };
    namePatterns.set(name, made);
  }
  return made;
}

/** Where a council's name starts in the address text, if it is there: whole, with no letter just before or after it. */
export function findInText(text: string, name: string): { index: number; match: string } | null {
  const { pattern, endsChecked } = namePattern(name);
  if (!endsChecked) {
    const found = pattern.exec(text);
    return found ? { index: found.index, match: found[0] } : null;
  }
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const end = found.index + found[0].length;
    if (!letterBeside(text, found.index, true) && !letterBeside(text, end, false)) return { index: found.index, match: found[0] };
    // On from the next character, as the pattern itself would have gone on.
    pattern.lastIndex = found.index + ((text.codePointAt(found.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}

/**
 * The recipient, from an address that may be one line or many.
 *
 * The salutation gives the surname, which ends the name; the council's name, where it is
 * in the address, ends the role. In a multi-line address the role is the second line.
 */
export function readRecipient(
  addressLines: string[],
  salutation: string | null,
  councilName: string | null,
): { name: string; role: string } | null {
  if (addressLines.length === 0) return null;
  const address = addressLines.join(' ');
  const names = salutationNames(salutation);
  let nameEnd = -1;
  const named = names.words[names.words.length - 1];
  if (named) {
    const at = findInText(address, named);
    if (at && address.slice(0, at.index).split(/\s+/).length <= 5) {
      nameEnd = at.index + at.match.length;
      // A first name ("Dear Colin,") begins the name in the address rather than ending it.
      if (names.firstName) nameEnd = nameEndAfter(address, nameEnd, lineEndAt(addressLines, nameEnd));
    }
  }
  if (nameEnd === -1) {
    if (addressLines.length > 1 && addressLines[0]!.split(/\s+/).length <= 5) nameEnd = addressLines[0]!.length;
    else return null;
  }
  const name = stripHonorific(trimFragment(address.slice(0, nameEnd)));
  const rest = address.slice(nameEnd);

  let role: string;
  const council = councilName ? findInText(rest, councilName) : null;
  if (council) role = rest.slice(0, council.index);
  else if (addressLines.length > 1 && addressLines[0]!.length === nameEnd) role = addressLines[1] ?? '';
  else role = rest.split(/\s\d|,/)[0] ?? '';
  return { name, role: trimFragment(role) };
}
