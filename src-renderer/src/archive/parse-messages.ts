/** Messages between the import and its parse worker. Types only. */
import type { ParseOutcome } from '../../../src-shared/letters/letter';

export interface FileBytes {
  relativePath: string;
  bytes: Uint8Array;
}

export interface ParsedFile {
  relativePath: string;
  outcome: ParseOutcome;
}

export interface ParseRequest {
  id: number;
  files: FileBytes[];
}

/**
 * The worker answers each file as soon as it is parsed, in order, then says the request is
 * done: so a file that stalls or crashes the worker is known, and costs only itself.
 */
export type ParseReply =
  | { id: number; index: number; parsed: ParsedFile }
  | { id: number; done: true }
  | { id: number; error: string };
