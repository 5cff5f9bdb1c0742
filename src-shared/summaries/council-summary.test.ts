/** The council summary, built from the two Coventry sample letters. */
import { describe, expect, it } from 'vitest';
import { councilSummary } from './council-summary';
import { COVENTRY_2007, COVENTRY_2009, parseSample } from './test-support/parsed-samples';

describe('the summary of Coventry', async () => {
  const apa = await parseSample(COVENTRY_2007);
  const rating = await parseSample(COVENTRY_2009);
  // Newest first, as the archive hands them over: the summary puts them in date order.
  const summary = councilSummary([rating, apa]);
  if (!summary) throw new Error('no summary');

  it('names the council and what it covers', () => {
    expect(summary.title).toBe('Council summary: Coventry');
    expect(summary.fileName).toBe('Coventry - council summary.pdf');
    expect(summary.council.name).toBe('Coventry City Council');
    expect(summary.extent).toBe('2 letters, 2007 to 2009');
  });

  it('lists every letter oldest first with its overall rating and its judgement', () => {
    expect(summary.letters.map((l) => [l.letter.dateText, l.letter.kindText, l.overall?.label])).toEqual([
      ['26 November 2007', 'Annual performance assessment', 'Good'],
      ['9 December 2009', 'Annual rating', 'Performs well'],
    ]);
    expect(summary.letters[0]!.judgement?.heading).toBe("Overall effectiveness of children's services");
    expect(summary.letters[1]!.judgement?.blocks[0]).toEqual({ type: 'paragraph', text: "Children's services in Coventry City Council perform well." });
  });

  it('tabulates the APA outcomes by year, then the annual ratings', () => {
    expect(summary.apaGrades?.columns.map((c) => c.year)).toEqual([2007]);
    expect(summary.apaGrades?.rows.map((r) => [r.name, r.ratings.map((g) => g?.grade)])).toEqual([
      ['Overall effectiveness', [3]],
      ['Being healthy', [3]],
      ['Staying safe', [2]],
      ['Enjoying and achieving', [3]],
      ['Making a positive contribution', [4]],
      ['Achieving economic well-being', [3]],
      ['Capacity to improve', [3]],
    ]);
    expect(summary.annualRatings.map((r) => [r.letter.year, r.rating?.grade, r.rating?.label])).toEqual([[2009, 3, 'Performs well']]);
  });

  it('takes the latest areas for development and recommendations from the newest letter that has them, and says which', () => {
    // The 2009 annual rating has none, so both come from the 2007 letter.
    expect(summary.areasForDevelopment?.from.source).toBe('letter of 26 November 2007');
    expect(summary.areasForDevelopment?.items).toHaveLength(8);
    expect(summary.areasForDevelopment?.items[1]?.text).toBe('Improve the numbers and timeliness of initial and core assessments.');
    expect(summary.recommendations?.from.source).toBe('letter of 26 November 2007');
    expect(summary.recommendations?.items.map((g) => g.items.length)).toEqual([3, 2]);
  });
});

describe('a council with only an annual rating', () => {
  it('has no APA table and nothing outstanding', async () => {
    const summary = councilSummary([await parseSample(COVENTRY_2009)]);
    expect(summary?.extent).toBe('1 letter, 2009');
    expect(summary?.apaGrades).toBeNull();
    expect(summary?.areasForDevelopment).toBeNull();
    expect(summary?.recommendations).toBeNull();
  });

  it('gives no summary without letters', () => {
    expect(councilSummary([])).toBeNull();
  });
});
