import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeLetterBytes, normaliseText, type DecodeResult } from './decode';

const EMPTY = 'the file is empty';
const BLANK = 'the file holds only blank space';
const BINARY = 'looks like binary data, not text';
const BAD_UTF16 = 'the file starts with a UTF-16 marker, but what follows is not valid UTF-16 text';

/**
 * Windows-1252 bytes 0x80 to 0x9F and the code points they stand for, written out here
 * rather than imported, so that a wrong entry in the decoder's table is caught.
 */
const CP1252_HIGH: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0x20ac], [0x81, 0x0081], [0x82, 0x201a], [0x83, 0x0192],
  [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
  [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039],
  [0x8c, 0x0152], [0x8d, 0x008d], [0x8e, 0x017d], [0x8f, 0x008f],
  [0x90, 0x0090], [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c],
  [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
  [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a],
  [0x9c, 0x0153], [0x9d, 0x009d], [0x9e, 0x017e], [0x9f, 0x0178],
];

function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concat([0xef, 0xbb, 0xbf], body) : body;
}

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    out[at++] = littleEndian ? 0xff : 0xfe;
    out[at++] = littleEndian ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const high = unit >> 8;
    const low = unit & 0xff;
    out[at++] = littleEndian ? low : high;
    out[at++] = littleEndian ? high : low;
  }
  return out;
}

function cp1252(text: string): Uint8Array {
  const reverse = new Map(CP1252_HIGH.map(([byte, codePoint]) => [codePoint, byte]));
  return Uint8Array.from(text, (char) => {
    const codePoint = char.codePointAt(0)!;
    const byte = reverse.get(codePoint) ?? (codePoint <= 0xff ? codePoint : undefined);
    if (byte === undefined) throw new Error(`not in Windows-1252: U+${codePoint.toString(16)}`);
    return byte;
  });
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes, so a failing test fails the same way every run. */
function noise(length: number, seed: number, pick: (value: number) => number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = pick(state >>> 24);
  }
  return out;
}

function codePoints(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0)!);
}

function expectText(result: DecodeResult, encoding: string): string {
  if (!result.ok) throw new Error(`expected text, got refusal: ${result.reason}`);
  expect(result.encoding).toBe(encoding);
  return result.text;
}

describe('decodeLetterBytes: encodings', () => {
  const letter = 'Dear Director,\nThe council’s services for children are “good”.';

  it('reads UTF-8 without a BOM', () => {
    expect(expectText(decodeLetterBytes(utf8(letter)), 'utf-8')).toBe(letter);
  });

  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const text = expectText(decodeLetterBytes(utf8(letter, true)), 'utf-8');
    expect(text).toBe(letter);
    expect(text.charCodeAt(0)).toBe('D'.charCodeAt(0));
  });

  it('reads UTF-16LE with a BOM, surrogate pairs included', () => {
    const withEmoji = `${letter} 😀`;
    expect(expectText(decodeLetterBytes(utf16(withEmoji, true)), 'utf-16le')).toBe(withEmoji);
  });

  it('reads UTF-16BE with a BOM, surrogate pairs included', () => {
    const withEmoji = `${letter} 😀`;
    expect(expectText(decodeLetterBytes(utf16(withEmoji, false)), 'utf-16be')).toBe(withEmoji);
  });

  it('drops the odd last byte of a UTF-16 file', () => {
    const bytes = concat(utf16('Ofsted', true), [0x41]);
    expect(expectText(decodeLetterBytes(bytes), 'utf-16le')).toBe('Ofsted');
  });

  it('turns a lone surrogate in UTF-16 into U+FFFD', () => {
    // "Good " then a high surrogate followed by a letter instead of a low surrogate.
    const bytes = concat([0xff, 0xfe], utf16('Good ', true, false), [0x00, 0xd8], utf16('x rating', true, false));
    expect(codePoints(expectText(decodeLetterBytes(bytes), 'utf-16le'))).toEqual(codePoints('Good \ufffdx rating'));
    const lowFirst = concat([0xfe, 0xff], [0xdc, 0x00], utf16(' after', false, false));
    expect(expectText(decodeLetterBytes(lowFirst), 'utf-16be')).toBe('\ufffd after');
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = cp1252('The council’s “good” rating – £5m — 2008 €');
    const text = expectText(decodeLetterBytes(bytes), 'windows-1252');
    expect(text).toBe('The council’s “good” rating – £5m — 2008 €');
  });

  it('maps curly quotes, dashes, pound and euro bytes to the right code points', () => {
    const bytes = Uint8Array.from([0x91, 0x41, 0x92, 0x20, 0x93, 0x42, 0x94, 0x20, 0x96, 0x20, 0x97, 0x20, 0xa3, 0x20, 0x80]);
    const text = expectText(decodeLetterBytes(bytes), 'windows-1252');
    expect(codePoints(text)).toEqual([
      0x2018, 0x41, 0x2019, 0x20, 0x201c, 0x42, 0x201d, 0x20, 0x2013, 0x20, 0x2014, 0x20, 0x00a3, 0x20, 0x20ac,
    ]);
    // Node's own windows-1252 decoder would give the C1 control U+0093 here.
    expect(text).not.toContain('\u0093');
  });

  it.each(CP1252_HIGH)('maps Windows-1252 byte %i to its code point', (byte, codePoint) => {
    const bytes = concat(utf8('Price '), [byte], utf8(' here'));
    const text = expectText(decodeLetterBytes(bytes), 'windows-1252');
    expect(codePoints(text)).toEqual(codePoints(`Price ${String.fromCodePoint(codePoint)} here`));
  });

  it('maps Windows-1252 bytes 0xA1 to 0xFF to the same code point', () => {
    const high = [];
    for (let byte = 0xa1; byte <= 0xff; byte++) if (byte !== 0xad) high.push(byte);
    const text = expectText(decodeLetterBytes(concat(utf8('Latin: '), high)), 'windows-1252');
    expect(codePoints(text)).toEqual([...codePoints('Latin: '), ...high]);
  });

  it('normalises Windows-1252 no-break space and soft hyphen like any other encoding', () => {
    const bytes = concat(utf8('a'), [0xa0], utf8('b re'), [0xad], utf8('view '), [0x93]);
    expect(expectText(decodeLetterBytes(bytes), 'windows-1252')).toBe('a b review “');
  });

  it('reads UTF-8 with a stray Windows-1252 byte run by run, keeping every other character', () => {
    const bytes = concat(utf8('Children’s services: £5m for “Every Child Matters” – the council'), [0x92], utf8('s café'));
    const text = expectText(decodeLetterBytes(bytes), 'utf-8+windows-1252');
    expect(text).toBe('Children’s services: £5m for “Every Child Matters” – the council’s café');
  });

  it('takes overlong forms, surrogates and cut-off sequences in a mixed file for Windows-1252 bytes, as browsers reject them', () => {
    // é in UTF-8, then an overlong "/" (C0 AF), an encoded surrogate (ED A0 80) and a cut-off "’" (E2 80).
    const bytes = concat(utf8('é'), [0xc0, 0xaf], [0xed, 0xa0, 0x80], utf8(' x '), [0xe2, 0x80]);
    const text = expectText(decodeLetterBytes(bytes), 'utf-8+windows-1252');
    // 0xA0 is a no-break space in Windows-1252, which becomes a plain space like any other.
    expect(codePoints(text)).toEqual([0xe9, 0xc0, 0xaf, 0xed, 0x20, 0x20ac, 0x20, 0x78, 0x20, 0xe2, 0x20ac]);
  });

  it('keeps UTF-8 "£" and "’" as UTF-8 instead of taking them for Windows-1252', () => {
    const text = expectText(decodeLetterBytes(utf8('Budget £5m; the council’s plan')), 'utf-8');
    expect(codePoints(text)).toContain(0x00a3);
    expect(codePoints(text)).toContain(0x2019);
    expect(text).toBe('Budget £5m; the council’s plan');
    expect(text).not.toContain('Â');
  });

  it('gives the same text for one letter in all four encodings and with any line ending', () => {
    const lines = ['Dear Ms Smith', '', 'The council’s “good” rating – £5m — €2 café', 'Yours sincerely'];
    const inputs: Uint8Array[] = [];
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = lines.join(eol) + eol;
      inputs.push(utf8(text), utf8(text, true), utf16(text, true), utf16(text, false), cp1252(text));
    }
    const decoded = inputs.map((bytes) => decodeLetterBytes(bytes));
    const encodings = decoded.map((result) => (result.ok ? result.encoding : result.reason));
    expect(new Set(encodings)).toEqual(new Set(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']));
    const texts = decoded.map((result) => (result.ok ? result.text : result.reason));
    expect(new Set(texts)).toEqual(new Set([lines.join('\n')]));
  });
});

describe('decodeLetterBytes: refusals', () => {
  it('refuses an empty file', () => {
    expect(decodeLetterBytes(new Uint8Array(0))).toEqual({ ok: false, reason: EMPTY });
  });

  it.each([
    ['spaces and line ends', utf8('   \r\n\t\n \r\n')],
    ['no-break and zero-width spaces', utf8('\u00a0\u200b \u3000\n\ufeff')],
    ['only a UTF-8 BOM', Uint8Array.from([0xef, 0xbb, 0xbf])],
    ['only a UTF-16 BOM', Uint8Array.from([0xff, 0xfe])],
    ['blank UTF-16BE', utf16(' \r\n\t ', false)],
    ['blank Windows-1252', Uint8Array.from([0x20, 0xa0, 0x0d, 0x0a, 0x09])],
  ])('refuses a file with %s', (_name, bytes) => {
    expect(decodeLetterBytes(bytes)).toEqual({ ok: false, reason: BLANK });
  });

  it('refuses a PNG header', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8,
    ]);
    expect(decodeLetterBytes(png)).toEqual({ ok: false, reason: BINARY });
  });

  it('refuses a NUL byte near the start of an otherwise textual file', () => {
    expect(decodeLetterBytes(concat(utf8('Dear Director'), [0], utf8('more text')))).toEqual({ ok: false, reason: BINARY });
  });

  it('refuses control-character soup', () => {
    const controls = [1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127];
    const soup = noise(2000, 7, (value) => (value < 128 ? controls[value % controls.length]! : 0x61 + (value % 26)));
    expect(decodeLetterBytes(soup)).toEqual({ ok: false, reason: BINARY });
  });

  it('refuses random bytes with no NUL (read as Windows-1252)', () => {
    const random = noise(64 * 1024, 42, (value) => value || 1);
    expect(decodeLetterBytes(random)).toEqual({ ok: false, reason: BINARY });
  });

  it('refuses binary data behind a text header', () => {
    const header = utf8('A perfectly ordinary line of text.\n'.repeat(600));
    const soup = noise(40 * 1024, 3, (value) => 1 + (value % 8));
    expect(decodeLetterBytes(concat(header, soup))).toEqual({ ok: false, reason: BINARY });
  });

  it('accepts a text with a few stray control characters', () => {
    const text = `${'Dear Director, the council is good.\n'.repeat(20)}\u001a`;
    expect(expectText(decodeLetterBytes(utf8(text)), 'utf-8')).toBe(text);
    expect(expectText(decodeLetterBytes(utf8('Hi\u001a')), 'utf-8')).toBe('Hi\u001a');
  });

  it('refuses a UTF-16 marker followed by unpaired surrogates', () => {
    const body: number[] = [];
    for (let i = 0; i < 200; i++) body.push(0x00, 0xd8, 0x41, 0x00);
    expect(decodeLetterBytes(concat([0xff, 0xfe], body))).toEqual({ ok: false, reason: BAD_UTF16 });
  });

  it('refuses a UTF-16 marker followed by random bytes', () => {
    const le = concat([0xff, 0xfe], noise(32 * 1024, 11, (value) => value));
    const be = concat([0xfe, 0xff], noise(32 * 1024, 12, (value) => value));
    expect(decodeLetterBytes(le)).toEqual({ ok: false, reason: BAD_UTF16 });
    expect(decodeLetterBytes(be)).toEqual({ ok: false, reason: BAD_UTF16 });
  });
});

describe('decodeLetterBytes: large input', () => {
  // Not a multiple of the decoder's chunk size, so the last chunk is a partial one.
  const line = 'The council’s “good” rating – £5m — €2, paragraph after paragraph.\r\n';
  const repeats = Math.ceil((5 * 1024 * 1024) / line.length) + 7;
  const expected = line.repeat(repeats).replace(/\r\n/g, '\n').slice(0, -1);

  it('decodes 5 MB of Windows-1252', () => {
    const bytes = cp1252(line.repeat(repeats));
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(expectText(decodeLetterBytes(bytes), 'windows-1252')).toBe(expected);
  });

  it('decodes 5 MB of UTF-8', () => {
    expect(expectText(decodeLetterBytes(utf8(line.repeat(repeats))), 'utf-8')).toBe(expected);
  });

  it('decodes 5 MB of UTF-16LE and UTF-16BE', () => {
    const text = line.repeat(repeats);
    expect(expectText(decodeLetterBytes(utf16(text, true)), 'utf-16le')).toBe(expected);
    expect(expectText(decodeLetterBytes(utf16(text, false)), 'utf-16be')).toBe(expected);
  });
});

describe('normaliseText', () => {
  it('turns CRLF, lone CR, form feed and vertical tab into LF', () => {
    expect(normaliseText('a\r\nb\rc\fd\ve\nf')).toBe('a\nb\nc\nd\ne\nf');
    expect(normaliseText('a\r\r\nb')).toBe('a\n\nb');
    expect(normaliseText('page one\r\n\fpage two')).toBe('page one\n\npage two');
    expect(normaliseText('line\u2028next\u2029para')).toBe('line\nnext\npara');
  });

  it('turns Unicode space separators into plain spaces', () => {
    const spaces = ['\u00a0', '\u202f', '\u2007', '\u3000', '\u1680', '\u205f'];
    for (let unit = 0x2000; unit <= 0x200a; unit++) spaces.push(String.fromCharCode(unit));
    for (const space of spaces) {
      expect(normaliseText(`£${space}5m`), `U+${space.charCodeAt(0).toString(16)}`).toBe('£ 5m');
    }
  });

  it('removes zero-width characters, stray BOMs and soft hyphens', () => {
    expect(normaliseText('\ufeffchil\u00addren\u200b’s \u200cser\u200dvi\u2060ces\ufeff')).toBe('children’s services');
  });

  it('removes trailing spaces and tabs but keeps tabs and indentation inside lines', () => {
    expect(normaliseText('  Outcome\tGrade \t\nStaying safe\t3\u00a0\n  Note  ')).toBe('  Outcome\tGrade\nStaying safe\t3\n  Note');
  });

  it('trims leading and trailing blank lines and leaves no final newline', () => {
    expect(normaliseText('\n \r\n\t\n  Dear Sir\n\nYours\n\n \n')).toBe('  Dear Sir\n\nYours');
    expect(normaliseText('text\n')).toBe('text');
    expect(normaliseText(' \n\t\r\n')).toBe('');
  });

  it('keeps curly quotes and dashes', () => {
    const typographic = '‘single’ “double” en – em — ellipsis … bullet •';
    expect(normaliseText(typographic)).toBe(typographic);
  });

  it('keeps a zero-width character from hiding a line ending or trailing space', () => {
    expect(normaliseText('a\r\u200b\nb \u200b\nc')).toBe('a\nb\nc');
  });

  it('handles a very long run of spaces quickly', () => {
    const long = `a${' '.repeat(200_000)}b${' '.repeat(200_000)}`;
    const started = Date.now();
    expect(normaliseText(long)).toBe(`a${' '.repeat(200_000)}b`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives clean, stable output for any mix of awkward characters', () => {
    const awkward = fc.constantFrom(
      'a', 'b', ' ', '\t', '\r', '\n', '\f', '\v', '\u00a0', '\u202f', '\u200b', '\u00ad', '\ufeff', '\u2028', '“', '—',
    );
    fc.assert(
      fc.property(fc.array(awkward, { maxLength: 60 }), (chars) => {
        const once = normaliseText(chars.join(''));
        expect(normaliseText(once)).toBe(once);
        expect(once).not.toMatch(/[\r\f\v\u00a0\u202f\u200b\u00ad\ufeff\u2028]/);
        expect(once).not.toMatch(/[ \t]\n|[ \t]$/);
        expect(once.startsWith('\n')).toBe(false);
        expect(once.endsWith('\n')).toBe(false);
      }),
    );
  });
});

describe('decodeLetterBytes: the text as UTF-8', () => {
  const letter = 'Dear Director,\nThe council’s services for children are “good” – and £ is kept.';

  it('gives the bytes themselves for a UTF-8 file that normalising left as it was', () => {
    const bytes = utf8(letter);
    const result = decodeLetterBytes(bytes);
    expect(result).toEqual({ ok: true, text: letter, encoding: 'utf-8', utf8: bytes });
    expect(result.ok && result.utf8).toBe(bytes);
  });

  it('gives none when the text is not the bytes as they are', () => {
    const changed = [
      utf8(letter, true),
      utf8(letter.replace('\n', '\r\n')),
      utf8(`${letter} \n`),
      utf8(`\n${letter}`),
      utf8(letter.replace(' ', '\u00a0')),
      utf8(letter.replace('\n', '\v')),
      cp1252(letter),
      concat(utf8('Dear Director, the council'), [0x92], utf8('s services')),
      utf16(letter, true),
      utf16(letter, false, false),
    ];
    for (const bytes of changed) {
      const result = decodeLetterBytes(bytes);
      expect(result.ok).toBe(true);
      expect(result.ok && result.utf8).toBeUndefined();
    }
  });

  it('gives bytes only that are exactly the text as UTF-8', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u200b', '\ufeff', '’', '—', '£', '😀', '\u0001');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const bytes = utf8(pieces.join(''));
        const result = decodeLetterBytes(bytes);
        if (!result.ok || !result.utf8) return;
        expect(result.utf8).toBe(bytes);
        expect(new TextEncoder().encode(result.text)).toEqual(bytes);
      }),
    );
  });
});

describe('UTF-16 without a byte order mark', () => {
  const text = 'Children’s services in Coventry City Council perform well.\nDear Mr Green';
  const encode = (le: boolean) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = unit & 0xff;
      out[2 * i + (le ? 1 : 0)] = unit >> 8;
    }
    return out;
  };

  it('is recognised in either byte order', () => {
    expect(decodeLetterBytes(encode(true))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeLetterBytes(encode(false))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('is not confused with binary data full of zeros', () => {
    const binary = new Uint8Array(64).map((_, i) => (i % 4 === 0 ? 0 : 200 + (i % 7)));
    expect(decodeLetterBytes(binary)).toEqual({ ok: false, reason: 'looks like binary data, not text' });
  });
});

