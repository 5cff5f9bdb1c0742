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

export type ParseReply = { id: number; results: ParsedFile[] } | { id: number; error: string };
