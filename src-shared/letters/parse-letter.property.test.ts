/**
 * Property tests: the parser never throws, and a letter read back after re-encoding,
 * re-wrapping, page footers or relabelling for another council says the same things.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNUAL_RATING_LABELS, type GradeValue, type Letter } from './letter';
import { matchCouncil } from './councils';
import { parseLetter } from './parse-letter';
import { SAMPLE_FILES, sampleBytes, sampleText } from './test-support/sample-letters';
import { curlyQuotes, encodeUtf16, encodeWindows1252, hardWrap, insertFooters } from '../../src-main/corpus/damage';
import { cutWithNoise, expectLetterOrReason, relabelling } from './test-support/arbitraries';
import { relabel } from './test-support/mangle';

const RUNS = 1000;
const SEED = 20091209;
const encoder = new TextEncoder();

/** What must survive any re-dressing of a letter. */
function essentials(letter: Letter) {
  return {
    kind: letter.kind,
    date: letter.date,
    council: letter.council,
    overall: letter.overall,
    grades: letter.sections.filter((s) => s.grade).map((s) => [s.outcome ?? 'rating', s.grade!.grade]),
  };
}

async function parseOk(bytes: Uint8Array): Promise<Letter> {
  const outcome = await parseLetter(bytes);
  if (!outcome.ok) throw new Error(`not parsed: ${outcome.reason}`);
  return outcome.letter;
}

const baseline = new Map<string, ReturnType<typeof essentials>>();
const baselineIds = new Map<string, string>();
for (const file of SAMPLE_FILES) {
  const letter = await parseOk(sampleBytes(file));
  baseline.set(file, essentials(letter));
  baselineIds.set(file, letter.id);
}

const footerStyle = fc.constantFrom(
  (page: number, pages: number) => `Page ${page} of ${pages}`,
  (page: number) => `Page ${page}`,
  (page: number) => `${page}`,
  (page: number) => `- ${page} -`,
  (page: number, pages: number) => `          Page ${page} of ${pages}`,
);

describe('the parser on arbitrary input', () => {
  it('never throws on arbitrary bytes, and gives a letter or a reason', async () => {
    const samples = SAMPLE_FILES.map(sampleBytes);
    const damaged = cutWithNoise(samples);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => encoder.encode(s)),
      damaged,
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => expectLetterOrReason(await parseLetter(bytes))),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('a sample letter dressed differently', () => {
  it('parses to the same kind, date, council, grades and id whatever the encoding, line endings, wrapping and footers', async () => {
    const dressing = fc.record({
      file: fc.constantFrom(...SAMPLE_FILES),
      encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
      curly: fc.boolean(),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      wrap: fc.option(fc.integer({ min: 60, max: 90 }), { nil: undefined }),
      footers: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 6 }),
      footerStyle,
    });
    await fc.assert(
      fc.asyncProperty(dressing, async (d) => {
        let text = sampleText(d.file);
        if (d.curly) text = curlyQuotes(text);
        if (d.wrap) text = hardWrap(text, d.wrap);
        text = insertFooters(text, d.footers, d.footerStyle);
        text = text.replace(/\n/g, d.newline);
        const bytes =
          d.encoding === 'utf-8'
            ? encoder.encode(text)
            : d.encoding === 'utf-8-bom'
              ? encoder.encode('\uFEFF' + text)
              : d.encoding === 'windows-1252'
                ? encodeWindows1252(text)
                : encodeUtf16(text, d.encoding === 'utf-16le' ? 'le' : 'be');
        const letter = await parseOk(bytes);
        expect(essentials(letter)).toEqual(baseline.get(d.file));
        // Same words, however encoded, wrapped or paginated: the same letter, the same id.
        if (!d.curly) expect(letter.id).toBe(baselineIds.get(d.file));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('re-labelled for another council, date and grades, reads the new ones', async () => {
    const original: Record<string, { name: string; short: string }> = {
      'coventry-2007-annual-performance-assessment.txt': { name: 'Coventry City Council', short: 'Coventry' },
      'coventry-2009-annual-rating.txt': { name: 'Coventry City Council', short: 'Coventry' },
      'leicester-2009-annual-rating.txt': { name: 'Leicester City Council', short: 'Leicester' },
      'stoke-on-trent-2009-annual-rating.txt': { name: 'Stoke-on-Trent City Council', short: 'Stoke-on-Trent' },
      'worcestershire-2009-annual-rating.txt': { name: 'Worcestershire County Council', short: 'Worcestershire' },
    };
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const variant = fc.tuple(relabelling, fc.option(fc.integer({ min: 60, max: 90 }), { nil: undefined })).map(([v, wrap]) => ({ ...v, wrap }));
    await fc.assert(
      fc.asyncProperty(variant, async (v) => {
        const base = baseline.get(v.file)!;
        const apa = base.kind === 'apa';
        const year = apa ? 2005 + v.yearPick : 2009 + (v.yearPick % 2);
        let text = relabel(sampleText(v.file), original[v.file]!, { name: v.council.officialName, short: v.council.displayName });
        const [, oldDay, oldMonth, oldYear] = /^(\d{1,2}) (\w+) (\d{4})$/m.exec(text)!;
        text = text.replace(`${oldDay} ${oldMonth} ${oldYear}`, `${v.day} ${months[v.month - 1]} ${year}`);
        let k = 0;
        if (apa) text = text.replace(/Grade [1-4]/g, () => `Grade ${v.grades[k++]}`);
        else {
          const g = v.grades[0] as GradeValue;
          text = text.replace(/(rating\t)Performs? \w+ \(\d\)/i, `$1${ANNUAL_RATING_LABELS[g]} (${g})`);
          text = text.replace(/perform (excellently|well|adequately|poorly)\./, `perform ${ANNUAL_RATING_LABELS[g].split(' ')[1]}.`);
        }
        if (v.wrap) text = hardWrap(text, v.wrap);

        const letter = await parseOk(encoder.encode(text));
        const record = matchCouncil(v.council.officialName);
        expect(letter.kind).toBe(base.kind);
        expect(letter.date).toBe(`${year}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`);
        expect(letter.council.name).toBe(v.council.officialName);
        expect(letter.council.displayName).toBe(record?.displayName);
        expect(letter.council.region).toBe(record?.region ?? null);
        const grades = letter.sections.filter((s) => s.grade).map((s) => s.grade!.grade);
        expect(grades).toEqual(apa ? v.grades : [v.grades[0]]);
        expect(letter.overall?.grade).toBe(v.grades[0]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
