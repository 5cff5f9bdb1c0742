/**
 * Layout options spread the way real letters' PDFs differ, for corpora and property tests:
 * type sizes, column widths, where pages break, running headers, and how the text is cut
 * into text-showing operations.
 */
import type { LetterPdfOptions } from './letter-pdf';

/** Options for one letter, drawn from `random`; the same sequence gives the same options. */
export function variedLetterPdfOptions(random: () => number): LetterPdfOptions {
  const seed = Math.floor(random() * 0x1_0000_0000);
  // Half the letters have whole lines, as most real PDFs do; the rest test re-joining.
  const cut = random();
  const fragments = cut < 0.5 ? 'line' : cut < 0.75 ? 'word' : 'pieces';
  return {
    seed,
    fontSize: 9.5 + Math.floor(random() * 6) * 0.5,
    columnWidth: 400 + Math.round(random() * 70),
    fragments,
    bottomShift: random() < 0.5 ? 0 : Math.round(random() * 120),
    runningHeader: random() < 0.3,
  };
}
