/**
 * The version of the parser, kept with every letter it reads. Raise it whenever the parser
 * reads a letter differently (a fix, a new kind, new reference data), and archives read
 * by an older version are read again from the text they keep.
 *
 * 1: letters read before the version was kept (and before their text was).
 * 2: PDFs; damaged text; the 2011 assessments; recipients and signatories in capitals;
 *    emphasis marks; mixed encodings.
 */
export const PARSER_VERSION = 2;
