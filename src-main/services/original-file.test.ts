import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOriginal } from './original-file';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'original-file-')));
  root = path.join(base, 'letters');
  outside = path.join(base, 'outside');
  await fs.mkdir(path.join(root, '2009'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(root, '2009', 'walsall.PDF'), '%PDF-1.7\n%%EOF\n');
  await fs.writeFile(path.join(root, 'coventry.txt'), 'Dear Mr Green');
  await fs.writeFile(path.join(root, 'fake.pdf'), 'MZ\x90\x00 a program in disguise');
  await fs.writeFile(path.join(root, 'letter.exe'), 'MZ');
  await fs.mkdir(path.join(root, 'folder.pdf'));
  await fs.writeFile(path.join(outside, 'secret.pdf'), '%PDF-1.7\n');
  await fs.symlink(path.join(outside, 'secret.pdf'), path.join(root, 'linked.pdf'));
  // A link that stays in the folder but leads to a program, named as a letter.
  await fs.writeFile(path.join(root, 'payload.command'), '#!/bin/sh\n# %PDF-\necho pwned\n');
  await fs.symlink(path.join(root, 'payload.command'), path.join(root, 'letter.txt'));
  await fs.symlink(path.join(root, 'payload.command'), path.join(root, 'letter-link.pdf'));
  await fs.symlink(path.join(root, 'coventry.txt'), path.join(root, 'coventry-link.txt'));
});

afterAll(async () => {
  await fs.rm(path.dirname(root), { recursive: true, force: true });
});

describe('findOriginal', () => {
  it('finds a PDF or text file inside the folder, whatever the case of its extension', async () => {
    expect(await findOriginal(root, '2009/walsall.PDF')).toEqual({ path: path.join(root, '2009', 'walsall.PDF') });
    expect(await findOriginal(root, 'coventry.txt')).toEqual({ path: path.join(root, 'coventry.txt') });
  });

  it('refuses paths that leave the folder, links out of it, and names that are not paths', async () => {
    for (const bad of ['../outside/secret.pdf', '/etc/passwd.txt', '2009//walsall.PDF', './coventry.txt', 'a\\..\\b.txt', '', 'x\0.pdf', 42]) {
      expect(await findOriginal(root, bad)).toHaveProperty('error');
    }
    expect(await findOriginal(root, 'linked.pdf')).toEqual({ error: expect.stringMatching(/outside the chosen folder/) });
  });

  it('never hands over a program reached through a link named as a letter, but follows a link to a letter', async () => {
    expect(await findOriginal(root, 'letter.txt')).toEqual({ error: expect.stringMatching(/only PDF and text files/) });
    expect(await findOriginal(root, 'letter-link.pdf')).toEqual({ error: expect.stringMatching(/only PDF and text files/) });
    expect(await findOriginal(root, 'coventry-link.txt')).toEqual({ path: path.join(root, 'coventry.txt') });
  });

  it('opens only PDFs that are PDFs and text files, never programs or folders', async () => {
    expect(await findOriginal(root, 'letter.exe')).toEqual({ error: expect.stringMatching(/only PDF and text files/) });
    expect(await findOriginal(root, 'fake.pdf')).toEqual({ error: expect.stringMatching(/named as a PDF but is not one/) });
    expect(await findOriginal(root, 'folder.pdf')).toEqual({ error: expect.stringMatching(/not a file/) });
    expect(await findOriginal(root, 'moved.pdf')).toEqual({ error: expect.stringMatching(/moved, renamed or deleted/) });
  });
});
