/**
 * Turns the bytes of a letter file into clean text.
 *
 * This module runs both in the renderer's Web Worker and in Node, and the letter id is a
 * hash of the text it returns, so both must produce the same string to the last code
 * unit. Node's TextDecoder maps Windows-1252 bytes 0x80 to 0x9F to C1 control characters
 * where browsers give the proper punctuation, and which UTF-16 labels Node accepts depends
 * on how it was built. So Windows-1252 and UTF-16 are mapped to code units here, by our
 * own rules (unpaired surrogates included), and TextDecoder only turns already
 * well-formed UTF-16LE into a string: that step is exact in every engine and was about
 * three times faster than chunked String.fromCharCode in our measurements.
 */

/** How a file was written; 'utf-8+windows-1252' is UTF-8 with some characters written as Windows-1252 bytes. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';

/**
 * `utf8`, when there, is the text as UTF-8: the file's bytes themselves (a view, not a copy),
 * for a UTF-8 file without a byte-order mark that normalising changed nothing in. A caller
 * that keeps the text as UTF-8 need not encode it again.
 */
export type DecodeResult = { ok: true; text: string; encoding: Encoding; utf8?: Uint8Array } | { ok: false; reason: string };

const REASON_EMPTY = 'the file is empty';
const REASON_BLANK = 'the file holds only blank space';
const REASON_BINARY = 'looks like binary data, not text';
const REASON_BAD_UTF16 = 'the file starts with a UTF-16 marker, but what follows is not valid UTF-16 text';

/** Text never holds a NUL byte, except UTF-16, where half the bytes of English text are zero. */
const NUL_SCAN_BYTES = 8192;

/** Control characters are sampled rather than counted everywhere, so huge files stay cheap. */
const SAMPLE_WINDOW = 4096;

/**
 * Windows-1252 bytes 0x80 to 0x9F. The five bytes the code page leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) keep their own value, as the WHATWG Encoding Standard does,
 * so that our output matches what a browser's decoder would give.
 */
const WINDOWS_1252_80_TO_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** A full byte-to-code-unit table: one lookup per byte and no branch in the hot loop. */
const WINDOWS_1252 = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = byte;
  WINDOWS_1252_80_TO_9F.forEach((codePoint, index) => {
    table[0x80 + index] = codePoint;
  });
  return table;
})();

/**
 * Bytes of a file -> normalised text, or a reason a person understands why it is not text.
 *
 * A byte-order mark decides the encoding when there is one. Without one, the bytes are
 * read as UTF-8 if they are valid UTF-8. Otherwise each run is read as what it is: valid
 * UTF-8 sequences as UTF-8, and every other byte as Windows-1252, since stray bytes that
 * are invalid UTF-8 almost always come from older Windows software, and every byte has a
 * meaning there. A file that is all Windows-1252 comes out as Windows-1252; one UTF-8 file
 * with a stray "’" byte keeps its other accents and quotes.
 */
export function decodeLetterBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: REASON_EMPTY };

  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return finishUtf16(bytes.subarray(2), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return finishUtf16(bytes.subarray(2), false);
  }

  // Some Windows tools write UTF-16 without a marker: English text then has a zero in every
  // other byte, on the same side throughout, which binary data does not.
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked) return finishUtf16(bytes, unmarked === 'le');

  // Checked before decoding, so that a large binary file is turned away without being decoded.
  if (bytes.subarray(0, NUL_SCAN_BYTES).includes(0)) return { ok: false, reason: REASON_BINARY };

  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The file declares itself UTF-8, so trust it: a few damaged sequences become U+FFFD
    // instead of the whole letter being misread as Windows-1252.
    return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const mixed = decodeByRuns(bytes);
    return finish(mixed.text, mixed.utf8Sequences > 0 ? 'utf-8+windows-1252' : 'windows-1252');
  }
  return finish(text, 'utf-8', bytes);
}

/**
 * Normalises text (also used on already-decoded strings).
 *
 * The parser matches on plain spaces and "\n", and the letter id is a hash of this text,
 * so every way of writing the same letter (line endings, no-break spaces, invisible
 * characters) has to come out as the same string. Typography that carries meaning, such
 * as curly quotes and dashes, is kept. Running it twice gives the same result as once.
 */
export function normaliseText(text: string): string {
  let normalised = text;
  // Most letters hold none of these characters: one scan to find out is cheaper than three passes.
  if (UNUSUAL.test(normalised)) {
    normalised = normalised
      // Invisible characters first, so that one sitting between "\r" and "\n", or after
      // trailing spaces, cannot hide a line ending or a line's trailing space.
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      // A form feed is a page break and a vertical tab a line break in old word processors;
      // U+2028 and U+2029 are Unicode's own line and paragraph separators.
      .replace(/\r\n?|[\v\f\u2028\u2029]/g, '\n')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  }
  if (hasTrailingBlank(normalised)) {
    // The lookbehind makes the match start only at the first blank of a run; without it a
    // long run of spaces inside a line would be rescanned from every position (quadratic).
    normalised = normalised.replace(/(?<![ \t])[ \t]+(?=\n|$)/g, '');
  }

  // Lines are already free of trailing blanks, so blank lines are empty and the text's
  // leading and trailing blank lines are just runs of "\n".
  let start = 0;
  let end = normalised.length;
  while (start < end && normalised.charCodeAt(start) === 0x0a) start++;
  while (end > start && normalised.charCodeAt(end - 1) === 0x0a) end--;
  return normalised.slice(start, end);
}

const UNUSUAL = /[\r\v\f\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/**
 * Whether a line ends in a space or tab. Looked for from each line's end: a letter has some
 * ten times more spaces than lines, and searching for " \n" stops at every space (in Node,
 * bench letters: 3.7 µs a letter this way, 15.7 µs searching for " \n" and "\t\n").
 */
function hasTrailingBlank(text: string): boolean {
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) {
    const before = text.charCodeAt(end - 1);
    if (before === 0x20 || before === 0x09) return true;
  }
  const last = text.charCodeAt(text.length - 1);
  return last === 0x20 || last === 0x09;
}

/** 'le' or 'be' when the first bytes look like UTF-16 text without a byte order mark. */
function unmarkedUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const pairs = Math.min(bytes.length, NUL_SCAN_BYTES) >> 1;
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  // Nearly all high bytes zero (Latin text), nearly no low bytes zero.
  if (oddZeros >= pairs * 0.9 && evenZeros <= pairs * 0.02) return 'le';
  if (evenZeros >= pairs * 0.9 && oddZeros <= pairs * 0.02) return 'be';
  return null;
}

/** `bytes`: the file's bytes, when `raw` is all of them read as UTF-8 (so that, unchanged, they are its UTF-8). */
function finish(raw: string, encoding: Encoding, bytes?: Uint8Array): DecodeResult {
  if (looksLikeBinary(raw)) return { ok: false, reason: REASON_BINARY };
  const text = normaliseText(raw);
  if (text.length === 0) return { ok: false, reason: REASON_BLANK };
  return bytes && text === raw ? { ok: true, text, encoding, utf8: bytes } : { ok: true, text, encoding };
}

/**
 * A one-off oddity in a tiny file (say, the Ctrl-Z end-of-file mark DOS editors wrote) is
 * a slip, not proof of binary data, so more than one is needed as well as the share.
 */
function tooMany(suspicious: number, total: number): boolean {
  return suspicious > 1 && suspicious * 10 > total;
}

function looksLikeBinary(text: string): boolean {
  if (text.length <= 3 * SAMPLE_WINDOW) return tooMany(countControls(text, 0, text.length), text.length);
  // Start, middle and end, so a text header in front of binary data does not pass.
  const middle = Math.floor((text.length - SAMPLE_WINDOW) / 2);
  const tail = text.length - SAMPLE_WINDOW;
  const controls =
    countControls(text, 0, SAMPLE_WINDOW) +
    countControls(text, middle, middle + SAMPLE_WINDOW) +
    countControls(text, tail, text.length);
  return tooMany(controls, 3 * SAMPLE_WINDOW);
}

/** C0 and C1 controls, DEL included, apart from the ones plain text uses: tab, LF, form feed, CR. */
function countControls(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20) {
      if (unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d) count++;
    } else if (unit >= 0x7f && unit <= 0x9f) {
      count++;
    }
  }
  return count;
}

/**
 * The length of the well-formed UTF-8 sequence at `at`, or 0 when there is none: the
 * WHATWG decoder's rules, so overlong forms, surrogates and code points past U+10FFFF count
 * as invalid, as they do in every browser.
 */
function utf8SequenceAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (at + length > bytes.length) return 0;
  const second = bytes[at + 1]!;
  if (second < low || second > high) return 0;
  for (let i = 2; i < length; i++) {
    const next = bytes[at + i]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252. */
function decodeByRuns(bytes: Uint8Array): { text: string; utf8Sequences: number } {
  // At most two code units per byte: a four-byte sequence gives a surrogate pair.
  const le = new Uint8Array(bytes.length * 2);
  let n = 0;
  let utf8Sequences = 0;
  const put = (unit: number) => {
    le[n++] = unit & 0xff;
    le[n++] = unit >> 8;
  };
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 0 : utf8SequenceAt(bytes, i);
    if (length === 0) {
      put(WINDOWS_1252[byte]!);
      i++;
      continue;
    }
    utf8Sequences++;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
    if (codePoint >= 0x10000) {
      codePoint -= 0x10000;
      put(0xd800 + (codePoint >> 10));
      put(0xdc00 + (codePoint & 0x3ff));
    } else put(codePoint);
    i += length;
  }
  return { text: wellFormedUtf16leToString(le.subarray(0, n)), utf8Sequences };
}

function finishUtf16(body: Uint8Array, littleEndian: boolean): DecodeResult {
  // A trailing odd byte is half a character: dropping it loses nothing readable.
  const length = body.length >> 1;
  const high = littleEndian ? 1 : 0;
  const low = 1 - high;
  const le = new Uint8Array(length * 2);

  // Binary data behind a UTF-16 marker decodes to a jumble of unpaired surrogates, NULs,
  // private-use characters and non-characters, which real text almost never holds.
  let suspicious = 0;
  for (let i = 0; i < length; i++) {
    let unit = (body[2 * i + high]! << 8) | body[2 * i + low]!;
    if (unit === 0) {
      suspicious++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = i + 1 < length ? (body[2 * i + 2 + high]! << 8) | body[2 * i + 2 + low]! : 0;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        le[2 * i] = unit & 0xff;
        le[2 * i + 1] = unit >> 8;
        i++;
        unit = next;
      } else {
        // The replacement the WHATWG decoder makes, done here so that every engine agrees.
        unit = 0xfffd;
        suspicious++;
      }
    } else if ((unit >= 0xe000 && unit <= 0xf8ff) || unit >= 0xfffe) {
      suspicious++;
    }
    le[2 * i] = unit & 0xff;
    le[2 * i + 1] = unit >> 8;
  }
  if (tooMany(suspicious, length)) return { ok: false, reason: REASON_BAD_UTF16 };

  return finish(wellFormedUtf16leToString(le), littleEndian ? 'utf-16le' : 'utf-16be');
}

/**
 * The input has no unpaired surrogates, so every decoder gives exactly these code units.
 * The bytes are written little-endian by hand rather than through a Uint16Array, whose
 * byte order is the machine's. ignoreBOM keeps a leading U+FEFF, as any other character
 * is kept; normaliseText removes it later.
 */
function wellFormedUtf16leToString(le: Uint8Array): string {
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
}
