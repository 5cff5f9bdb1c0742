/**
 * The import's parse worker: letter files are untrusted input, so they are parsed here,
 * off the UI thread and inside the sandboxed renderer. Nothing thrown here escapes:
 * a file the parser chokes on comes back as that file's failure.
 */
import type { ParseOutcome } from '../../../src-shared/letters/letter';
import { letterJson, lettersJson } from '../../../src-shared/letters/letter-json';
import { digestIdsWith, parserFailure } from '../../../src-shared/letters/parse-letter';
import { parseLetterFile } from '../../../src-shared/letters/parse-letter-file';
import { reparseLetter } from '../../../src-shared/letters/reparse';
import { webSha256Hex } from '../../../src-shared/letters/sha256';
import type { PdfReader } from '../../../src-shared/pdf/pdf-text';
import type { StagedLetters } from '../search/search-messages';
import type { ParseItem, ParseReply, ParseRequest, ParseWorkerSetup, ParsedFile } from './parse-messages';
import { requestedFiles } from './parse-request';
import { handedOver, toSend } from './parse-sending';

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

// Letters' ids by Web Crypto: the same digest, at less than half the cost here (sha256.ts).
// The app's scheme is secure, so Web Crypto is there; a page served otherwise keeps sha256Hex.
if (typeof crypto !== 'undefined' && crypto.subtle) digestIdsWith(webSha256Hex);

/** A file parsed, and its letter as JSON to send, when it is one. */
async function parseOne(file: Partial<ParseItem>): Promise<{ parsed: ParsedFile; json?: string }> {
  const relativePath = String(file.relativePath);
  let outcome: ParseOutcome;
  try {
    if ('bytes' in file && file.bytes instanceof Uint8Array) outcome = await parseLetterFile(file.bytes, readPdf);
    else if ('text' in file && typeof file.text?.text === 'string') outcome = await reparseLetter(file.text);
    else outcome = { ok: false, reason: 'nothing was read from this file; import it again to try once more' };
    if (outcome.ok) return { parsed: { relativePath, outcome }, json: letterJson(outcome.letter) };
  } catch (error) {
    outcome = parserFailure(error);
  }
  return { parsed: { relativePath, outcome } };
}

/** Where the letters read from files go for the search index to stage, once set up. */
let staging: MessagePort | null = null;

async function handle(request: ParseRequest): Promise<void> {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    /** Letters read from files, as JSON, for the search index. */
    const staged: string[] = [];
    for (const [index, file] of requestedFiles(request).entries()) {
      const { parsed, json } = await parseOne(file);
      const fromFile = 'bytes' in file;
      if (fromFile && json !== undefined) staged.push(json);
      const sent = toSend(parsed, json, fromFile);
      scope.postMessage({ id, index, parsed: sent }, handedOver(sent));
    }
    // Before "done": the import writes the batch after it, and then tells the index which letters went in.
    if (staged.length > 0) staging?.postMessage({ lettersJson: lettersJson(staged) } satisfies StagedLetters);
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
