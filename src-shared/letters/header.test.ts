import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInText } from './header';
import { loosePattern } from './names';

/** What findInText found when its pattern held the name's ends as Unicode letter look-arounds. */
function withLookArounds(text: string, name: string): { index: number; match: string } | null {
  const found = new RegExp(`(?<![\\p{L}])${loosePattern(name)}(?![\\p{L}])`, 'iu').exec(text);
  return found ? { index: found.index, match: found[0] } : null;
}

describe('findInText', () => {
  it('finds a name only whole, in any case, with or without its apostrophes and dashes', () => {
    expect(findInText('Smithson, Director, Smith House', 'smith')).toEqual({ index: 20, match: 'Smith' });
    expect(findInText('Brownhills Council', 'Brown')).toBeNull();
    expect(findInText('Director of Children’s Services, Kingston upon Hull', 'Kingston-upon-Hull')).toEqual({ index: 33, match: 'Kingston upon Hull' });
    expect(findInText('Mr P O’Neill', "O'Neill")).toEqual({ index: 5, match: 'O’Neill' });
    expect(findInText('Brighton & Hove City Council', 'Brighton and Hove')).toEqual({ index: 0, match: 'Brighton & Hove' });
    expect(findInText('éSmith Smithé 𝐀Smith Smith', 'Smith')).toEqual({ index: 22, match: 'Smith' });
    // Letters compared as Unicode folds their case; a lone half of a pair is no letter.
    expect(findInText('ſmith', 'Smith')).toEqual({ index: 0, match: 'ſmith' });
    expect(findInText('x\udc00Smith', 'Smith')).toEqual({ index: 2, match: 'Smith' });
    // A name that may match at more than one length takes the one with no letter after it.
    expect(findInText('Smith  x', 'Smith -')).toEqual({ index: 0, match: 'Smith ' });
  });

  it('finds what the pattern with Unicode look-arounds found, for any text (property)', () => {
    const pieces = fc.constantFrom('Smith', 'smith', 'SMITH', 'ſmith', 'Kingston', '\u212Aingston', 'upon', 'Hull', 'O', '’', "'", '-', '–', ' ', '  ', ',', '&', 'and', 'é', 'ß', 'ẞ', '𝐀', '😀', '\ud835', '\udc00', '\u0345', '1', 'St', '.', 'x');
    const names = fc.constantFrom('Smith', 'Kingston upon Hull', 'Kingston-upon-Hull', "O'Neill", 'St. Helens', 'Smith and Hull', 'ß', 'x', 'é', '𝐀', 'Smith -', '– Smith', '–', "'", '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), names, (parts, name) => {
        const text = parts.join('');
        expect(findInText(text, name)).toEqual(withLookArounds(text, name));
      }),
      { numRuns: 5000 },
    );
  });
});
