/**
 * The ways letters turn up damaged in the wild, as the sample letters' README lists them,
 * to make damaged copies for property tests and `npm run corpus -- --damaged`: lost
 * apostrophes, capitals, other line endings and encodings, hard wrapping, page footers,
 * and stray bytes of another encoding. Pure; randomness comes in as a function.
 */
import { WIN_ANSI_HIGH } from '../pdf-fixtures/win-ansi';

export const DAMAGES = [
  'lost-apostrophes',
  'capital-headings',
  'all-capitals',
  'crlf',
  'utf-16',
  'windows-1252',
  'hard-wrap',
  'footers',
  'stray-bytes',
] as const;

export type Damage = (typeof DAMAGES)[number];

/** Which damage, and the details each needs. */
export interface DamagePlan {
  damages: Damage[];
  /** Hard-wrap width, 60 to 90. */
  wrap: number;
  /** Where page footers go, as shares of the text. */
  footers: number[];
  /** Which footer style (see FOOTER_STYLES). */
  footerStyle: number;
  utf16Order: 'le' | 'be';
}

export const FOOTER_STYLES: readonly ((page: number, pages: number) => string)[] = [
  (page, pages) => `Page ${page} of ${pages}`,
  (page) => `Page ${page}`,
  (page) => `${page}`,
  (page) => `- ${page} -`,
  (page, pages) => `          Page ${page} of ${pages}`,
];

/** Windows-1252 bytes; characters it cannot hold become "?". */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = WIN_ANSI_HIGH.get(ch);
    if (high !== undefined) out[n++] = high;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[n++] = code;
    else out[n++] = 0x3f;
  }
  return out.slice(0, n);
}

/** UTF-16 with a byte order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = order === 'le' ? 0xff : 0xfe;
  out[1] = order === 'le' ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2 + (order === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 + i * 2 + (order === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

/** Curly quotes where the letter has straight ones, as a word processor would write them. */
export function curlyQuotes(text: string): string {
  return text.replace(/(\p{L})'(\p{L})/gu, '$1’$2').replace(/'([^'\n]*)'/g, '‘$1’');
}

/** Wraps every line longer than the width at spaces, greedily, as a plain-text export does. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const words = line.split(' ');
      const lines: string[] = [];
      let current = '';
      for (const word of words) {
        if (current.length > 0 && current.length + 1 + word.length > width) {
          lines.push(current);
          current = word;
        } else current = current.length > 0 ? `${current} ${word}` : word;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * Inserts page footers at the given fractions of the text: at the nearest paragraph
 * boundary, or, for odd picks, inside a sentence before a lower-case word, as a page
 * break in mid-sentence leaves them.
 */
export function insertFooters(text: string, picks: number[], style: (page: number, pages: number) => string): string {
  const boundaries: number[] = [];
  const midSentence: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === '\n' && text[i + 1] === '\n') boundaries.push(i);
    else if (text[i] === ' ' && /\p{Ll}/u.test(text[i + 1]!) && /\p{Ll}/u.test(text[i - 1] ?? '')) midSentence.push(i);
  }
  const cuts = picks
    .map((pick, k) => {
      const pool = k % 2 === 1 && midSentence.length > 0 ? midSentence : boundaries;
      return { at: pool[Math.min(pool.length - 1, Math.floor(pick * pool.length))]!, replace: pool === midSentence };
    })
    .filter((cut) => cut.at !== undefined)
    .sort((a, b) => b.at - a.at);
  let out = text;
  const pages = cuts.length + 1;
  cuts.forEach((cut, k) => {
    const footer = `\n\n\n${style(pages - k - 1, pages)}\n\n\n`;
    out = out.slice(0, cut.at) + footer + out.slice(cut.at + (cut.replace ? 1 : 0));
  });
  return out;
}

/** Apostrophes lost in extraction: "Children's services" -> "Children s services". */
export function loseApostrophes(text: string): string {
  return text.replace(/(\p{L})['’](\p{L})/gu, '$1 $2');
}

/** A short line without closing punctuation: a title or a heading. */
function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 140 && !/[.!?:;,]$/.test(trimmed) && /\p{Ll}/u.test(trimmed);
}

/** Titles and headings in capitals, as some letters set them. */
function capitaliseHeadings(text: string): string {
  return text
    .split('\n')
    .map((line) => (isHeadingLine(line) ? line.toUpperCase() : line))
    .join('\n');
}

/**
 * UTF-8 with a few characters written as Windows-1252 bytes, as when one sentence was
 * typed in an older editor: a curly apostrophe's three bytes become the one byte 0x92.
 */
function strayWindows1252(text: string, picks: number[]): Uint8Array {
  const curly = curlyQuotes(text);
  const positions: number[] = [];
  for (let at = curly.indexOf('’'); at !== -1; at = curly.indexOf('’', at + 1)) positions.push(at);
  const stray = new Set(picks.map((pick) => positions[Math.floor(pick * positions.length)]).filter((p) => p !== undefined));
  const parts: Uint8Array[] = [];
  let from = 0;
  const encoder = new TextEncoder();
  for (const at of [...stray].sort((a, b) => a - b)) {
    parts.push(encoder.encode(curly.slice(from, at)), new Uint8Array([0x92]));
    from = at + 1;
  }
  parts.push(encoder.encode(curly.slice(from)));
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let n = 0;
  for (const part of parts) {
    out.set(part, n);
    n += part.length;
  }
  return out;
}

/** The letter with the plan's damage done, as the bytes of a file. */
export function damageLetter(text: string, plan: DamagePlan): Uint8Array {
  const has = (damage: Damage) => plan.damages.includes(damage);
  let out = text;
  if (has('lost-apostrophes')) out = loseApostrophes(out);
  if (has('all-capitals')) out = out.toUpperCase();
  else if (has('capital-headings')) out = capitaliseHeadings(out);
  if (has('hard-wrap')) out = hardWrap(out, plan.wrap);
  if (has('footers')) out = insertFooters(out, plan.footers, FOOTER_STYLES[plan.footerStyle % FOOTER_STYLES.length]!);
  if (has('crlf')) out = out.replace(/\n/g, '\r\n');
  if (has('utf-16')) return encodeUtf16(out, plan.utf16Order);
  if (has('windows-1252')) return encodeWindows1252(curlyQuotes(out));
  if (has('stray-bytes')) return strayWindows1252(out, plan.footers.length > 0 ? plan.footers : [0.5]);
  return new TextEncoder().encode(out);
}

/** A plan with each damage taken or not at random, at least one of them. */
export function pickDamagePlan(random: () => number): DamagePlan {
  const damages = DAMAGES.filter(() => random() < 0.35);
  if (damages.length === 0) damages.push(DAMAGES[Math.floor(random() * DAMAGES.length)]!);
  return {
    damages,
    wrap: 60 + Math.floor(random() * 31),
    footers: Array.from({ length: Math.floor(random() * 5) }, () => random()),
    footerStyle: Math.floor(random() * FOOTER_STYLES.length),
    utf16Order: random() < 0.5 ? 'le' : 'be',
  };
}
