/**
 * A message port for running pdf.js's two halves in one thread without copying.
 *
 * pdf.js parses a file in its "worker" half and hands the results to its API half as
 * messages. Run in one thread (its "fake worker"), it still deep-copies every message with
 * structuredClone, and for text extraction that copying was over a quarter of all the time
 * spent, measured in Chromium. Here only the top three levels of a message are copied, the
 * levels pdf.js changes after sending (a chunk of text is sent, then its list of items
 * replaced by a new one); the items themselves are made afresh for each chunk and never
 * changed, so they are handed over as they are. Delivery stays asynchronous, as a real
 * port's is.
 */

type Listener = (event: { data: unknown }) => void;

interface ListenerOptions {
  signal?: { aborted: boolean; addEventListener(type: 'abort', listener: () => void): void };
}

/** One port both halves post to and listen on: each half picks out the messages addressed to it, as pdf.js's own loopback does. */
export class SameThreadPort {
  private readonly listeners = new Set<Listener>();

  postMessage(message: unknown): void {
    const data = copyShallow(message, 3);
    void Promise.resolve().then(() => {
      for (const listener of [...this.listeners]) listener.call(this, { data });
    });
  }

  addEventListener(type: string, listener: Listener, options?: ListenerOptions): void {
    if (type !== 'message' || options?.signal?.aborted) return;
    this.listeners.add(listener);
    options?.signal?.addEventListener('abort', () => this.listeners.delete(listener));
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'message') this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

/** Copies plain objects and arrays `depth` levels down; below that, and any other object, is shared. */
function copyShallow(value: unknown, depth: number): unknown {
  if (depth === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => copyShallow(v, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyShallow((value as Record<string, unknown>)[key], depth - 1);
  return out;
}
