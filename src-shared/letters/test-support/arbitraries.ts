/**
 * fast-check arbitraries the property tests share: bytes cut short with noise spliced in,
 * the check that any bytes give a letter or a reason, and a re-labelling of a sample letter.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import directory from '../../../resources/councils/councils.json';
import type { GradeValue, ParseOutcome } from '../letter';
import { SAMPLE_FILES } from './sample-letters';

/** One of `sources` cut short somewhere, with a burst of random bytes spliced in. */
export function cutWithNoise(sources: Uint8Array[], minLength = 0): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...sources), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.uint8Array({ maxLength: 64 }))
    .map(([bytes, keep, at, noise]) => {
      const end = Math.max(minLength, Math.floor(keep * bytes.length));
      const where = at % (end + 1);
      const out = new Uint8Array(end + noise.length);
      out.set(bytes.subarray(0, where));
      out.set(noise, where);
      out.set(bytes.subarray(where, end), where + noise.length);
      return out;
    });
}

/** What any input must give: a letter with an id and a date, or a reason that is not a crash. */
export function expectLetterOrReason(outcome: ParseOutcome): void {
  if (outcome.ok) {
    expect(outcome.letter.id).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.letter.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } else {
    expect(outcome.reason.length).toBeGreaterThan(5);
    expect(outcome.reason).not.toMatch(/parser failed/);
  }
}

const COUNCILS = (directory as { officialName: string; displayName: string }[])
  .filter((c) => c.officialName)
  .map((c) => ({ officialName: c.officialName, displayName: c.displayName }));

/** A sample letter to re-label, and what to: a real council, a day, a month, a year of its kind (picked 0 to 3) and seven grades. */
export const relabelling = fc.record({
  file: fc.constantFrom(...SAMPLE_FILES),
  council: fc.constantFrom(...COUNCILS),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  yearPick: fc.nat({ max: 3 }),
  grades: fc.array(fc.integer({ min: 1, max: 4 }).map((n) => n as GradeValue), { minLength: 7, maxLength: 7 }),
});

export type Relabelling = typeof relabelling extends fc.Arbitrary<infer T> ? T : never;

/** The year a relabelling gives a letter of this kind: 2005 to 2008 for an APA; 2009 to 2011 for a rating, the last an annual assessment. */
export function yearOf(kind: 'apa' | 'annual-rating', yearPick: number): number {
  return kind === 'apa' ? 2005 + yearPick : 2009 + (yearPick % 3);
}

/** "2009-01-05". */
export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
