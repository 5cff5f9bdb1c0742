/**
 * A module Web Worker started on first use, with requests matched to their replies by id.
 * A worker that stops, or sends a reply that cannot be read, fails every request waiting on
 * it and is replaced on the next one. The search client talks through one; the parse
 * client has its own (parse-client.ts), which answers file by file and times each file.
 */

export interface WorkerChannelOptions<Reply> {
  /** How error messages name the worker: "the parse worker stopped (…)". */
  name: string;
  /** Creates the worker (the `new Worker(new URL(…))` stays with the caller, for the bundler). */
  create(): Worker;
  /** Told of each new worker before any request is posted to it. */
  onStart?(worker: Worker): void;
  /** The request a reply answers, or undefined for a message that answers none. */
  idOf(reply: Reply): number | undefined;
  /** The failure a reply reports, or null when it reports none. */
  errorOf(reply: Reply): string | null;
  /** Told of messages that answer no request. */
  onOther?(reply: Reply): void;
}

interface Pending<Reply> {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

export class WorkerChannel<Reply> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Reply>>();

  constructor(private readonly options: WorkerChannelOptions<Reply>) {}

  /** The worker, started first if none is running. */
  get(): Worker {
    this.worker ??= this.start();
    return this.worker;
  }

  /** Posts what `make` builds for a new request id, and waits for the reply to it. */
  request(make: (id: number) => { message: unknown; transfer?: Transferable[] }): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        const { message, transfer } = make(id);
        this.get().postMessage(message, transfer ?? []);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Posts a message that wants no reply. */
  post(message: unknown, transfer: Transferable[] = []): void {
    this.get().postMessage(message, transfer);
  }

  /** Stops the worker, failing what waits on it; the next request starts another. */
  stop(reason: string): void {
    this.failAll(reason);
    this.worker?.terminate();
    this.worker = null;
  }

  private failAll(message: string): void {
    for (const request of this.pending.values()) request.reject(new Error(message));
    this.pending.clear();
  }

  private start(): Worker {
    const { name, idOf, errorOf } = this.options;
    const created = this.options.create();
    created.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const id = idOf(reply);
      if (id === undefined) {
        this.options.onOther?.(reply);
        return;
      }
      const request = this.pending.get(id);
      if (!request) return;
      this.pending.delete(id);
      const error = errorOf(reply);
      if (error !== null) request.reject(new Error(error));
      else request.resolve(reply);
    });
    const crashed = (message: string): void => {
      this.failAll(message);
      created.terminate();
      if (this.worker === created) this.worker = null;
    };
    created.addEventListener('error', (event) => crashed(`the ${name} worker stopped (${event.message || 'unknown error'})`));
    // A reply that cannot be read would leave its request waiting for ever: start again instead.
    created.addEventListener('messageerror', () => crashed(`the ${name} worker sent a message that could not be read`));
    this.options.onStart?.(created);
    return created;
  }
}
