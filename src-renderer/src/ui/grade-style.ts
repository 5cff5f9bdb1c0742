/** How a grade reads on screen: always its number and its scale's words, never colour alone. */
import type { GradeScale, Rating } from '../../../src-shared/letters/letter';

/** The scale's name as a person says it. */
export function scaleName(scale: GradeScale): string {
  return scale === 'apa' ? 'APA' : 'Annual rating';
}

/** "3 · Good", "2 · Performs adequately". */
export function badgeText(rating: Rating): string {
  return `${rating.grade} · ${rating.label}`;
}

/** The badge's tooltip, naming the scale: "APA grade 3 of 4 (4 is best)". */
export function gradeTitle(rating: Rating): string {
  return `${scaleName(rating.scale)} grade ${rating.grade} of 4 (4 is best)`;
}

/** A sentence for a grade, for screen readers and summaries: "Good (APA grade 3 of 4, 4 is best)". */
export function gradeSentence(rating: Rating): string {
  return `${rating.label} (${scaleName(rating.scale)} grade ${rating.grade} of 4, 4 is best)`;
}
