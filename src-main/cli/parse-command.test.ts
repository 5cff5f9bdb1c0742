import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlyQuotes } from '../corpus/damage';
import { letterPdf } from '../pdf-fixtures';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const command = path.join(repo, 'src-main', 'cli', 'parse-command.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [command, ...args], { cwd: repo, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parse-command-'));
  const samples = path.join(repo, 'resources', 'sample-letters');
  await fs.mkdir(path.join(dir, 'sub'));
  await fs.copyFile(path.join(samples, 'leicester-2009-annual-rating.txt'), path.join(dir, 'sub', 'letter.txt'));
  // The same letter again, with curly quotes: a file of its own, and the same letter.
  await fs.writeFile(path.join(dir, 'sub', 'zz-copy-of-letter.txt'), curlyQuotes(await fs.readFile(path.join(samples, 'leicester-2009-annual-rating.txt'), 'utf8')));
  const coventry = await fs.readFile(path.join(samples, 'coventry-2007-annual-performance-assessment.txt'), 'utf8');
  await fs.writeFile(path.join(dir, 'sub', 'coventry-2007.pdf'), await letterPdf(coventry));
  await fs.writeFile(path.join(dir, 'locked.pdf'), await letterPdf(coventry, { password: 'secret' }));
  await fs.writeFile(path.join(dir, 'shopping-list.txt'), 'eggs\nmilk\n');
  await fs.writeFile(path.join(dir, 'Thumbs.db'), 'x');
  await fs.symlink(os.tmpdir(), path.join(dir, 'escape'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm run parse', () => {
  it('exits 2 with usage on stderr when no path is given', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a path that does not exist and for an unknown option', async () => {
    expect((await run([path.join(dir, 'missing')])).code).toBe(2);
    const r = await run([dir, '--yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option "--yaml"/);
  });

  it('prints usage and exits 0 for --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
  });

  it('prints one JSON array with a letter or an error per file, skipped ones included', async () => {
    const r = await run([dir, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(typeof row.file).toBe('string');
      expect(('letter' in row) !== ('error' in row)).toBe(true);
      if ('error' in row) expect(typeof row.error).toBe('string');
      else expect(row.letter).toMatchObject({ kind: expect.any(String), council: expect.any(Object) });
    }
    const files = rows.map((row) => row.file);
    expect(files).toContain(path.join(dir, 'shopping-list.txt'));
    expect(files).not.toContain(path.join(dir, 'Thumbs.db'));
    // Text and PDF letters alike: the same contract, and a PDF's sections know their pages.
    const text = rows.find((row) => row.file === path.join(dir, 'sub', 'letter.txt'));
    expect(text?.letter).toMatchObject({ kind: 'annual-rating', council: { displayName: 'Leicester' } });
    expect(text).not.toHaveProperty('sameAs');
    const curly = rows.find((row) => row.file === path.join(dir, 'sub', 'zz-copy-of-letter.txt'));
    expect(curly).toMatchObject({ letter: { council: { displayName: 'Leicester' } }, sameAs: path.join(dir, 'sub', 'letter.txt') });
    const pdf = rows.find((row) => row.file === path.join(dir, 'sub', 'coventry-2007.pdf'))?.letter as
      | { kind: string; date: string; pageCount: number; sections: { page: number }[] }
      | undefined;
    expect(pdf).toMatchObject({ kind: 'apa', date: '2007-11-26', council: { displayName: 'Coventry' } });
    expect(pdf?.pageCount).toBeGreaterThan(3);
    expect(pdf?.sections.every((section) => section.page >= 1 && section.page <= pdf.pageCount)).toBe(true);
    expect(rows.find((row) => row.file === path.join(dir, 'locked.pdf'))).toEqual({
      file: path.join(dir, 'locked.pdf'),
      error: expect.stringMatching(/protected by a password/),
    });
    expect(rows.find((row) => row.file === path.join(dir, 'escape'))).toEqual({
      file: path.join(dir, 'escape'),
      error: 'symbolic link pointing outside the chosen folder',
    });
  });

  it('prints a table for a folder and for one file', async () => {
    const folder = await run([dir]);
    expect(folder.code).toBe(0);
    expect(folder.stdout).toMatch(/^File\s+Kind/);
    expect(folder.stdout).toMatch(/^shopping-list\.txt /m);
    const one = await run([path.join(dir, 'shopping-list.txt')]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^shopping-list\.txt /m);
  });
});
