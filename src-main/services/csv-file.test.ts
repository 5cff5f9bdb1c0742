import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FALLBACK_CSV_NAME, MAX_CSV_BYTES, parseCsvRequest, safeCsvFileName, writeCsvFile } from './csv-file';

let base: string;

const CSV = '\uFEFFCouncil,Fee\r\nCoventry,"£1,200 – the council’s “weekly” fee"';

/** What is in a folder, hidden files included: nothing may be left behind. */
const contents = async (folder: string): Promise<string[]> => (await fs.readdir(folder)).sort();

async function freshFolder(name: string): Promise<string> {
  const folder = path.join(base, name);
  await fs.mkdir(folder, { recursive: true });
  return folder;
}

beforeAll(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'csv-file-')));
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseCsvRequest', () => {
  it('returns only what the bridge promises', () => {
    expect(parseCsvRequest({ suggestedName: 'a.csv', content: CSV, extra: 'ignored' })).toEqual({ suggestedName: 'a.csv', content: CSV });
    expect(parseCsvRequest({ suggestedName: '', content: '' })).toEqual({ suggestedName: '', content: '' });
  });

  it('refuses what is not a request of two strings', () => {
    for (const value of [null, 'a.csv', ['a.csv', CSV], 7]) expect(() => parseCsvRequest(value)).toThrow(/must be an object/);
    expect(() => parseCsvRequest({ content: CSV })).toThrow(/suggested file name must be a string/);
    expect(() => parseCsvRequest({ suggestedName: 'a.csv' })).toThrow(/CSV text must be a string/);
    expect(() => parseCsvRequest({ suggestedName: 'a.csv', content: new TextEncoder().encode(CSV) })).toThrow(TypeError);
  });

  it('refuses a long suggested name and text over 64 MB, counted in UTF-8 bytes', () => {
    expect(() => parseCsvRequest({ suggestedName: 'x'.repeat(1_001), content: '' })).toThrow(/at most 1000 characters/);
    expect(() => parseCsvRequest({ suggestedName: 'a.csv', content: 'x'.repeat(MAX_CSV_BYTES + 1) })).toThrow(/at most 64 MB/);
    // Half as many characters, but "£" is two bytes in UTF-8.
    const pounds = '£'.repeat(MAX_CSV_BYTES / 2 + 1);
    expect(() => parseCsvRequest({ suggestedName: 'a.csv', content: pounds })).toThrow(RangeError);
    expect(parseCsvRequest({ suggestedName: 'a.csv', content: '£'.repeat(MAX_CSV_BYTES / 2) }).content).toHaveLength(MAX_CSV_BYTES / 2);
  });
});

describe('safeCsvFileName', () => {
  it('keeps a plain name and adds ".csv" once', () => {
    expect(safeCsvFileName('Coventry - letters.csv')).toBe('Coventry - letters.csv');
    expect(safeCsvFileName('Coventry - letters')).toBe('Coventry - letters.csv');
    expect(safeCsvFileName('Walsall.CSV')).toBe('Walsall.csv');
  });

  it('drops folders, reserved and invisible characters, and leading or trailing dots', () => {
    expect(safeCsvFileName('../Coventry: letters.csv')).toBe('Coventry letters.csv');
    expect(safeCsvFileName('a/b\\c|d?e*f<g>h"i')).toBe('a b c d e f g h i.csv');
    expect(safeCsvFileName('evil\u202Egnp.csv')).toBe('evil gnp.csv');
    expect(safeCsvFileName('  .hidden.  ')).toBe('hidden.csv');
  });

  it('falls back when nothing usable is left, or the name is one Windows refuses', () => {
    for (const name of ['', '   ', '../..', '.csv', 'CON', 'nul.csv', 'com1.table', 'LPT9']) expect(safeCsvFileName(name)).toBe(FALLBACK_CSV_NAME);
    expect(safeCsvFileName('console')).toBe('console.csv');
  });

  it('keeps the name within 200 UTF-8 bytes without splitting a character', () => {
    const name = safeCsvFileName('£'.repeat(300));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name).toBe(`${'£'.repeat(98)}.csv`);
  });
});

describe('writeCsvFile', () => {
  it('writes the text as UTF-8, byte order mark included, and leaves nothing else in the folder', async () => {
    const folder = await freshFolder('new');
    const target = path.join(folder, 'Coventry.csv');
    await writeCsvFile(target, CSV);
    const bytes = await fs.readFile(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.equals(Buffer.from(CSV, 'utf8'))).toBe(true);
    expect(await contents(folder)).toEqual(['Coventry.csv']);
  });

  it('replaces an existing file whole, keeping its permissions', async () => {
    const folder = await freshFolder('replace');
    const target = path.join(folder, 'table.csv');
    await fs.writeFile(target, 'old,table,that,was,longer\r\n', { mode: 0o640 });
    await fs.chmod(target, 0o640);
    await writeCsvFile(target, '\uFEFFnew');
    expect(await fs.readFile(target, 'utf8')).toBe('\uFEFFnew');
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
    expect(await contents(folder)).toEqual(['table.csv']);
  });

  it('writes an empty table', async () => {
    const folder = await freshFolder('empty');
    await writeCsvFile(path.join(folder, 'empty.csv'), '');
    expect((await fs.stat(path.join(folder, 'empty.csv'))).size).toBe(0);
  });

  it('refuses a relative or malformed path, and content that is not text', async () => {
    await expect(writeCsvFile('table.csv', CSV)).rejects.toThrow(/absolute path/);
    await expect(writeCsvFile('', CSV)).rejects.toThrow(TypeError);
    await expect(writeCsvFile(`${base}/a\0.csv`, CSV)).rejects.toThrow(TypeError);
    const target = path.join(base, 'not-text.csv');
    await expect(writeCsvFile(target, 42 as unknown as string)).rejects.toThrow(`Could not save "${target}": the table is not text.`);
  });

  it('says so when the folder does not exist', async () => {
    const target = path.join(base, 'missing', 'table.csv');
    await expect(writeCsvFile(target, CSV)).rejects.toThrow(`Could not save "${target}": the folder does not exist.`);
  });

  it('refuses to replace a folder', async () => {
    const folder = await freshFolder('folder-target');
    const target = await freshFolder('folder-target/table.csv');
    await expect(writeCsvFile(target, CSV)).rejects.toThrow(/a folder of that name is already there/);
    expect(await contents(folder)).toEqual(['table.csv']);
  });

  it('leaves the old file and no temporary file behind when the last step fails', async () => {
    const folder = await freshFolder('rename-fails');
    const target = path.join(folder, 'table.csv');
    await fs.writeFile(target, 'old');
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(writeCsvFile(target, CSV)).rejects.toThrow(`Could not save "${target}": the disk is full.`);
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await contents(folder)).toEqual(['table.csv']);
  });

  it('says permission denied where the folder is read-only', async () => {
    // Root can write anywhere, so there is nothing to see there.
    if (process.getuid?.() === 0 || process.platform === 'win32') return;
    const folder = await freshFolder('read-only');
    await fs.chmod(folder, 0o555);
    try {
      await expect(writeCsvFile(path.join(folder, 'table.csv'), CSV)).rejects.toThrow(/permission denied/);
    } finally {
      await fs.chmod(folder, 0o755);
    }
    expect(await contents(folder)).toEqual([]);
  });
});
