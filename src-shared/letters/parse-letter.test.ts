/**
 * Golden tests: each sample letter parses to what a person reads in it.
 * The expected values were written by reading the letters, not copied from the parser.
 */
import { describe, expect, it } from 'vitest';
import type { Letter, Section } from './letter';
import { parseLetter, parseLetterText } from './parse-letter';
import { GOLDEN_LETTERS, goldenView } from './test-support/golden';
import { sampleBytes, sampleText } from './test-support/sample-letters';

async function parseSample(name: string): Promise<Letter> {
  const outcome = await parseLetter(sampleBytes(name));
  if (!outcome.ok) throw new Error(`${name} did not parse: ${outcome.reason}`);
  return outcome.letter;
}

function section(letter: Letter, outcome: Section['outcome']): Section {
  const found = letter.sections.find((s) => s.outcome === outcome);
  if (!found) throw new Error(`no ${outcome} section`);
  return found;
}

function allText(s: Section): string {
  return s.paragraphs.map((b) => (b.type === 'paragraph' ? b.text : b.items.join('\n'))).join('\n');
}

describe('Coventry 2007 annual performance assessment', async () => {
  const letter = await parseSample('coventry-2007-annual-performance-assessment.txt');

  it('reads the kind, date, council and people, and every grade', () => {
    const { file, ...want } = GOLDEN_LETTERS.find((g) => g.kind === 'apa')!;
    expect(file).toBe('coventry-2007-annual-performance-assessment.txt');
    expect(goldenView(letter)).toEqual(want);
    expect(letter.year).toBe(2007);
    expect(letter.warnings).toEqual([]);
  });

  it('reads the overall grade on the APA scale', () => {
    expect(letter.overall).toEqual({ scale: 'apa', grade: 3, label: 'Good' });
  });

  it('finds the seven graded sections in order with their grades', () => {
    const graded = letter.sections.filter((s) => s.outcome).map((s) => [s.outcome, s.grade?.grade, s.grade?.label]);
    expect(graded).toEqual([
      ['overall-effectiveness', 3, 'Good'],
      ['being-healthy', 3, 'Good'],
      ['staying-safe', 2, 'Adequate'],
      ['enjoying-and-achieving', 3, 'Good'],
      ['making-a-positive-contribution', 4, 'Outstanding'],
      ['achieving-economic-well-being', 3, 'Good'],
      ['capacity-to-improve', 3, 'Good'],
    ]);
    expect(section(letter, 'capacity-to-improve').heading).toBe(
      'Capacity to improve, including the management of services for children and young people',
    );
    expect(letter.sections.every((s) => s.grade === undefined || s.grade.scale === 'apa')).toBe(true);
  });

  it('keeps recommendations with their timescales', () => {
    expect(section(letter, 'being-healthy').recommendations).toEqual([
      {
        timescale: 'next-six-months',
        text: 'Develop a strategy for CAMHS to ensure effective planning and delivery of services.',
        items: [],
      },
    ]);
    expect(section(letter, 'staying-safe').recommendations).toEqual([
      {
        timescale: 'next-six-months',
        text: 'Ensure good practice in social care is consistent in all areas, including the use of police powers in relation to child protection.',
        items: [],
      },
    ]);
    expect(section(letter, 'enjoying-and-achieving').recommendations).toEqual([
      {
        timescale: 'longer-term',
        text: 'Maintain and further improve educational outcomes for all children and young people by:',
        items: [
          'Improving the success rates for young people, especially those aged 16 and those looked after by the council, so that more are able to progress to higher education.',
          'Expanding the range of vocational education options, especially at Level 1.',
          'Improving the capacity of the education welfare service to support further improvements in school attendance.',
        ],
      },
    ]);
    expect(section(letter, 'capacity-to-improve').recommendations).toEqual([
      {
        timescale: 'next-six-months',
        text: 'Ensure that medium to long-term financial planning by all partners identifies the resources necessary, including those to be delegated to the Commissioning Trust, to meet the needs of children and young people in Coventry and to deliver the priorities in the CYPP.',
        items: [],
      },
      {
        timescale: 'longer-term',
        text: 'Improve the processes for assessing the value for money of services for young people by linking resources to outcomes.',
        items: [],
      },
    ]);
    for (const outcome of ['making-a-positive-contribution', 'achieving-economic-well-being'] as const) {
      expect(section(letter, outcome).recommendations).toEqual([]);
    }
  });

  it('keeps the areas for development as lists', () => {
    expect(section(letter, 'staying-safe').areasForDevelopment).toEqual([
      'Ensure that performance measures for children in need services are consistently monitored.',
      'Improve the numbers and timeliness of initial and core assessments.',
      'Ensure all looked after children are allocated to qualified social workers.',
      'Improve the number of looked after children being placed for adoption.',
    ]);
    expect(section(letter, 'enjoying-and-achieving').areasForDevelopment).toEqual([
      "Improve the way young people's achievements other than academic ones are recorded.",
      'Improve the rate of progress at Key Stage 4.',
    ]);
    expect(section(letter, 'making-a-positive-contribution').areasForDevelopment).toEqual([
      "Ensure that young people's charity work, especially that which supports their local community, is recorded and celebrated.",
    ]);
    expect(section(letter, 'capacity-to-improve').areasForDevelopment).toEqual([
      'Include more regular measurable targets in the CYPP.',
    ]);
    expect(section(letter, 'being-healthy').areasForDevelopment).toEqual([]);
  });

  it('mends sentences split by page breaks and keeps signatures out of the text', () => {
    const healthy = allText(section(letter, 'being-healthy'));
    expect(healthy).toContain('A number of good initiatives are in place to help reduce the figures');
    expect(allText(section(letter, 'making-a-positive-contribution'))).toContain('aged between 13 and 19, significantly above');
    const everything = letter.sections.map(allText).join('\n');
    expect(everything).not.toMatch(/Winstarley|Yours sincerely|Dear Mr Green|\*Every/);
    expect(everything).toContain('their own sixth Every child matters outcome');
    expect(section(letter, 'being-healthy').paragraphs.every((b) => b.type === 'paragraph')).toBe(true);
  });
});

describe('children’s services annual ratings of 2009', () => {
  for (const { file, ...want } of GOLDEN_LETTERS.filter((g) => g.kind === 'annual-rating')) {
    it(`reads ${file}`, async () => {
      const letter = await parseSample(file);
      expect(goldenView(letter)).toEqual(want);
      expect(letter.year).toBe(2009);

      const ratingSection = letter.sections.find((s) => s.grade);
      expect(ratingSection?.heading).toBe("Children's services rating 2009");
      expect(ratingSection?.grade).toEqual(letter.overall);
      const first = ratingSection?.paragraphs[0];
      expect(first).toEqual({
        type: 'paragraph',
        text: `Children's services in ${want.council.name} perform ${want.overall.label.split(' ')[1]}.`,
      });
      const text = letter.sections.map(allText).join('\n');
      expect(text).not.toMatch(/Winstarley|-----|\*/);
    });
  }

  it('puts the collapsed scale table of the Leicester letter back into four rows after its introduction', async () => {
    const letter = await parseSample('leicester-2009-annual-rating.txt');
    const intro = letter.sections[0]!;
    const at = intro.paragraphs.findIndex((b) => b.type === 'paragraph' && b.text === 'The annual rating derives from a four point scale:');
    expect(at).toBeGreaterThan(-1);
    expect(intro.paragraphs[at + 1]).toEqual({
      type: 'list',
      items: [
        '4 · Performs excellently: An organisation that significantly exceeds minimum requirements',
        '3 · Performs well: An organisation that exceeds minimum requirements',
        '2 · Performs adequately: An organisation that meets only minimum requirements',
        '1 · Performs poorly: An organisation that does not meet minimum requirements',
      ],
    });
  });

  it('reports the slip in the Worcestershire rating line', async () => {
    const letter = await parseSample('worcestershire-2009-annual-rating.txt');
    expect(letter.warnings[0]).toContain('Perform adequately (2)');
  });
});

describe('files that are not letters', () => {
  it('gives a reason a person understands', async () => {
    const enc = new TextEncoder();
    expect(await parseLetter(new Uint8Array())).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(await parseLetter(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]))).toEqual({
      ok: false,
      reason: expect.stringMatching(/binary/),
    });
    expect(await parseLetter(enc.encode('Shopping list\n\nmilk, eggs, bread'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/not an Ofsted/),
    });
    const notes = [
      '# Sample letters',
      '| file | kind | date |',
      '| coventry-2007.txt | annual performance assessment (APA) | 26 November 2007 | Coventry City Council | Grade 3 |',
    ].join('\n');
    expect(await parseLetter(enc.encode(notes))).toEqual({ ok: false, reason: expect.stringMatching(/not a letter/) });
    expect(await parseLetter(enc.encode("Children's services annual rating\n\nChildren's services in Leicester City Council perform well."))).toEqual({
      ok: false,
      reason: 'no date was found in the letter',
    });
  });
});

describe('rules beyond the samples', () => {
  it('reads a heading in capitals with its grade on the same line, and warns on a grade outside 1 to 4', async () => {
    const text = [
      '3 March 2006',
      'Ms Ann Example\nDirector of Children’s Services\nWalsall Metropolitan Borough Council\nCivic Centre',
      'Dear Ms Example',
      '2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WALSALL METROPOLITAN BOROUGH COUNCIL',
      'OVERALL EFFECTIVENESS OF CHILDREN S SERVICES GRADE 2',
      'The council delivers adequate services.',
      'BEING HEALTHY GRADE 7',
      'Children are mostly healthy.',
      'Yours sincerely',
      'Ann Inspector\nDivisional Manager',
    ].join('\n\n');
    const outcome = await parseLetterText(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    const letter = outcome.letter;
    expect(letter.council).toMatchObject({ name: 'Walsall Metropolitan Borough Council', displayName: 'Walsall', region: 'West Midlands' });
    expect(letter.overall).toEqual({ scale: 'apa', grade: 2, label: 'Adequate' });
    expect(letter.sections.map((s) => s.heading)).toEqual(["Overall effectiveness of children's services", 'Being healthy']);
    expect(letter.sections[1]!.grade).toBeUndefined();
    expect(letter.warnings.join('\n')).toMatch(/grade 7 is outside the scale of 1 to 4/);
    expect(letter.warnings.join('\n')).toMatch(/no "Staying safe" section/);
    expect(letter.recipient).toEqual({ name: 'Ann Example', role: 'Director of Children’s Services' });
    expect(letter.signatory).toEqual({ name: 'Ann Inspector', role: 'Divisional Manager' });
  });

  it('reads the recipient whether the greeting names a surname, a first name or a post, and never makes a name of a post', async () => {
    const letterTo = (address: string, greeting: string) =>
      ['9 December 2009', address, greeting, "Children's services annual rating", "Children's services rating\tPerforms well (3)", "Children's services in Walsall Metropolitan Borough Council perform well."].join('\n\n');
    const cases: [string, string, { name: string; role: string } | null][] = [
      ['Mr Colin Green\nDirector of Children’s Services\nWalsall Council', 'Dear Colin,', { name: 'Colin Green', role: 'Director of Children’s Services' }],
      ['Mr Colin Green Director of Children’s Services Walsall Council', 'Dear Colin', { name: 'Colin Green', role: 'Director of Children’s Services' }],
      ['Mr Colin Green\nWalsall Metropolitan Borough Council\nCivic Centre', 'Dear Colin,', { name: 'Colin Green', role: '' }],
      ['Mr Colin Green\nChildren’s Services Director\nWalsall Council', 'Dear Colin,', { name: 'Colin Green', role: 'Children’s Services Director' }],
      ['Mr Colin Green\nDirector of Children’s Services\nWalsall Council', 'Dear Director', { name: 'Colin Green', role: 'Director of Children’s Services' }],
      ['Mr Colin Green\nDirector of Children’s Services\nWalsall Council', 'Dear Mr Green', { name: 'Colin Green', role: 'Director of Children’s Services' }],
      ['The Director of Children’s Services, Walsall Metropolitan Borough Council, Civic Centre, Darwall Street, Walsall', 'Dear Director', null],
    ];
    for (const [address, greeting, recipient] of cases) {
      const outcome = await parseLetterText(letterTo(address, greeting));
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.letter.recipient, `${greeting} / ${address}`).toEqual(recipient);
      if (!recipient) expect(outcome.letter.warnings).toContain('no recipient was found in the address');
    }
  });

  it('reads a 2011 annual children’s services assessment as an annual rating of 2011, in capitals and without apostrophes too', async () => {
    const letter2011 = [
      '7 November 2011',
      'Mrs Ann Example\nDirector of Children’s Services\nWalsall Metropolitan Borough Council',
      'Dear Mrs Example',
      'Annual children’s services assessment',
      'The annual assessment derives from a four point scale:',
      '4\tPerforms excellently\tAn organisation that significantly exceeds minimum requirements',
      'Children’s services assessment 2011',
      'Children’s services assessment\tPerforms well (3)',
      'Children’s services in Walsall Metropolitan Borough Council perform well.',
      'Yours sincerely',
      'Ann Inspector\nDivisional Manager',
    ].join('\n\n');
    for (const text of [letter2011, letter2011.replace(/’/g, ' ').toUpperCase()]) {
      const outcome = await parseLetterText(text);
      if (!outcome.ok) throw new Error(outcome.reason);
      const letter = outcome.letter;
      expect(letter).toMatchObject({ kind: 'annual-rating', date: '2011-11-07', year: 2011, warnings: [] });
      expect(letter.title).toMatch(/^Annual children.s services assessment$/i);
      expect(letter.council.displayName).toBe('Walsall');
      expect(letter.overall).toEqual({ scale: 'annual-rating', grade: 3, label: 'Performs well' });
      expect(letter.sections.find((s) => s.grade)?.heading).toMatch(/^Children.s services assessment 2011$/i);
    }
  });

  it('reads a signatory in capitals in the usual case, keeping honours and posts in capitals', async () => {
    const closing = (lines: string[]) =>
      ['9 December 2009', 'Dear Mr Example', "Children's services annual rating", "Children's services rating\tPerforms well (3)", "Children's services in Walsall Metropolitan Borough Council perform well.", 'Yours sincerely', ...lines].join('\n\n');
    const cases: [string[], { name: string; role: string }][] = [
      [['CHRISTINE GILBERT CBE', 'HER MAJESTY’S CHIEF INSPECTOR'], { name: 'Christine Gilbert', role: 'CBE, Her Majesty’s Chief Inspector' }],
      [['Jane Smith', 'HMI'], { name: 'Jane Smith', role: 'HMI' }],
      [['JULIET WINSTANLEY DIVISIONAL MANAGER, CAA'], { name: 'Juliet Winstanley', role: 'Divisional Manager, CAA' }],
    ];
    for (const [lines, signatory] of cases) {
      const outcome = await parseLetterText(closing(lines));
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.letter.signatory, lines.join(' / ')).toEqual(signatory);
    }
  });

  it('keeps an APA letter an APA letter though it mentions a children’s services assessment before its title', async () => {
    const text = sampleText('coventry-2007-annual-performance-assessment.txt').replace(
      'Dear Mr Green',
      'Dear Mr Green\n\nFurther to the children’s services assessment meeting in October,',
    );
    const outcome = await parseLetterText(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.letter.kind).toBe('apa');
  });

  it('keeps an unmatched council by name and warns', async () => {
    const text = [
      '9 December 2009',
      'Dear Mr Example',
      "Children's services annual rating",
      "Children's services rating\tPerforms well (3)",
      "Children's services in Bedfordshire County Council perform well.",
    ].join('\n\n');
    const outcome = await parseLetterText(text);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.letter.council).toEqual({ name: 'Bedfordshire County Council', displayName: 'Bedfordshire', code: null, region: null });
    expect(outcome.letter.warnings.join('\n')).toMatch(/not in the reference list/);
    expect(outcome.letter.overall).toEqual({ scale: 'annual-rating', grade: 3, label: 'Performs well' });
  });

  it('gives the same id to the same letter with other line endings and encodings', async () => {
    const text = new TextDecoder().decode(sampleBytes('stoke-on-trent-2009-annual-rating.txt'));
    const a = await parseLetterText(text);
    const b = await parseLetter(new TextEncoder().encode(text.replace(/\n/g, '\r\n')));
    const other = await parseLetter(sampleBytes('leicester-2009-annual-rating.txt'));
    if (!a.ok || !b.ok || !other.ok) throw new Error('did not parse');
    expect(a.letter.id).toMatch(/^[0-9a-f]{64}$/);
    expect(b.letter.id).toBe(a.letter.id);
    expect(other.letter.id).not.toBe(a.letter.id);
  });
});
