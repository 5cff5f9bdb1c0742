/**
 * The letter summary, built from the real sample letters. Expected values were read off the
 * letters themselves (see the golden tests in src-shared/letters).
 */
import { describe, expect, it } from 'vitest';
import { letterSummary } from './letter-summary';
import { COVENTRY_2007, COVENTRY_2009, LEICESTER_2009, parseSample } from './test-support/parsed-samples';

describe('the summary of the Coventry 2007 annual performance assessment', async () => {
  const summary = letterSummary(await parseSample(COVENTRY_2007));

  it('names the council, the date, the kind and the people', () => {
    expect(summary.title).toBe('Letter summary: Coventry, 26 November 2007');
    expect(summary.fileName).toBe('Coventry - letter summary - 2007-11-26.pdf');
    expect(summary.council.name).toBe('Coventry City Council');
    expect(summary.council.region).toBe('West Midlands');
    expect(summary.letter).toMatchObject({ date: '2007-11-26', dateText: '26 November 2007', kindText: 'Annual performance assessment', source: 'letter of 26 November 2007' });
    expect(summary.recipient).toBe('Colin Green, Director of Children, Learning and Young People');
    expect(summary.signatory).toBe('Juliet Winstanley, Divisional Manager, Local Services Inspection');
  });

  it('gives the overall rating and the seven graded sections with their scale’s words', () => {
    expect(summary.overall).toEqual({ scale: 'apa', grade: 3, label: 'Good' });
    expect(summary.grades.map((g) => [g.name, g.rating?.grade, g.rating?.label])).toEqual([
      ['Overall effectiveness', 3, 'Good'],
      ['Being healthy', 3, 'Good'],
      ['Staying safe', 2, 'Adequate'],
      ['Enjoying and achieving', 3, 'Good'],
      ['Making a positive contribution', 4, 'Outstanding'],
      ['Achieving economic well-being', 3, 'Good'],
      ['Capacity to improve', 3, 'Good'],
    ]);
  });

  it('groups the recommendations by timescale, each with its section', () => {
    expect(summary.recommendations.map((g) => [g.name, g.items.map((i) => i.section)])).toEqual([
      ['In the next six months', ['Being healthy', 'Staying safe', 'Capacity to improve, including the management of services for children and young people']],
      ['In the longer term', ['Enjoying and achieving', 'Capacity to improve, including the management of services for children and young people']],
    ]);
    const longer = summary.recommendations[1]!.items[0]!;
    expect(longer.text).toBe('Maintain and further improve educational outcomes for all children and young people by:');
    expect(longer.items).toHaveLength(3);
    expect(summary.recommendations[0]!.items[0]!.text).toBe('Develop a strategy for CAMHS to ensure effective planning and delivery of services.');
  });

  it('lists the eight areas for development in the letter’s order', () => {
    expect(summary.areasForDevelopment).toHaveLength(8);
    expect(summary.areasForDevelopment[0]).toEqual({
      text: 'Ensure that performance measures for children in need services are consistently monitored.',
      items: [],
      section: 'Staying safe',
    });
    expect(summary.areasForDevelopment.map((a) => a.section)).toEqual([
      'Staying safe', 'Staying safe', 'Staying safe', 'Staying safe',
      'Enjoying and achieving', 'Enjoying and achieving',
      'Making a positive contribution',
      'Capacity to improve, including the management of services for children and young people',
    ]);
  });

  it('has no rating paragraphs: those belong to annual ratings', () => {
    expect(summary.rating).toBeNull();
  });
});

describe('the summary of an annual rating', () => {
  it('gives the rating with its words and the rating paragraphs', async () => {
    const summary = letterSummary(await parseSample(COVENTRY_2009));
    expect(summary.title).toBe('Letter summary: Coventry, 9 December 2009');
    expect(summary.fileName).toBe('Coventry - letter summary - 2009-12-09.pdf');
    expect(summary.letter.kindText).toBe('Annual rating');
    expect(summary.overall).toEqual({ scale: 'annual-rating', grade: 3, label: 'Performs well' });
    expect(summary.grades).toEqual([{ name: "Children's services rating 2009", rating: summary.overall }]);
    expect(summary.rating?.heading).toBe("Children's services rating 2009");
    expect(summary.rating?.blocks[0]).toEqual({ type: 'paragraph', text: "Children's services in Coventry City Council perform well." });
    expect(summary.rating?.blocks).toHaveLength(5);
    expect(summary.recommendations).toEqual([]);
    expect(summary.areasForDevelopment).toEqual([]);
  });

  it('reads Leicester as performing adequately', async () => {
    const summary = letterSummary(await parseSample(LEICESTER_2009));
    expect(summary.title).toBe('Letter summary: Leicester, 9 December 2009');
    expect(summary.overall?.label).toBe('Performs adequately');
    expect(summary.recipient).toBe("Rachel Dickinson, Strategic Director of Children and Young People's Services");
  });
});
