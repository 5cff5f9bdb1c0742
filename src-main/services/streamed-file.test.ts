import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SAVE_CHUNK_BYTES } from '../../src-shared/bridge';
import { createStreamedFiles, expectChunk, expectHandle, parseStreamedSaveRequest, safeStreamedFileName } from './streamed-file';

let base: string;
let count = 0;

/** What is in a folder, hidden files included: nothing may be left behind. */
const contents = async (folder: string): Promise<string[]> => (await fs.readdir(folder)).sort();

async function freshFolder(): Promise<string> {
  const folder = path.join(base, `f${++count}`);
  await fs.mkdir(folder, { recursive: true });
  return folder;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'streamed-file-')));
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('parseStreamedSaveRequest and safeStreamedFileName', () => {
  it('keeps only what the bridge promises, and names the file safely with ".json"', () => {
    const request = parseStreamedSaveRequest({ kind: 'backup', suggestedName: 'Letter Archive backup 2026-12-06', extra: 1 });
    expect(request).toEqual({ kind: 'backup', suggestedName: 'Letter Archive backup 2026-12-06' });
    expect(safeStreamedFileName(request)).toBe('Letter Archive backup 2026-12-06.json');
    expect(safeStreamedFileName({ kind: 'json', suggestedName: '../../etc/passwd' })).toBe('etc passwd.json');
    expect(safeStreamedFileName({ kind: 'backup', suggestedName: '...' })).toBe('Letter Archive backup.json');
  });

  it('refuses another kind, a missing or long name, and what is not an object', () => {
    expect(() => parseStreamedSaveRequest({ kind: 'pdf', suggestedName: 'a' })).toThrow(/kind of file/);
    expect(() => parseStreamedSaveRequest({ kind: 'json' })).toThrow(/suggested file name must be a string/);
    expect(() => parseStreamedSaveRequest({ kind: 'json', suggestedName: 'x'.repeat(1001) })).toThrow(/at most 1000/);
    expect(() => parseStreamedSaveRequest('a.json')).toThrow(/must be an object/);
  });

  it('takes only handles of 32 hex digits, and bytes no larger than a piece may be', () => {
    expect(() => expectHandle('/etc/passwd')).toThrow(/not one this app made/);
    expect(() => expectHandle(7)).toThrow(/must be a string/);
    expect(() => expectChunk('text')).toThrow(/must be bytes/);
    expect(() => expectChunk(new Uint8Array(MAX_SAVE_CHUNK_BYTES + 1))).toThrow(/at most 8 MB/);
    expect(expectChunk(new Uint8Array(3))).toHaveLength(3);
  });
});

describe('createStreamedFiles', () => {
  it('writes the pieces in order and puts the file in place only when finished', async () => {
    const folder = await freshFolder();
    const target = path.join(folder, 'backup.json');
    await fs.writeFile(target, 'the backup before');
    const files = createStreamedFiles();
    const handle = await files.begin(target, 'backup');
    // Not awaited one by one: they still go in the order sent.
    await Promise.all(['{"a":', '[1,2', ',3]}'].map((piece) => files.append(handle, bytes(piece))));
    expect(await fs.readFile(target, 'utf8')).toBe('the backup before');
    expect((await contents(folder)).length).toBe(2);
    expect(await files.finish(handle, true)).toEqual({ status: 'saved', path: target });
    expect(await fs.readFile(target, 'utf8')).toBe('{"a":[1,2,3]}');
    expect(await contents(folder)).toEqual(['backup.json']);
    expect(files.openCount).toBe(0);
  });

  it('throws the file away when not kept, and leaves an earlier file as it was', async () => {
    const folder = await freshFolder();
    const target = path.join(folder, 'backup.json');
    await fs.writeFile(target, 'the backup before');
    const files = createStreamedFiles();
    const handle = await files.begin(target, 'backup');
    await files.append(handle, bytes('half a'));
    expect(await files.finish(handle, false)).toEqual({ status: 'cancelled' });
    expect(await contents(folder)).toEqual(['backup.json']);
    expect(await fs.readFile(target, 'utf8')).toBe('the backup before');
  });

  it('refuses a handle it did not make or has finished, and appends nothing then', async () => {
    const folder = await freshFolder();
    const files = createStreamedFiles();
    const handle = await files.begin(path.join(folder, 'a.json'), 'json');
    await files.finish(handle, true);
    await expect(files.append(handle, bytes('more'))).rejects.toThrow(/not open for saving/);
    await expect(files.append('0'.repeat(32), bytes('more'))).rejects.toThrow(/not open for saving/);
    await expect(files.finish(handle, true)).rejects.toThrow(/not open for saving/);
    expect(await fs.readFile(path.join(folder, 'a.json'), 'utf8')).toBe('');
  });

  it('names the file and the reason when it cannot begin, and refuses a relative path', async () => {
    const files = createStreamedFiles();
    const missing = path.join(base, 'no-such-folder', 'a.json');
    await expect(files.begin(missing, 'backup')).rejects.toThrow(`Could not save "${missing}": the folder does not exist.`);
    await expect(files.begin('a.json', 'backup')).rejects.toThrow(/absolute path/);
    const folder = await freshFolder();
    await expect(files.begin(folder, 'json')).rejects.toThrow(/a folder of that name is already there/);
  });

  it('throws away every file still open when the window goes', async () => {
    const folder = await freshFolder();
    const files = createStreamedFiles();
    const handle = await files.begin(path.join(folder, 'a.json'), 'json');
    await files.append(handle, bytes('[1'));
    await files.begin(path.join(folder, 'b.json'), 'json');
    await files.abandonAll();
    expect(await contents(folder)).toEqual([]);
    expect(files.openCount).toBe(0);
  });

  it('writes one letter per file only into a folder it was given, with safe names', async () => {
    const folder = await freshFolder();
    const files = createStreamedFiles();
    const handle = files.grantFolder(folder);
    expect(await files.writeInFolder(handle, 'Coventry 2009-12-09 annual-rating ab12', '{"id":"ab12"}')).toEqual({
      status: 'saved',
      path: path.join(folder, 'Coventry 2009-12-09 annual-rating ab12.json'),
    });
    expect((await files.writeInFolder(handle, '../outside', '{}')).status).toBe('saved');
    expect(await contents(folder)).toEqual(['Coventry 2009-12-09 annual-rating ab12.json', 'outside.json']);
    await expect(files.writeInFolder('f'.repeat(32), 'a', '{}')).rejects.toThrow(/not chosen/);
    await expect(files.writeInFolder(handle, 'a', 42 as unknown as string)).rejects.toThrow(/JSON text must be a string/);
  });

  it('forgets a folder once another is chosen, or once the window reloads', async () => {
    const files = createStreamedFiles();
    const first = files.grantFolder(await freshFolder());
    const second = files.grantFolder(await freshFolder());
    await expect(files.writeInFolder(first, 'a', '{}')).rejects.toThrow(/not chosen/);
    expect((await files.writeInFolder(second, 'a', '{}')).status).toBe('saved');
    await files.abandonAll();
    await expect(files.writeInFolder(second, 'b', '{}')).rejects.toThrow(/not chosen/);
  });
});
