import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  detectSampleKind,
  findCouncilName,
  pickVariation,
  seededRandom,
  shortCouncilName,
  varyLetter,
  type LetterVariation,
} from './vary-letter';

const APA = `26 November 2007

Mr A Director
Coventry City Council
Coventry
CV1 5RS

2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN COVENTRY CITY COUNCIL

This letter summarises the findings of the 2007 annual performance assessment (APA).

Overall effectiveness of children's services

Grade 3

Being healthy Grade 3

Staying safe Grade 2

Pupils gain a higher grade at GCSE in Coventry.
`;

const RATING = `9 December 2009

Worcestershire County Council
Worcester

Children's services rating 2009

Children's services rating	Perform adequately (2)

4	Performs excellently	An organisation that significantly exceeds minimum requirements
2	Performs adequately	An organisation that meets only minimum requirements

Children's services in Worcestershire County Council perform adequately.
`;

const walsall = { officialName: 'Walsall Metropolitan Borough Council', displayName: 'Walsall' };

describe('findCouncilName', () => {
  it('reads the council from an APA title, as written in the address', () => {
    expect(findCouncilName(APA)).toEqual({ officialName: 'Coventry City Council', displayName: 'Coventry' });
  });
  it('reads the council from the annual rating sentence', () => {
    expect(findCouncilName(RATING)).toEqual({ officialName: 'Worcestershire County Council', displayName: 'Worcestershire' });
  });
  it('shortens names', () => {
    expect(shortCouncilName('Royal Borough of Greenwich')).toBe('Greenwich');
    expect(shortCouncilName('Stoke-on-Trent City Council')).toBe('Stoke-on-Trent');
    expect(shortCouncilName('Walsall Metropolitan Borough Council')).toBe('Walsall');
  });
});

describe('varyLetter', () => {
  it('puts the new council, date and grades into an APA letter', () => {
    const variation: LetterVariation = { council: walsall, date: { year: 2006, month: 3, day: 14 }, grades: [4, 1, 2] };
    const out = varyLetter(APA, variation);
    expect(out).toMatch(/^14 March 2006$/m);
    expect(out).toContain('2006 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN WALSALL METROPOLITAN BOROUGH COUNCIL');
    expect(out).toContain('the 2006 annual performance assessment');
    expect(out).toMatch(/^Walsall Metropolitan Borough Council$/m);
    expect(out).toContain('higher grade at GCSE in Walsall.');
    expect([...out.matchAll(/Grade (\d)/g)].map((m) => m[1])).toEqual(['4', '1', '2']);
    expect(out).not.toMatch(/coventry|2007/i);
  });

  it('puts the new council, date and rating into an annual rating letter, leaving the scale alone', () => {
    const variation: LetterVariation = {
      council: { officialName: 'Royal Borough of Greenwich', displayName: 'Greenwich' },
      date: { year: 2010, month: 11, day: 2 },
      grades: [4],
    };
    const out = varyLetter(RATING, variation);
    expect(out).toMatch(/^2 November 2010$/m);
    expect(out).toContain("Children's services rating 2010");
    expect(out).toContain('Perform excellently (4)');
    expect(out).toContain("Children's services in Royal Borough of Greenwich perform excellently.");
    expect(out).toContain('2\tPerforms adequately\tAn organisation');
    expect(out).toMatch(/^Worcester$/m);
    expect(out).not.toContain('Worcestershire');
  });

  it('keeps a rating word capitalised as the sample had it', () => {
    const out = varyLetter(RATING.replace('Perform adequately (2)', 'Performs Well (3)'), {
      council: walsall,
      date: { year: 2009, month: 1, day: 1 },
      grades: [1],
    });
    expect(out).toContain('Performs Poorly (1)');
  });

  it('varies every sample letter that is available', () => {
    const dir = fileURLToPath(new URL('../../../shared/letters/', import.meta.url));
    if (!existsSync(dir)) return;
    const random = seededRandom(7);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const from = findCouncilName(text);
      expect(from, name).not.toBeNull();
      const variation = pickVariation(random, detectSampleKind(text), [walsall]);
      const out = varyLetter(text, variation);
      expect(out, name).toContain('Walsall Metropolitan Borough Council');
      expect(out, name).not.toContain(from?.officialName);
      expect(out, name).toContain(`${variation.date.day} `);
      expect(out, name).toContain(String(variation.date.year));
    }
  });
});

describe('pickVariation', () => {
  it('keeps years within each kind and is repeatable from a seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => pickVariation(seededRandom(i), i % 2 ? 'apa' : 'annual-rating', [walsall]));
    const b = Array.from({ length: 50 }, (_, i) => pickVariation(seededRandom(i), i % 2 ? 'apa' : 'annual-rating', [walsall]));
    expect(a).toEqual(b);
    a.forEach((v, i) => {
      const [lo, hi] = i % 2 ? [2005, 2008] : [2009, 2011];
      expect(v.date.year).toBeGreaterThanOrEqual(lo);
      expect(v.date.year).toBeLessThanOrEqual(hi);
      expect(v.grades).toHaveLength(i % 2 ? 7 : 1);
    });
  });
});
