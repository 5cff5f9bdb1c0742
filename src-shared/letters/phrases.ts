/**
 * The phrases that name the kinds of letter, as regular-expression sources the parser's
 * rules share. Lost apostrophes are mended before any rule runs (parse-letter.ts), but a
 * file may also write "childrens" or "children`s", so the apostrophe and the s are loose.
 */

/** "children's services", however the apostrophe came out. */
export const CHILDRENS_SERVICES = "children['’`]?s?\\s+services";

/** What an annual rating letter calls itself, or the annual assessment that replaced it in 2011. */
export const RATING_LETTER = String.raw`(?:${CHILDRENS_SERVICES}\s+(?:annual\s+)?rating|annual\s+${CHILDRENS_SERVICES}\s+assessment)`;

/** What an annual performance assessment calls itself. */
export const APA_LETTER = String.raw`annual\s+performance\s+assessment`;

/** The rating, in the letter's words: "Children's services rating", or in 2011 "Children's services assessment". */
export const RATING_NAME = String.raw`${CHILDRENS_SERVICES}\s+(?:rating|assessment)`;
