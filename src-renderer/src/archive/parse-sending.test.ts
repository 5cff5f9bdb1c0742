import { describe, expect, it } from 'vitest';
import { letterJson } from '../../../src-shared/letters/letter-json';
import { parseLetter } from '../../../src-shared/letters/parse-letter';
import type { SentLetter } from './parse-messages';
import { handedOver, toSend } from './parse-sending';
import { sampleFiles } from './test-support/memory-source';

/** A sample letter's bytes in the middle of a larger buffer, as a batch's files are (parse-request.ts). */
async function inBatch() {
  const [name, bytes] = [...sampleFiles()][0]!;
  const batch = new Uint8Array(bytes.length + 20);
  batch.set(bytes, 10);
  const view = batch.subarray(10, 10 + bytes.length);
  const outcome = await parseLetter(view);
  if (!outcome.ok) throw new Error(outcome.reason);
  return { name, view, outcome };
}

describe('what the parse worker sends of a file', () => {
  it("sends a copy of the file's bytes as the text's UTF-8 when they are that already, and hands over only the copy", async () => {
    const { name, view, outcome } = await inBatch();
    expect(outcome.fileUtf8).toBe(view);
    const sent = toSend({ relativePath: name, outcome }, letterJson(outcome.letter), true) as SentLetter;
    expect(sent.utf8).toEqual(view);
    expect(sent.utf8!.buffer).not.toBe(view.buffer);
    expect(sent.utf8!.byteLength).toBe(sent.utf8!.buffer.byteLength);
    expect(handedOver(sent)).not.toContain(view.buffer);
    expect(new TextDecoder().decode(sent.utf8)).toBe(outcome.source.text);
  });

  it('encodes the text when the file was not its UTF-8 as it is', async () => {
    const { name, outcome } = await inBatch();
    delete outcome.fileUtf8;
    const sent = toSend({ relativePath: name, outcome }, letterJson(outcome.letter), true) as SentLetter;
    expect(sent.utf8).toEqual(new TextEncoder().encode(outcome.source.text));
  });

  it("never sends an outcome with the file's bytes, which would copy the whole batch", async () => {
    const { name, outcome } = await inBatch();
    const sent = toSend({ relativePath: name, outcome }, undefined, true);
    expect('outcome' in sent && sent.outcome.ok && 'fileUtf8' in sent.outcome).toBe(false);
    expect('outcome' in sent && sent.outcome.ok && sent.outcome.letter).toBe(outcome.letter);
  });
});
