/**
 * The folders the person picked (or the app ships), the only ones the renderer may list.
 *
 * The folder service reads only what a listing returned, but a listing of any folder
 * would still open the whole disk to a compromised renderer. Granting exact folders,
 * never their subfolders, also keeps a link inside a chosen folder from counting as
 * permission to list wherever it points.
 */
import path from 'node:path';

export interface FolderGrants {
  /** Lets the renderer list `folder` from now on. */
  grant(folder: string): void;
  /** True when `folder` is a path to a granted folder. */
  allows(folder: unknown): boolean;
}

/** An empty set of grants; a new one is made for each run of the app. */
export function createFolderGrants(): FolderGrants {
  const granted = new Set<string>();
  const key = (folder: string): string => path.resolve(folder);
  return {
    grant(folder) {
      if (!path.isAbsolute(folder)) throw new TypeError(`Only an absolute folder path can be granted, not "${folder}".`);
      granted.add(key(folder));
    },
    allows(folder) {
      return typeof folder === 'string' && path.isAbsolute(folder) && !folder.includes('\0') && granted.has(key(folder));
    },
  };
}
