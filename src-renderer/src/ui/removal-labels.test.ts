import { describe, expect, it } from 'vitest';
import { councilLabel, importLabel, lettersLabel } from './removal-labels';

const coventry = { displayName: 'Coventry' } as never;
const letter = (date: string, council = coventry) => ({ date, council });

describe('what a removal is called', () => {
  it('names one letter by its council and date, several by their number', () => {
    expect(lettersLabel([letter('2007-11-28')])).toBe("Coventry's letter of 28 November 2007");
    expect(lettersLabel([letter('2007-11-28'), letter('2009-12-09')])).toBe('2 letters of Coventry');
    expect(lettersLabel([letter('2007-11-28'), letter('2009-12-09', { displayName: 'Leeds' } as never)])).toBe('2 letters');
  });
  it("names a council's letters and an import", () => {
    expect(councilLabel({ displayName: 'Coventry', letterCount: 2 })).toBe('all 2 letters of Coventry');
    expect(councilLabel({ displayName: 'Coventry', letterCount: 1 })).toBe("Coventry's only letter");
    expect(importLabel('/home/me/letters', 1)).toBe('the import of /home/me/letters (1 letter)');
  });
});
