/** Runs the parser in a module Web Worker, created on first use. */
import { WorkerChannel } from '../worker-channel';
import type { FileBytes, ParseReply, ParsedFile } from './parse-messages';

const channel = new WorkerChannel<ParseReply>({
  name: 'parse',
  create: () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' }),
  idOf: (reply) => reply.id,
  errorOf: (reply) => ('error' in reply ? reply.error : null),
});

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
export async function parseInWorker(files: FileBytes[]): Promise<ParsedFile[]> {
  const reply = await channel.request((id) => {
    const { files: owned, transfer } = ownBuffers(files);
    return { message: { id, files: owned }, transfer };
  });
  // The channel rejects error replies; this only tells the compiler so.
  if ('error' in reply) throw new Error(reply.error);
  return reply.results;
}

/** Stops the worker (it starts again on the next parse). */
export function stopParseWorker(): void {
  channel.stop('the parse worker was stopped');
}
