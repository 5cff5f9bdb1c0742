import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolderGrants } from './folder-grants';

describe('createFolderGrants', () => {
  const chosen = path.resolve('/letters/chosen');

  it('allows exactly the granted folders, however their path is spelled', () => {
    const grants = createFolderGrants();
    expect(grants.allows(chosen)).toBe(false);
    grants.grant(chosen);
    expect(grants.allows(chosen)).toBe(true);
    expect(grants.allows(`${chosen}${path.sep}`)).toBe(true);
    expect(grants.allows(path.join(chosen, 'sub', '..'))).toBe(true);
  });

  it('refuses subfolders, parents, siblings, relative paths and non-strings', () => {
    const grants = createFolderGrants();
    grants.grant(chosen);
    expect(grants.allows(path.join(chosen, 'sub'))).toBe(false);
    expect(grants.allows(path.dirname(chosen))).toBe(false);
    expect(grants.allows(`${chosen}-other`)).toBe(false);
    expect(grants.allows('letters/chosen')).toBe(false);
    expect(grants.allows(`${chosen}\0`)).toBe(false);
    expect(grants.allows(undefined)).toBe(false);
    expect(grants.allows([chosen])).toBe(false);
  });

  it('grants only absolute paths', () => {
    expect(() => createFolderGrants().grant('relative')).toThrow(TypeError);
  });
});

describe('remembered folders', () => {
  const chosen = path.resolve('/letters/chosen');
  const other = path.resolve('/letters/other');

  it('remembers the folders an earlier run chose, for opening originals only, and saves each newly chosen one with them', () => {
    const saved: string[][] = [];
    const grants = createFolderGrants({ folders: [chosen, 'relative', 42 as unknown as string], save: (folders) => saved.push(folders) });
    expect(grants.remembers(chosen)).toBe(true);
    // Listing and reading need the folder chosen again in this run.
    expect(grants.allows(chosen)).toBe(false);
    expect(grants.remembers(path.resolve('relative'))).toBe(false);
    grants.grant(other);
    expect(grants.allows(other)).toBe(true);
    expect(grants.remembers(other)).toBe(true);
    grants.grant(chosen);
    expect(saved).toEqual([
      [chosen, other],
      [other, chosen],
    ]);
  });

  it('does not remember a folder granted for this run only', () => {
    const saved: string[][] = [];
    const grants = createFolderGrants({ folders: [], save: (folders) => saved.push(folders) });
    grants.grant(other, { remember: false });
    expect(grants.allows(other)).toBe(true);
    expect(saved).toEqual([]);
  });
});
