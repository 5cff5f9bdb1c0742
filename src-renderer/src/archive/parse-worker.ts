/**
 * The import's parse worker: letter files are untrusted input, so they are parsed here,
 * off the UI thread and inside the sandboxed renderer. Nothing thrown here escapes:
 * a file the parser chokes on comes back as that file's failure.
 */
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import type { ParseOutcome } from '../../../src-shared/letters/letter';
import type { ParseReply, ParseRequest, ParsedFile } from './parse-messages';

/** The little of a worker's global scope this file uses (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseRequest>) => void): void;
  postMessage(message: ParseReply): void;
}

const scope = self as unknown as WorkerScope;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function parseOne(relativePath: string, bytes: unknown): Promise<ParsedFile> {
  let outcome: ParseOutcome;
  try {
    outcome = bytes instanceof Uint8Array ? await parseLetter(bytes) : { ok: false, reason: 'no bytes were received for this file' };
  } catch (error) {
    outcome = { ok: false, reason: `the parser failed on this file (${describe(error)})` };
  }
  return { relativePath, outcome };
}

async function handle(request: ParseRequest): Promise<void> {
  const id = typeof request?.id === 'number' ? request.id : -1;
  try {
    const results: ParsedFile[] = [];
    for (const file of request.files) results.push(await parseOne(String(file.relativePath), file.bytes));
    scope.postMessage({ id, results });
  } catch (error) {
    scope.postMessage({ id, error: describe(error) });
  }
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
