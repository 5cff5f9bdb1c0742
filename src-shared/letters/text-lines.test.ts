import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, joinWrapped, restoreApostrophes, stripMarkup } from './text-lines';

describe('restoreApostrophes', () => {
  it('puts back the apostrophes extraction lost, and leaves words that begin with an s', () => {
    expect(restoreApostrophes('Children s services')).toBe("Children's services");
    expect(restoreApostrophes('the council s.')).toBe("the council's.");
    expect(restoreApostrophes('CHILDREN S SERVICES')).toBe("CHILDREN'S SERVICES");
    expect(restoreApostrophes('the council s')).toBe("the council's");
    for (const text of ['services and schools', 'a s-bend', '5 s', '']) expect(restoreApostrophes(text)).toBe(text);
  });

  it('mends a text exactly as the two patterns do without its quick check first', () => {
    const mended = (text: string) => text.replace(/(\p{L}) s(?=[\s,.;:)!?]|$)/gmu, "$1's").replace(/(\p{Lu}{2}) S(?=[\s,.;:)!?]|$)/gmu, "$1'S");
    fc.assert(
      // Pieces, so that a letter, a space, an s and what follows meet often.
      fc.property(fc.array(fc.constantFrom('a', 'BC', 'é', ' s', ' S', 's', ' ', '\n', '\t', ',', '.', ')', '?', '-', '\u00a0', '\u2028', '\x01')).map((pieces) => pieces.join('')), (text) => {
        expect(restoreApostrophes(text)).toBe(mended(text));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});

describe('stripMarkup', () => {
  it('shows the words, not the emphasis marks a converter left around them', () => {
    expect(stripMarkup('data from the relevant *Every Child Matters* indicators')).toBe('data from the relevant Every Child Matters indicators');
    expect(stripMarkup('their own sixth *Every child matters* outcome: Supporting')).toBe('their own sixth Every child matters outcome: Supporting');
    expect(stripMarkup('**Key** points and _Areas for development_.')).toBe('Key points and Areas for development.');
    expect(stripMarkup('(*see above*)')).toBe('(see above)');
  });

  it('leaves marks that are not around words: grades, e-mail addresses, lone asterisks', () => {
    for (const text of ['five A*-C grades', 'one A*- G grade', 'Midlands_APA@ofsted.gov.uk', 'a * b * c', 'snake_case_name', '2 * 3 = 6']) {
      expect(stripMarkup(text)).toBe(text);
    }
  });
});

describe('stripMarkup over a wrapped line', () => {
  it('takes off marks whose words a hard wrap split, but not across a blank line', () => {
    expect(stripMarkup('the relevant *Every\nChild Matters* indicators')).toBe('the relevant Every\nChild Matters indicators');
    expect(stripMarkup('a *start\n\nend* b')).toBe('a *start\n\nend* b');
  });
});

/** canonicalText as it was first written: the letter ids of every archive depend on it giving the same text. */
function canonicalReference(text: string): string {
  const footer = /^\s*(?:page\s+\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s+of\s+\d+|-\s*\d+\s*-|\[?\s*\d{1,3}\s*\]?)\s*$/i;
  const parts: string[] = [];
  let previous = '';
  for (const raw of text.split('\n')) {
    if (footer.test(raw)) continue;
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length > 0 && !/\p{L}-$/u.test(previous)) parts.push(' ');
    parts.push(line);
    previous = line;
  }
  return parts.join('').replace(/\s+/g, ' ');
}

describe('canonicalText', () => {
  it('gives the text as its first version did, for any text (property)', () => {
    const pieces = fc.oneof(
      fc.constantFrom('well-', 'Well-', 'é-', '𝐀-', '\ud835-', '\udc00-', '1-', '--', ' -', 'Page 3 of 9', '- 4 -', '[12]', '\n', '\n\n', ' ', '  ', '\t', '\u00a0', '\r', '\u2028', 'being', 'Children’s services', 'ß'),
      fc.string({ maxLength: 5 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(canonicalText(text)).toBe(canonicalReference(text));
      }),
      { numRuns: 3000, seed: 20070101 },
    );
  });

  it('joins a word a hyphen split over a line end, after any letter, and keeps other line ends as spaces', () => {
    expect(canonicalText('well-\nbeing of 𝐀-\nB and 1-\n2 and é-\nx')).toBe('well-being of 𝐀-B and 1- 2 and é-x');
    expect(joinWrapped('well-', 'being')).toBe('well-being');
    expect(joinWrapped('ages 5-', '11')).toBe('ages 5- 11');
  });
});
