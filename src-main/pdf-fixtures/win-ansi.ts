/**
 * The standard PDF fonts are drawn in WinAnsi encoding, and pdfkit writes any other
 * character as a broken code. So every character WinAnsi lacks is swapped for the nearest
 * one it has before the text is measured or drawn.
 */

/**
 * The 27 characters WinAnsi puts in 0x80 to 0x9F, beyond Latin-1, with their codes: the
 * same as Windows-1252's.
 */
export const WIN_ANSI_HIGH: ReadonlyMap<string, number> = new Map(
  Object.entries({
    '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
    'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
    '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
  }),
);

const NEAREST: Record<string, string> = {
  '\uF0B7': '•', // the Symbol font's bullet, as Word's bullets extract
  '\u25CF': '•',
  '\u25AA': '•',
  '\u25E6': '•',
  '\u2023': '•',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u201B': '‘',
  '\u201F': '“',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': ' ',
  '\u00A0': ' ',
};

function hasGlyph(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0x7f) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_HIGH.has(ch);
}

function isInvisible(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** `text` with every character WinAnsi cannot show replaced by a close one, or by "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (hasGlyph(ch)) {
      out += ch;
      continue;
    }
    // Control and zero-width characters show nothing in the original either.
    if (isInvisible(ch)) continue;
    const near = NEAREST[ch];
    if (near !== undefined) {
      out += near;
      continue;
    }
    // Accented letters outside Latin-1 lose the accent ("ł" stays "?", "ŵ" becomes "w").
    const bare = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...bare].every(hasGlyph) && bare !== '' ? bare : '?';
  }
  return out;
}
