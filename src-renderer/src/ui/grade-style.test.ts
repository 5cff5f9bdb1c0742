import { describe, expect, it } from 'vitest';
import { rating } from '../../../src-shared/letters/letter';
import { badgeText, gradeSentence, gradeTitle } from './grade-style';

describe('grade words', () => {
  it('shows the number and the scale’s words', () => {
    expect(badgeText(rating('apa', 3))).toBe('3 · Good');
    expect(badgeText(rating('annual-rating', 2))).toBe('2 · Performs adequately');
  });

  it('names the scale in the tooltip', () => {
    expect(gradeTitle(rating('apa', 3))).toBe('APA grade 3 of 4 (4 is best)');
    expect(gradeTitle(rating('annual-rating', 1))).toBe('Annual rating grade 1 of 4 (4 is best)');
  });

  it('says it in a sentence', () => {
    expect(gradeSentence(rating('apa', 4))).toBe('Outstanding (APA grade 4 of 4, 4 is best)');
  });
});
