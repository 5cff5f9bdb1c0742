/**
 * Runs the parser in a module Web Worker, with a time limit on every file.
 *
 * A hostile or broken file can make a reader loop for ever or run out of memory. The
 * worker answers each file as it finishes, so when no answer comes within the limit, or the
 * worker dies, the file it was on is known: the worker is stopped, that file is reported,
 * and the rest of the batch goes to a new worker.
 */
import { errorInWords } from '../../../src-shared/error-words';
import { searchStagingPort } from '../search/search-client';
import type { Letter } from '../../../src-shared/letters/letter';
import { letterFromJson } from '../../../src-shared/letters/letter-json';
import type { KeptLetter, KeptLetterRow } from './db';
import { joinParagraphs } from './letter-paragraphs';
import type { ParseItem, ParseReply, ParseWorkerSetup, ParsedFile, SentLetter } from './parse-messages';
import { toRequest } from './parse-request';

/** No letter takes anywhere near this long: real ones take milliseconds, a large PDF a second or two. */
export const FILE_TIME_LIMIT_MS = 20_000;

export function timeLimitReason(limitMs: number): string {
  return `took longer than ${Math.round(limitMs / 1000)} seconds to read, so it was left out: the file may be damaged, or made to stall readers`;
}

export function crashReason(detail: string): string {
  return `the reader stopped while reading this file (${errorInWords(detail)}), so it was left out`;
}

/** The little of a Worker this client uses, so tests can stand in for one. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

type RunEnd = { done: true } | { done: false; at: number; reason: string };

export class ParseClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** Batches run one after another: the worker reads one at a time, and each file's clock starts when its batch is posted. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Batches given and not yet answered. */
  private waiting = 0;

  constructor(
    private readonly create: () => WorkerLike,
    private readonly timeLimitMs = FILE_TIME_LIMIT_MS,
  ) {}

  /**
   * Parses a batch, each file within the time limit. The worker is handed a copy of the
   * bytes (parse-request.ts): a file must still be in hand to be sent again to a new worker.
   * Never rejects: every file gets an outcome.
   */
  parse(files: ParseItem[]): Promise<ParsedFile[]> {
    this.waiting++;
    const done = this.queue.then(() => this.parseNow(files)).finally(() => this.waiting--);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Batches given to it and not yet answered. */
  get pending(): number {
    return this.waiting;
  }

  /** Starts the worker now, so that it has loaded by the time the first batch comes; false if it cannot start. */
  start(): boolean {
    try {
      this.worker ??= this.create();
      return true;
    } catch {
      // The first batch tries again, and says why if it still cannot.
      return false;
    }
  }

  /** Stops the worker when it has nothing to read, to give its memory back; the next batch starts another. */
  release(): void {
    if (this.waiting > 0 || !this.worker) return;
    this.worker.terminate();
    this.worker = null;
  }

  private async parseNow(files: ParseItem[]): Promise<ParsedFile[]> {
    const results: ParsedFile[] = [];
    while (results.length < files.length) {
      const rest = files.slice(results.length);
      const end = await this.run(rest, (parsed) => results.push(parsed));
      if (!end.done) {
        // Files answered before the failure are in; the one being read gets the failure.
        const failed = rest[end.at];
        if (failed) results.push({ relativePath: failed.relativePath, outcome: { ok: false, reason: end.reason } });
      } else if (results.length < files.length) {
        for (const file of files.slice(results.length)) {
          results.push({ relativePath: file.relativePath, outcome: { ok: false, reason: 'the reader gave no answer for this file; import it again to try once more' } });
        }
      }
    }
    return results;
  }

  private run(files: ParseItem[], onParsed: (parsed: ParsedFile) => void): Promise<RunEnd> {
    let worker: WorkerLike;
    try {
      worker = this.worker ??= this.create();
    } catch (error) {
      // No worker to read with: every file of the batch is told why.
      return Promise.resolve({ done: false, at: 0, reason: crashReason(error instanceof Error ? error.message : String(error)) });
    }
    const id = this.nextId++;
    let answered = 0;
    return new Promise<RunEnd>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (end: RunEnd, stopWorker: boolean) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onBadMessage);
        if (stopWorker) {
          worker.terminate();
          if (this.worker === worker) this.worker = null;
        }
        resolve(end);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ done: false, at: answered, reason: timeLimitReason(this.timeLimitMs) }, true), this.timeLimitMs);
      };
      const onMessage = (event: Event) => {
        const reply = (event as MessageEvent<ParseReply>).data;
        if (reply?.id !== id) return;
        if ('parsed' in reply) {
          if (reply.index !== answered) return;
          answered++;
          onParsed(received(reply.parsed));
          arm();
        } else if ('done' in reply) {
          finish({ done: true }, false);
        } else {
          finish({ done: false, at: answered, reason: crashReason(reply.error) }, true);
        }
      };
      const onError = (event: Event) => {
        const message = (event as ErrorEvent).message || 'unknown error';
        finish({ done: false, at: answered, reason: crashReason(message) }, true);
      };
      const onBadMessage = () => finish({ done: false, at: answered, reason: crashReason('it sent an answer that could not be read') }, true);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onBadMessage);
      arm();
      try {
        const { request, transfer } = toRequest(id, files);
        worker.postMessage(request, transfer);
      } catch (error) {
        finish({ done: false, at: answered, reason: crashReason(error instanceof Error ? error.message : String(error)) }, true);
      }
    });
  }
}

/**
 * A file as the worker sent it, with its letter made an object again: whole, or, for a letter
 * sent as its row keeps it, as kept (`kept`), and whole only when `outcome.letter` is read.
 */
export function received(sent: ParsedFile | SentLetter): ParsedFile {
  if (!('letterJson' in sent)) return sent;
  const { relativePath, letterJson, source, utf8, paragraphs } = sent;
  if (!utf8 || !paragraphs) {
    const parsed: ParsedFile = { relativePath, outcome: { ok: true, letter: letterFromJson(letterJson), source } };
    if (utf8) parsed.utf8 = utf8;
    return parsed;
  }
  const kept = JSON.parse(letterJson) as KeptLetter;
  let whole: Letter | undefined;
  const outcome = { ok: true as const, source } as Extract<ParsedFile['outcome'], { ok: true }>;
  // Made whole when first read, for what needs the words. Not enumerated, so that spreading or
  // copying the outcome does not make it whole; a change to the letter belongs in `kept`.
  Object.defineProperty(outcome, 'letter', {
    enumerable: false,
    get: (): Letter => (whole ??= joinParagraphs(kept as KeptLetterRow, paragraphs, utf8)),
  });
  return { relativePath, outcome, utf8, paragraphs, kept };
}

/** Parse workers to run: one for each core the machine has to spare, and at least one. */
export function parseWorkerCount(cores: number | undefined = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency): number {
  return Math.max(1, Math.floor(cores || 2) - 1);
}

/**
 * Several parse workers, each with its own client (and its own time limit per file): a
 * batch goes to the worker with the fewest batches waiting, so batches are parsed side by
 * side. Workers start on first use.
 */
export class ParsePool {
  private readonly clients: ParseClient[];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    create: () => WorkerLike,
    size: number,
    timeLimitMs = FILE_TIME_LIMIT_MS,
    /** Workers beyond the first are stopped when the pool has had nothing to do for this long. */
    private readonly idleMs = 30_000,
  ) {
    this.clients = Array.from({ length: Math.max(1, size) }, () => new ParseClient(create, timeLimitMs));
  }

  get size(): number {
    return this.clients.length;
  }

  /** Starts the first worker ahead of the first batch (its script loads while the folder is listed). */
  warm(): void {
    this.clients[0]!.start();
  }

  /** Parses a batch in the least busy worker. Never rejects. */
  parse(files: ParseItem[]): Promise<ParsedFile[]> {
    clearTimeout(this.idleTimer);
    const client = this.clients.reduce((a, b) => (b.pending < a.pending ? b : a));
    return client.parse(files).finally(() => {
      if (this.clients.every((c) => c.pending === 0)) {
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => this.clients.slice(1).forEach((c) => c.release()), this.idleMs);
      }
    });
  }
}

/** A parse worker, given a port to send the letters it reads straight to the search worker. */
function startParseWorker(): Worker {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  const port = searchStagingPort();
  if (port) worker.postMessage({ stagingPort: port } satisfies ParseWorkerSetup, [port]);
  return worker;
}

const pool = new ParsePool(startParseWorker, parseWorkerCount());

/** Parses a batch of files in a parse worker, each within the time limit. Never rejects. */
export function parseInWorker(files: ParseItem[]): Promise<ParsedFile[]> {
  return pool.parse(files);
}

/** Starts a parse worker ahead of an import's first batch, so that loading it does not hold the first councils back. */
export function warmParseWorkers(): void {
  pool.warm();
}

/** How many batches the parse workers can read at once. */
export function parseWorkersRunning(): number {
  return pool.size;
}
