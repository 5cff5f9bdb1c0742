import { describe, expect, it } from 'vitest';
import { stripMarkup } from './text-lines';

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
