/**
 * Property tests: re-labelled letters damaged in each of the ways the sample letters'
 * README lists, alone and together, read back the kind, date, council and grades put in,
 * and name the person they were sent to and the person who signed them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCouncil } from '../../src-shared/letters/councils';
import { parseLetter } from '../../src-shared/letters/parse-letter';
import { isoOf, relabelling, yearOf } from '../../src-shared/letters/test-support/arbitraries';
import { GOLDEN_LETTERS } from '../../src-shared/letters/test-support/golden';
import { SAMPLE_FILES, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { DAMAGES, FOOTER_STYLES, damageLetter, type Damage, type DamagePlan } from './damage';
import { detectSampleKind, findCouncilName, varyLetter } from './vary-letter';

const RUNS = 1000;
const SEED = 20100301;
const samples = new Map(SAMPLE_FILES.map((file) => [file, { text: sampleText(file), kind: detectSampleKind(sampleText(file)) }]));

const variant = fc.tuple(
  relabelling,
  fc.record({
    wrap: fc.integer({ min: 60, max: 90 }),
    footers: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 5 }),
    footerStyle: fc.nat({ max: FOOTER_STYLES.length - 1 }),
    utf16Order: fc.constantFrom('le' as const, 'be' as const),
  }),
);

type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;

async function readsBack([v, details]: Variant, damages: Damage[]): Promise<void> {
  const sample = samples.get(v.file)!;
  const apa = sample.kind === 'apa';
  const year = yearOf(sample.kind, v.yearPick);
  const text = varyLetter(sample.text, { council: v.council, date: { year, month: v.month, day: v.day }, grades: v.grades }, findCouncilName(sample.text) ?? undefined);
  const plan: DamagePlan = { damages, ...details };
  const outcome = await parseLetter(damageLetter(text, plan));
  if (!outcome.ok) throw new Error(`${v.file} damaged by ${damages.join(', ')} was refused: ${outcome.reason}`);
  const letter = outcome.letter;
  const record = matchCouncil(v.council.officialName);
  expect(letter.kind).toBe(sample.kind);
  expect(letter.date).toBe(isoOf(year, v.month, v.day));
  // Capitals lose how the name was written; the name itself must be the one put in.
  expect(letter.council.name.toLowerCase()).toBe(v.council.officialName.toLowerCase());
  expect(letter.council.displayName).toBe(record?.displayName);
  expect(letter.council.region).toBe(record?.region ?? null);
  expect(letter.sections.filter((s) => s.grade).map((s) => s.grade!.grade)).toEqual(apa ? v.grades : [v.grades[0]]);
  expect(letter.overall?.grade).toBe(v.grades[0]);
  const golden = GOLDEN_LETTERS.find((g) => g.file === v.file)!;
  expect(letter.recipient?.name.toLowerCase()).toBe(golden.recipient.name.toLowerCase());
  expect(letter.signatory?.name.toLowerCase()).toBe(golden.signatory.name.toLowerCase());
}

describe('re-labelled letters damaged as text extraction damages them', () => {
  for (const damage of DAMAGES) {
    it(`read back what was put in, damaged by ${damage} alone`, async () => {
      await fc.assert(
        fc.asyncProperty(variant, (v) => readsBack(v, [damage])),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }

  it('read back what was put in, with any of the damage together', async () => {
    const some = fc.subarray([...DAMAGES], { minLength: 2 });
    await fc.assert(
      fc.asyncProperty(variant, some, (v, damages) => readsBack(v, damages)),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
