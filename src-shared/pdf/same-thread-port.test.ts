import { describe, expect, it } from 'vitest';
import { SameThreadPort } from './same-thread-port';

describe('SameThreadPort', () => {
  it('delivers later, to every listener, the message as it was when sent', async () => {
    const port = new SameThreadPort();
    const heard: unknown[] = [];
    port.addEventListener('message', (event) => heard.push(event.data));
    const chunk = { items: [{ str: 'Being healthy' }], styles: {} };
    const item = chunk.items[0];
    port.postMessage({ stream: 'enqueue', chunk });
    // What pdf.js does after sending a chunk of text: a new list for the next chunk.
    chunk.items = [];
    expect(heard).toEqual([]);
    await Promise.resolve();
    expect(heard).toEqual([{ stream: 'enqueue', chunk: { items: [{ str: 'Being healthy' }], styles: {} } }]);
    // Below the top levels nothing is copied.
    expect((heard[0] as { chunk: { items: unknown[] } }).chunk.items[0]).toBe(item);
  });

  it('passes typed arrays and class instances as they are, and stops when a listener’s signal aborts', async () => {
    const port = new SameThreadPort();
    const heard: unknown[] = [];
    const controller = new AbortController();
    port.addEventListener('message', (event) => heard.push(event.data), { signal: controller.signal });
    const bytes = new Uint8Array([1, 2]);
    port.postMessage({ data: bytes, error: new RangeError('x') });
    await Promise.resolve();
    expect((heard[0] as { data: Uint8Array }).data).toBe(bytes);
    expect((heard[0] as { error: Error }).error).toBeInstanceOf(RangeError);
    controller.abort();
    port.postMessage('after');
    await Promise.resolve();
    expect(heard).toHaveLength(1);
  });
});
