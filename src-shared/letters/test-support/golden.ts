/**
 * What a person reads in each sample letter: the expected values of the golden tests.
 * Written by reading the letters, not copied from the parser, and shared by the tests of
 * the text files and of the same letters laid out as PDFs.
 */
import type { Council, GradeValue, Letter, Person, Rating } from '../letter';

export interface GoldenLetter {
  file: string;
  kind: Letter['kind'];
  date: string;
  title: string;
  council: Council;
  recipient: Person;
  signatory: Person;
  overall: Rating;
  /** Each graded section in order: its APA outcome ("rating" for an annual rating) and grade. */
  grades: [string, GradeValue][];
  /** How many warnings reading it gives. */
  warnings: number;
}

const COVENTRY: Council = { name: 'Coventry City Council', displayName: 'Coventry', code: '331', region: 'West Midlands' };
const RATING_SIGNATORY: Person = { name: 'Juliet Winstanley', role: 'Divisional Manager, CAA' };
const RATING_TITLE = "Children's services annual rating";
const ADEQUATELY: Rating = { scale: 'annual-rating', grade: 2, label: 'Performs adequately' };

export const GOLDEN_LETTERS: readonly GoldenLetter[] = [
  {
    file: 'coventry-2007-annual-performance-assessment.txt',
    kind: 'apa',
    date: '2007-11-26',
    title: '2007 annual performance assessment of services for children and young people in Coventry City Council',
    council: COVENTRY,
    recipient: { name: 'Colin Green', role: 'Director of Children, Learning and Young People' },
    signatory: { name: 'Juliet Winstanley', role: 'Divisional Manager, Local Services Inspection' },
    overall: { scale: 'apa', grade: 3, label: 'Good' },
    grades: [
      ['overall-effectiveness', 3],
      ['being-healthy', 3],
      ['staying-safe', 2],
      ['enjoying-and-achieving', 3],
      ['making-a-positive-contribution', 4],
      ['achieving-economic-well-being', 3],
      ['capacity-to-improve', 3],
    ],
    warnings: 0,
  },
  {
    file: 'coventry-2009-annual-rating.txt',
    kind: 'annual-rating',
    date: '2009-12-09',
    title: RATING_TITLE,
    council: COVENTRY,
    recipient: { name: 'Colin Green', role: 'Director of Children, Learning and Young People' },
    signatory: RATING_SIGNATORY,
    overall: { scale: 'annual-rating', grade: 3, label: 'Performs well' },
    grades: [['rating', 3]],
    warnings: 0,
  },
  {
    file: 'leicester-2009-annual-rating.txt',
    kind: 'annual-rating',
    date: '2009-12-09',
    title: RATING_TITLE,
    council: { name: 'Leicester City Council', displayName: 'Leicester', code: '856', region: 'East Midlands' },
    recipient: { name: 'Rachel Dickinson', role: "Strategic Director of Children and Young People's Services" },
    signatory: RATING_SIGNATORY,
    overall: ADEQUATELY,
    grades: [['rating', 2]],
    warnings: 0,
  },
  {
    file: 'stoke-on-trent-2009-annual-rating.txt',
    kind: 'annual-rating',
    date: '2009-12-09',
    title: RATING_TITLE,
    council: { name: 'Stoke-on-Trent City Council', displayName: 'Stoke-on-Trent', code: '861', region: 'West Midlands' },
    recipient: { name: 'Ged Rowney', role: "Director of Children's Services" },
    signatory: RATING_SIGNATORY,
    overall: ADEQUATELY,
    grades: [['rating', 2]],
    warnings: 0,
  },
  {
    file: 'worcestershire-2009-annual-rating.txt',
    kind: 'annual-rating',
    date: '2009-12-09',
    title: RATING_TITLE,
    council: { name: 'Worcestershire County Council', displayName: 'Worcestershire', code: '885', region: 'West Midlands' },
    recipient: { name: 'Gail Quinton', role: "Director of Children's Services" },
    signatory: RATING_SIGNATORY,
    overall: ADEQUATELY,
    grades: [['rating', 2]],
    // "Perform adequately (2)": the slip in the rating line is reported.
    warnings: 1,
  },
];

/** The values a golden test compares, taken from a parsed letter in the same shape. */
export function goldenView(letter: Letter): Omit<GoldenLetter, 'file'> {
  return {
    kind: letter.kind,
    date: letter.date,
    title: letter.title,
    council: letter.council,
    recipient: letter.recipient as Person,
    signatory: letter.signatory as Person,
    overall: letter.overall as Rating,
    grades: letter.sections.filter((s) => s.grade).map((s) => [s.outcome ?? 'rating', s.grade!.grade]),
    warnings: letter.warnings.length,
  };
}
