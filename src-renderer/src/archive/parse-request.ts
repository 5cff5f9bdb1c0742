/**
 * How a batch goes to the parse worker: its files' bytes end to end in one buffer, handed
 * over rather than copied, and each file as its place in it.
 *
 * Chromium copies a message's bytes at some 300 MB a second on each side, and a typed array
 * costs more again for each file: a batch of 4 MB in 230 files took 32 ms of the UI thread to
 * post and about as long for the worker to receive (Chromium 150, this machine). Laying the
 * bytes end to end in a new buffer is a plain copy of a few milliseconds, and handing it over
 * takes a fraction of one. The import keeps its own bytes, to send a file again to a new
 * worker if this one stops.
 */
import type { ParseItem, ParseRequest, RequestedItem } from './parse-messages';

/** A batch as the parse worker is sent it, and what the message hands over. */
export function toRequest(id: number, files: readonly ParseItem[]): { request: ParseRequest; transfer: Transferable[] } {
  let total = 0;
  for (const file of files) if ('bytes' in file) total += file.bytes.byteLength;
  const bytes = new Uint8Array(total);
  let at = 0;
  const items = files.map((file): RequestedItem => {
    if (!('bytes' in file)) return file;
    bytes.set(file.bytes, at);
    const placed = { relativePath: file.relativePath, at, length: file.bytes.byteLength };
    at += placed.length;
    return placed;
  });
  return { request: { id, files: items, bytes: bytes.buffer }, transfer: [bytes.buffer] };
}

/**
 * The files of a request as the worker reads them. A file whose place is not in the bytes
 * sent (never expected) comes without bytes, and the worker says nothing was read from it.
 */
export function requestedFiles(request: ParseRequest): (ParseItem | { relativePath: string })[] {
  const buffer = request.bytes instanceof ArrayBuffer ? request.bytes : new ArrayBuffer(0);
  return request.files.map((item) => {
    if (!('at' in item)) return item;
    const { relativePath, at, length } = item;
    const whole = Number.isInteger(at) && Number.isInteger(length) && at >= 0 && length >= 0 && at + length <= buffer.byteLength;
    return whole ? { relativePath, bytes: new Uint8Array(buffer, at, length) } : { relativePath };
  });
}
