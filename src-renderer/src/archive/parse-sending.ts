/**
 * What the parse worker sends of a file it parsed (parse-worker.ts), apart from the worker itself
 * so that tests can send as it does; `received` (parse-client.ts) reads it on the other side.
 */
import { encodeParagraphs, paragraphsApart, withoutParagraphsApart } from './paragraph-bytes';
import type { ParsedFile, SentLetter } from './parse-messages';

const encoder = new TextEncoder();

/**
 * A file's letter as sent: as JSON (`json`, the whole letter's). For a file read (`encode`):
 * its text as UTF-8, as the archive keeps it (a copy of the file's bytes when they are that
 * already, else encoded here), so that the UI thread neither encodes it nor receives it twice;
 * and the paragraphs its row keeps apart, as kept after the text, made here from the text as
 * read, with the letter as JSON without them: the UI thread keeps the letter so, and reads a
 * fifth of the words it would otherwise.
 */
export function toSend(parsed: ParsedFile, json: string | undefined, encode: boolean): ParsedFile | SentLetter {
  if (!parsed.outcome.ok || json === undefined) return withoutFileBytes(parsed);
  const { relativePath, outcome } = parsed;
  if (!encode) return { relativePath, letterJson: json, source: outcome.source };
  // A copy of the file's bytes where they are the text's UTF-8 already: they are a view of the
  // batch's bytes, which a message could not hand over without taking every other file's too.
  const utf8 = outcome.fileUtf8 ? outcome.fileUtf8.slice() : encoder.encode(outcome.source.text);
  const sent: SentLetter = { relativePath, letterJson: json, source: { ...outcome.source, text: '' }, utf8 };
  const apart = paragraphsApart(outcome.letter);
  if (apart) {
    sent.paragraphs = encodeParagraphs(apart, outcome.source.text);
    sent.letterJson = JSON.stringify(withoutParagraphsApart(outcome.letter, apart));
  }
  return sent;
}

/** A file sent as its outcome, never with the file's bytes: a view of the whole batch, which a message would copy whole. */
function withoutFileBytes(parsed: ParsedFile): ParsedFile {
  if (!parsed.outcome.ok || !parsed.outcome.fileUtf8) return parsed;
  const outcome = { ...parsed.outcome };
  delete outcome.fileUtf8;
  return { ...parsed, outcome };
}

/** The bytes a message hands over rather than copies. */
export function handedOver(sent: ParsedFile | SentLetter): Transferable[] {
  return [sent.utf8, sent.paragraphs].flatMap((bytes) => (bytes ? [bytes.buffer] : []));
}
