/** Runs the parser in a module Web Worker, created on first use. */
import type { FileBytes, ParseReply, ParsedFile } from './parse-messages';

interface Pending {
  resolve(results: ParsedFile[]): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const request of pending.values()) request.reject(new Error(message));
  pending.clear();
}

function startWorker(): Worker {
  const created = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<ParseReply>) => {
    const reply = event.data;
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if ('error' in reply) request.reject(new Error(reply.error));
    else request.resolve(reply.results);
  });
  // A worker that dies takes its requests with it; the next batch starts a new one.
  const crashed = (message: string) => {
    failAll(message);
    created.terminate();
    if (worker === created) worker = null;
  };
  created.addEventListener('error', (event) => crashed(`the parse worker stopped (${event.message || 'unknown error'})`));
  created.addEventListener('messageerror', () => crashed('the parse worker sent a message that could not be read'));
  return created;
}

/** The buffers to transfer: each file's own buffer, copied first when the view shares it with other data. */
function ownBuffers(files: FileBytes[]): { files: FileBytes[]; transfer: ArrayBuffer[] } {
  const seen = new Set<ArrayBufferLike>();
  const transfer: ArrayBuffer[] = [];
  const out = files.map((file) => {
    let bytes = file.bytes;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (!whole || seen.has(bytes.buffer) || !(bytes.buffer instanceof ArrayBuffer)) bytes = bytes.slice();
    seen.add(bytes.buffer);
    transfer.push(bytes.buffer as ArrayBuffer);
    return { relativePath: file.relativePath, bytes };
  });
  return { files: out, transfer };
}

/**
 * Parses a batch of files in the parse worker. The files' buffers are transferred,
 * so the caller's byte arrays are empty afterwards. Rejects only if the worker itself fails.
 */
export function parseInWorker(files: FileBytes[]): Promise<ParsedFile[]> {
  worker ??= startWorker();
  const id = nextId++;
  const message = ownBuffers(files);
  return new Promise<ParsedFile[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      worker!.postMessage({ id, files: message.files }, message.transfer);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Stops the worker (it starts again on the next parse). */
export function stopParseWorker(): void {
  failAll('the parse worker was stopped');
  worker?.terminate();
  worker = null;
}
