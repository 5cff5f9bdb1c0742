/**
 * Ways the same letter turns up damaged or dressed differently in the wild, for property tests:
 * other encodings and line endings, hard wrapping, page footers, another council's name.
 */

const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Windows-1252 bytes; characters it cannot hold become "?". */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const high = CP1252_HIGH[ch];
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

/** The same letter written about another council: every form of the old name replaced, in one pass. */
export function relabel(text: string, from: { name: string; short: string }, to: { name: string; short: string }): string {
  const forms = new Map([
    [from.name, to.name],
    [from.name.toUpperCase(), to.name.toUpperCase()],
    [from.short, to.short],
  ]);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp([...forms.keys()].map(escape).join('|'), 'g');
  return text.replace(pattern, (found) => forms.get(found) ?? found);
}
