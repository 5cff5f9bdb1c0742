import type { LetterKind } from './letter';
import { APA_LETTER, RATING_LETTER } from './phrases';

/** What a text is: one of the two kinds of letter, or the reason it is neither. */
export type KindResult = { ok: true; kind: LetterKind } | { ok: false; reason: string };

const APA = new RegExp(APA_LETTER, 'i');
/** The annual rating (2009, 2010), and the annual children's services assessment that followed it in 2011. */
const RATING = new RegExp(RATING_LETTER, 'i');

/**
 * Tells an annual performance assessment from a children's services annual rating (the
 * 2011 annual children's services assessment, on the same scale in the same words, counts
 * as an annual rating).
 * Each names itself near its top; when both phrases occur, the earlier one is the title.
 */
export function detectKind(text: string): KindResult {
  const apa = text.search(APA);
  const rating = text.search(RATING);
  if (apa === -1 && rating === -1) {
    return {
      ok: false,
      reason:
        "not an Ofsted children's services letter: it names neither an annual performance assessment, nor an annual rating, nor an annual children's services assessment",
    };
  }
  if (rating === -1 || (apa !== -1 && apa < rating)) return { ok: true, kind: 'apa' };
  return { ok: true, kind: 'annual-rating' };
}
