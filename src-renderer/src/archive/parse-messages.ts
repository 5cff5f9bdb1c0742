/** Messages between the import and its parse worker. Types only. */
import type { LetterText, ParseOutcome } from '../../../src-shared/letters/letter';
import type { KeptLetter } from './db';

/** A file to read, or a letter's kept text to read again (its "path" is then the letter's id). */
export type ParseItem = { relativePath: string; bytes: Uint8Array } | { relativePath: string; text: LetterText };

export interface ParsedFile {
  relativePath: string;
  outcome: ParseOutcome;
  /**
   * A letter's text as UTF-8, as the archive keeps it: the worker encodes the text of a file it
   * read (or copies the file's bytes, when they are that already), off the UI thread, and hands
   * the bytes over; the outcome's text is then empty.
   */
  utf8?: Uint8Array;
  /** With `utf8`: the paragraphs the letter's row keeps apart, as kept after its text (paragraph-bytes.ts); none when it keeps none apart. */
  paragraphs?: Uint8Array;
  /**
   * With `paragraphs`: the letter as its row keeps it, without those paragraphs. `outcome.letter`
   * is then the letter whole, made from these on first reading, which an import never needs to.
   */
  kept?: KeptLetter;
}

/**
 * A letter read as the worker sends it: the letter as JSON text (letter-json.ts), which costs
 * far less to send than the object, and makes its strings compact when parsed on arrival.
 */
export interface SentLetter {
  relativePath: string;
  /** The letter as JSON; with `paragraphs`, without the paragraphs they hold (a KeptLetter). */
  letterJson: string;
  source: LetterText;
  utf8?: Uint8Array;
  paragraphs?: Uint8Array;
}

/** A file of a request: a file read is its place in the request's bytes (parse-request.ts). */
export type RequestedItem = { relativePath: string; at: number; length: number } | { relativePath: string; text: LetterText };

export interface ParseRequest {
  id: number;
  files: RequestedItem[];
  /** The bytes of the files read, end to end, handed over with the request. */
  bytes: ArrayBuffer;
}

/** Sent once to a new worker: where to send the letters it reads for the search index to stage (search-client.ts). */
export interface ParseWorkerSetup {
  stagingPort: MessagePort;
}

/**
 * The worker answers each file as soon as it is parsed, in order, then says the request is
 * done: so a file that stalls or crashes the worker is known, and costs only itself.
 */
export type ParseReply =
  | { id: number; index: number; parsed: ParsedFile | SentLetter }
  | { id: number; done: true }
  | { id: number; error: string };
