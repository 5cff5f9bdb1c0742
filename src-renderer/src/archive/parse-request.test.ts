import { describe, expect, it } from 'vitest';
import type { ParseItem, ParseRequest } from './parse-messages';
import { requestedFiles, toRequest } from './parse-request';

/** A request as the worker receives it: cloned, with what it hands over moved, not copied. */
function sent(files: ParseItem[], id = 7): ParseRequest {
  const { request, transfer } = toRequest(id, files);
  return structuredClone(request, { transfer });
}

describe('a batch sent to the parse worker', () => {
  it('gives the worker every file with its own bytes, texts to read again as they are, in order', () => {
    const shared = new Uint8Array([9, 9, 1, 2, 3, 9, 4, 5, 9]).buffer;
    const files: ParseItem[] = [
      { relativePath: 'a.txt', bytes: new Uint8Array(shared, 2, 3) },
      { relativePath: 'letter-id', text: { text: 'Dear Sir', pdf: { pages: [1], pageCount: 1, notes: [] } } },
      { relativePath: 'empty.txt', bytes: new Uint8Array(0) },
      { relativePath: 'b.txt', bytes: new Uint8Array(shared, 6, 2) },
    ];
    const request = sent(files);
    expect(request.id).toBe(7);
    // Only the files' bytes go, not the rest of the buffers they are views of.
    expect(request.bytes.byteLength).toBe(5);
    const received = requestedFiles(request);
    expect(received.map((file) => ('bytes' in file ? [file.relativePath, [...file.bytes]] : 'text' in file ? [file.relativePath, file.text] : null))).toEqual([
      ['a.txt', [1, 2, 3]],
      ['letter-id', { text: 'Dear Sir', pdf: { pages: [1], pageCount: 1, notes: [] } }],
      ['empty.txt', []],
      ['b.txt', [4, 5]],
    ]);
    // What was handed over was a copy: the sender's bytes are still there to send again.
    expect([...new Uint8Array(shared)]).toEqual([9, 9, 1, 2, 3, 9, 4, 5, 9]);
  });

  it('sends a batch with no file read, and an empty batch', () => {
    expect(requestedFiles(sent([{ relativePath: 'x', text: { text: 'words' } }]))).toEqual([{ relativePath: 'x', text: { text: 'words' } }]);
    expect(requestedFiles(sent([]))).toEqual([]);
  });

  it('gives a file whose place is not in the bytes sent no bytes, rather than another file\'s', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const request = {
      id: 1,
      bytes,
      files: [
        { relativePath: 'past-the-end', at: 2, length: 3 },
        { relativePath: 'negative', at: -1, length: 2 },
        { relativePath: 'fraction', at: 0.5, length: 1 },
        { relativePath: 'fine', at: 1, length: 2 },
      ],
    } as ParseRequest;
    expect(requestedFiles(request).map((file) => [file.relativePath, 'bytes' in file ? [...file.bytes] : null])).toEqual([
      ['past-the-end', null],
      ['negative', null],
      ['fraction', null],
      ['fine', [2, 3]],
    ]);
    expect(requestedFiles({ id: 1, files: [{ relativePath: 'no-bytes', at: 0, length: 1 }] } as unknown as ParseRequest)).toEqual([{ relativePath: 'no-bytes' }]);
  });
});
