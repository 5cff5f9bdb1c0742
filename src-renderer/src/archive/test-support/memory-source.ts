/** Test sources: files held in memory, and the sample letters read from resources/. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { letterJson } from '../../../../src-shared/letters/letter-json';
import { parseLetter } from '../../../../src-shared/letters/parse-letter';
import { reparseLetter } from '../../../../src-shared/letters/reparse';
import { received } from '../parse-client';
import type { ParseItem, ParsedFile } from '../parse-messages';
import { toRequest, requestedFiles } from '../parse-request';
import { handedOver, toSend } from '../parse-sending';
import type { ImportFailure, LetterSource } from '../types';

export const SAMPLE_DIR = fileURLToPath(new URL('../../../../resources/sample-letters/', import.meta.url));

export function sampleFiles(): Map<string, Uint8Array> {
  const names = readdirSync(SAMPLE_DIR).filter((name) => name.endsWith('.txt')).sort();
  return new Map(names.map((name) => [name, new Uint8Array(readFileSync(SAMPLE_DIR + name))]));
}

/** A source over in-memory files; `skipped` are entries the listing refused. */
export function memorySource(files: Map<string, Uint8Array>, skipped: ImportFailure[] = [], label = 'Test files'): LetterSource & { reads: string[][] } {
  const reads: string[][] = [];
  return {
    label,
    reads,
    async list() {
      return { files: [...files].map(([relativePath, bytes]) => ({ relativePath, size: bytes.length })), skipped };
    },
    async read(paths) {
      reads.push(paths);
      return paths.map((relativePath) => {
        const bytes = files.get(relativePath);
        // A copy each time, as a real source gives fresh bytes.
        return bytes ? { relativePath, bytes: bytes.slice() } : { relativePath, error: 'no such file' };
      });
    },
  };
}

/** The parser itself, in place of the worker: files read, kept texts read again. */
export async function parseDirectly(files: ParseItem[]): Promise<ParsedFile[]> {
  return Promise.all(
    files.map(async (f) => ({ relativePath: f.relativePath, outcome: 'bytes' in f ? await parseLetter(f.bytes) : await reparseLetter(f.text) })),
  );
}

/**
 * Parses files as the parse worker does, and gives back what the import reads of its messages: a
 * file's text as UTF-8, and its letter as its row keeps it, with the paragraphs kept apart (parse-sending.ts).
 * The batch and each answer are cloned as messages are, with what they hand over moved.
 */
export async function parseAsTheWorkerSends(files: ParseItem[]): Promise<ParsedFile[]> {
  const { request, transfer } = toRequest(1, files);
  const inWorker = requestedFiles(structuredClone(request, { transfer }));
  const answers: ParsedFile[] = [];
  // One file at a time, each answered before the next is read, as in the worker.
  for (const file of inWorker) {
    const [parsed] = await parseDirectly([file as ParseItem]);
    const sent = toSend(parsed!, parsed!.outcome.ok ? letterJson(parsed!.outcome.letter) : undefined, 'bytes' in file);
    answers.push(received(structuredClone(sent, { transfer: handedOver(sent) })));
  }
  return answers;
}
