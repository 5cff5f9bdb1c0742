/**
 * The import's parse worker: letter files are untrusted input, so they are parsed here,
 * off the UI thread and inside the sandboxed renderer. Nothing thrown here escapes:
 * a file the parser chokes on comes back as that file's failure.
 */
import type { ParseOutcome } from '../../../src-shared/letters/letter';
import { compactLetter } from '../../../src-shared/letters/compact-letter';
import { parserFailure } from '../../../src-shared/letters/parse-letter';
import { parseLetterFile } from '../../../src-shared/letters/parse-letter-file';
import { reparseLetter } from '../../../src-shared/letters/reparse';
import type { PdfReader } from '../../../src-shared/pdf/pdf-text';
import { councilKeyOf, type Letter } from '../../../src-shared/letters/letter';
import type { IndexedLetter } from '../search/search-index';
import type { StagedLetters } from '../search/search-messages';
import type { ParseItem, ParseReply, ParseRequest, ParseWorkerSetup, ParsedFile } from './parse-messages';

/** The little of a worker's global scope this file uses (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest | ParseWorkerSetup>) => void): void;
  postMessage(message: ParseReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let pdfReader: Promise<PdfReader> | null = null;

/** pdf.js is loaded on the first PDF, so that reading text files never pays for it. */
const readPdf: PdfReader = async (bytes) => {
  pdfReader ??= import('./pdf-reader').then((module) => module.readPdfHere);
  return (await pdfReader)(bytes);
};

const encoder = new TextEncoder();

/**
 * A file's letter with its text encoded as UTF-8 here, as the archive keeps it, so that the
 * UI thread neither encodes it nor receives it twice.
 */
function withUtf8(parsed: ParsedFile): ParsedFile {
  if (!parsed.outcome.ok) return parsed;
  const { source } = parsed.outcome;
  return { ...parsed, outcome: { ...parsed.outcome, source: { ...source, text: '' } }, utf8: encoder.encode(source.text) };
}

async function parseOne(file: Partial<ParseItem>): Promise<ParsedFile> {
  const relativePath = String(file.relativePath);
  let outcome: ParseOutcome;
  try {
    if ('bytes' in file && file.bytes instanceof Uint8Array) outcome = await parseLetterFile(file.bytes, readPdf);
    else if ('text' in file && typeof file.text?.text === 'string') outcome = await reparseLetter(file.text);
    else outcome = { ok: false, reason: 'nothing was read from this file; import it again to try once more' };
    // Sent to the window and the search index, and stored: about half the bytes for each.
    if (outcome.ok) outcome = { ...outcome, letter: compactLetter(outcome.letter) };
  } catch (error) {
    outcome = parserFailure(error);
  }
  return { relativePath, outcome };
}

/** Where the letters read from files go for the search index to stage, once set up. */
let staging: MessagePort | null = null;

/** What the search index reads of a letter, as the archive will store it. */
function indexedLetter(letter: Letter): IndexedLetter {
  const { id, council, date, year, kind, overall, sections } = letter;
  return { id, councilKey: councilKeyOf(council), council, date, year, kind, overall, sections };
}

async function handle(request: ParseRequest): Promise<void> {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    const staged: IndexedLetter[] = [];
    for (const [index, file] of request.files.entries()) {
      const parsed = await parseOne(file);
      if ('bytes' in file) {
        const encoded = withUtf8(parsed);
        if (encoded.outcome.ok) staged.push(indexedLetter(encoded.outcome.letter));
        scope.postMessage({ id, index, parsed: encoded }, encoded.utf8 ? [encoded.utf8.buffer] : []);
      } else scope.postMessage({ id, index, parsed });
    }
    // Before "done": the import writes the batch after it, and then tells the index which letters went in.
    if (staged.length > 0) staging?.postMessage({ letters: staged } satisfies StagedLetters);
    scope.postMessage({ id, done: true });
  } catch (error) {
    scope.postMessage({ id, error: describe(error) });
  }
}

// One request at a time, so that the client can tell which file the worker is on.
let queue = Promise.resolve();
scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message && 'stagingPort' in message) {
    staging = message.stagingPort;
    return;
  }
  queue = queue.then(() => handle(message));
});
