/**
 * Saving files too large to send in one message: a backup of the archive (hundreds of MB at
 * 10,000 letters) and every letter as JSON. The renderer sends the file a piece at a time, so
 * neither process holds it whole; the pieces go to a temporary file beside the target, renamed
 * over it in one step once the last piece is in, as writeFileWhole does for small files. A
 * failure or a window that stops half-way never leaves half a file under the target's name.
 *
 * Also one JSON file per letter into a folder the person chose: each written whole.
 *
 * The renderer names an open file or a chosen folder only by a handle this service made up
 * (random, never a path), so it can append to nothing but the file the person chose in the
 * save dialog, and write only into the folder they chose.
 *
 * No Electron here: the IPC handlers call it in the main process, and the Playwright stand-in
 * calls it directly in Node.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_SAVE_CHUNK_BYTES, STREAMED_FILE_KINDS, type SaveOutcome, type StreamedFileKind, type StreamedSaveRequest } from '../../src-shared/bridge';
import { expectString } from '../main/ipc-guards';
import { describeWriteError, writeFileWhole } from './pdf-file';
import { MAX_SUGGESTED_NAME_CHARS, safeFileName } from './print-options';

/** What each kind of file is called when the suggested name leaves nothing usable, and what it is called in messages. */
export const STREAMED_FILES: Record<StreamedFileKind, { fallback: string; what: string; filter: string }> = {
  backup: { fallback: 'Letter Archive backup.json', what: 'The backup', filter: 'Letter Archive backup' },
  json: { fallback: 'Letter Archive letters.json', what: 'The JSON file', filter: 'JSON' },
};

/** What a letter's file is called when its suggested name leaves nothing usable (its id is in the name, so this is rare). */
export const FALLBACK_LETTER_JSON_NAME = 'letter.json';

/** Largest file one save may grow to: far beyond a backup of 10,000 letters, short of filling a disk by mistake. */
export const MAX_STREAMED_FILE_BYTES = 16 * 1024 * 1024 * 1024;

/** Largest JSON file of one letter: a letter is tens of KB. */
export const MAX_LETTER_JSON_BYTES = 16 * 1024 * 1024;

/** Files open at once: one per save under way; more means pieces of saves never finished. */
const MAX_OPEN = 8;

/** A handle as this service makes them: 32 hex digits. */
const HANDLE = /^[0-9a-f]{32}$/;

/**
 * Checks a beginSave request from the renderer and returns a copy holding only what the
 * bridge promises.
 *
 * @throws TypeError or RangeError naming what is wrong.
 */
export function parseStreamedSaveRequest(value: unknown): StreamedSaveRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('The save request must be an object.');
  const request = value as Record<string, unknown>;
  const kind = request.kind;
  if (typeof kind !== 'string' || !(STREAMED_FILE_KINDS as readonly string[]).includes(kind)) {
    throw new TypeError(`The kind of file must be one of ${STREAMED_FILE_KINDS.join(', ')}.`);
  }
  const suggestedName = expectString(request.suggestedName, 'The suggested file name');
  if (suggestedName.length > MAX_SUGGESTED_NAME_CHARS) {
    throw new RangeError(`The suggested file name must be at most ${MAX_SUGGESTED_NAME_CHARS} characters, not ${suggestedName.length}.`);
  }
  return { kind: kind as StreamedFileKind, suggestedName };
}

/** The file name the save dialog offers, made safe as PDF names are, ending in ".json". */
export function safeStreamedFileName(request: StreamedSaveRequest): string {
  return safeFileName(request.suggestedName, '.json', STREAMED_FILES[request.kind].fallback);
}

/** Returns `value` as a handle's text, or throws; whether it names anything is the caller's to check. */
export function expectHandle(value: unknown): string {
  const handle = expectString(value, 'The handle');
  if (!HANDLE.test(handle)) throw new TypeError('The handle is not one this app made.');
  return handle;
}

/** Returns `value` as bytes of at most MAX_SAVE_CHUNK_BYTES, or throws. */
export function expectChunk(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('The piece of the file must be bytes (a Uint8Array).');
  if (value.byteLength > MAX_SAVE_CHUNK_BYTES) throw new RangeError(`A piece of the file must be at most ${MAX_SAVE_CHUNK_BYTES / (1024 * 1024)} MB.`);
  return value;
}

interface OpenFile {
  target: string;
  temp: string;
  what: string;
  handle: fs.FileHandle;
  written: number;
  /** Why a piece could not be written: the file is then never put in place. */
  failed?: string;
  /** Appends run one after another even if the renderer does not wait for each. */
  queue: Promise<unknown>;
}

export interface StreamedFiles {
  /** Opens a temporary file beside `target` (absolute), and returns its handle. */
  begin(target: string, kind: StreamedFileKind): Promise<string>;
  append(handle: string, bytes: Uint8Array): Promise<void>;
  /** keep: renames the file over the target; otherwise removes it. Either way the handle is spent. */
  finish(handle: string, keep: boolean): Promise<SaveOutcome>;
  /** Throws away every file still open, and forgets the folder granted (the window closed or reloaded mid-save). */
  abandonAll(): Promise<void>;
  /** Remembers a folder the person chose, and returns its handle: the one folder granted, in place of any before. */
  grantFolder(folder: string): string;
  /** Writes `content` as `<folder>/<fileName, made safe>.json`, replacing a file of that name once the new one is whole. */
  writeInFolder(handle: string, fileName: string, content: string): Promise<SaveOutcome>;
  /** Files open now, for tests. */
  readonly openCount: number;
}

export function createStreamedFiles(): StreamedFiles {
  const open = new Map<string, OpenFile>();
  const folders = new Map<string, string>();
  const newHandle = (): string => randomBytes(16).toString('hex');

  const fileOf = (handle: string): OpenFile => {
    const file = open.get(expectHandle(handle));
    if (!file) throw new Error('That file is not open for saving (it was finished, or never begun).');
    return file;
  };

  const discard = async (file: OpenFile): Promise<void> => {
    await file.handle.close().catch(() => undefined);
    await fs.rm(file.temp, { force: true }).catch(() => undefined);
  };

  return {
    async begin(target, kind) {
      const { what } = STREAMED_FILES[kind];
      if (typeof target !== 'string' || target.length === 0 || target.includes('\0') || !path.isAbsolute(target)) {
        throw new TypeError(`${what} must be saved to an absolute path.`);
      }
      const fail = (reason: string): Error => new Error(`Could not save "${target}": ${reason}.`);
      if (open.size >= MAX_OPEN) throw fail('too many files are being saved at once');
      const existing = await fs.stat(target).catch(() => null);
      if (existing?.isDirectory()) throw fail('a folder of that name is already there');
      // As writeFileWhole: same folder, so the rename never crosses file systems; hidden, random.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
      } catch (error) {
        throw fail(describeWriteError(error));
      }
      const id = newHandle();
      open.set(id, { target, temp, what, handle, written: 0, queue: Promise.resolve() });
      return id;
    },

    async append(handle, bytes) {
      const file = fileOf(handle);
      const chunk = expectChunk(bytes);
      const write = file.queue.then(async () => {
        if (file.failed) throw new Error(file.failed);
        if (file.written + chunk.byteLength > MAX_STREAMED_FILE_BYTES) {
          file.failed = `Could not save "${file.target}": it would be larger than ${MAX_STREAMED_FILE_BYTES / 1024 ** 3} GB.`;
          throw new RangeError(file.failed);
        }
        try {
          await file.handle.write(chunk);
        } catch (error) {
          file.failed = `Could not save "${file.target}": ${describeWriteError(error)}.`;
          throw new Error(file.failed, { cause: error });
        }
        file.written += chunk.byteLength;
      });
      file.queue = write.catch(() => undefined);
      await write;
    },

    async finish(handle, keep) {
      const file = fileOf(handle);
      open.delete(handle);
      await file.queue;
      if (!keep) {
        await discard(file);
        return { status: 'cancelled' };
      }
      if (file.failed) {
        await discard(file);
        return { status: 'failed', message: file.failed };
      }
      try {
        await file.handle.sync();
        await file.handle.close();
        await fs.rename(file.temp, file.target);
      } catch (error) {
        await discard(file);
        return { status: 'failed', message: `Could not save "${file.target}": ${describeWriteError(error)}.` };
      }
      return { status: 'saved', path: file.target };
    },

    async abandonAll() {
      const files = [...open.values()];
      open.clear();
      folders.clear();
      await Promise.all(files.map(async (file) => discard(await file.queue.then(() => file))));
    },

    grantFolder(folder) {
      if (typeof folder !== 'string' || !path.isAbsolute(folder)) throw new TypeError('The folder must be an absolute path.');
      const id = newHandle();
      // One export of letters at a time: a folder chosen before can no longer be written in.
      folders.clear();
      folders.set(id, folder);
      return id;
    },

    async writeInFolder(handle, fileName, content) {
      const folder = folders.get(expectHandle(handle));
      if (!folder) throw new Error('That folder was not chosen in the folder dialog.');
      const name = expectString(fileName, 'The file name');
      if (name.length > MAX_SUGGESTED_NAME_CHARS) throw new RangeError(`The file name must be at most ${MAX_SUGGESTED_NAME_CHARS} characters.`);
      const text = expectString(content, 'The JSON text');
      if (text.length > MAX_LETTER_JSON_BYTES || Buffer.byteLength(text, 'utf8') > MAX_LETTER_JSON_BYTES) {
        throw new RangeError(`A letter's JSON must be at most ${MAX_LETTER_JSON_BYTES / (1024 * 1024)} MB.`);
      }
      // safeFileName leaves no separators, so the file is always directly inside the folder.
      const target = path.join(folder, safeFileName(name, '.json', FALLBACK_LETTER_JSON_NAME));
      try {
        await writeFileWhole(target, 'The JSON file', text, (t) => (typeof t === 'string' ? null : 'the letter is not text'));
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
      return { status: 'saved', path: target };
    },

    get openCount() {
      return open.size;
    },
  };
}
