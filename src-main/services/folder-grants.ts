/**
 * The folders the person picked (or the app ships), the only ones the renderer may list,
 * and whose letters' original files it may ask to open.
 *
 * The folder service reads only what a listing returned, but a listing of any folder
 * would still open the whole disk to a compromised renderer. Granting exact folders,
 * never their subfolders, also keeps a link inside a chosen folder from counting as
 * permission to list wherever it points.
 *
 * A folder picked in the dialog is remembered across runs of the app, so that the letters
 * imported from it can still open their original files after a restart; only for that:
 * listing and reading a folder needs it chosen in this run.
 */
import path from 'node:path';

export interface FolderGrants {
  /** Lets the renderer list `folder` from now on; `remember: false` keeps it for this run only. */
  grant(folder: string, options?: { remember?: boolean }): void;
  /** True when `folder` is a path to a folder granted in this run: it may be listed and read. */
  allows(folder: unknown): boolean;
  /** True when `folder` was granted in this run or remembered from an earlier one: its letters' originals may be opened. */
  remembers(folder: unknown): boolean;
}

export interface GrantMemory {
  /** Folders granted in earlier runs. */
  folders: readonly string[];
  /** Told of every remembered folder, with the whole list to keep. */
  save(folders: string[]): void;
}

/** Most folders remembered: the oldest are forgotten first. */
export const MAX_REMEMBERED_FOLDERS = 500;

/** Grants with the folders an earlier run remembered; none without a memory. */
export function createFolderGrants(memory?: GrantMemory): FolderGrants {
  const granted = new Set<string>();
  const remembered: string[] = [];
  const key = (folder: string): string => path.resolve(folder);
  const isPath = (folder: unknown): folder is string => typeof folder === 'string' && path.isAbsolute(folder) && !folder.includes('\0');
  for (const folder of memory?.folders ?? []) {
    if (isPath(folder)) remembered.push(key(folder));
  }
  return {
    grant(folder, options = {}) {
      if (!path.isAbsolute(folder)) throw new TypeError(`Only an absolute folder path can be granted, not "${folder}".`);
      granted.add(key(folder));
      if (options.remember === false || !memory) return;
      const at = remembered.indexOf(key(folder));
      if (at !== -1) remembered.splice(at, 1);
      remembered.push(key(folder));
      if (remembered.length > MAX_REMEMBERED_FOLDERS) remembered.splice(0, remembered.length - MAX_REMEMBERED_FOLDERS);
      memory.save([...remembered]);
    },
    allows(folder) {
      return isPath(folder) && granted.has(key(folder));
    },
    remembers(folder) {
      return isPath(folder) && (granted.has(key(folder)) || remembered.includes(key(folder)));
    },
  };
}
