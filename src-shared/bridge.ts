/**
 * The contract of the preload bridge: `window.archive`, the only thing the preload exposes.
 * Types and channel names only, so main, preload, renderer and tests share one definition.
 */

/** IPC channel names, one per capability. */
export const CHANNELS = {
  chooseFolder: 'archive:choose-folder',
  sampleFolder: 'archive:sample-folder',
  listFolder: 'archive:list-folder',
  readFiles: 'archive:read-files',
  menuCommand: 'archive:menu-command',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** A file found under a chosen folder. */
export interface ListedFile {
  /** Path relative to the chosen folder, with "/" separators: the name shown to people and the key to read it by. */
  relativePath: string;
  size: number;
}

/** Something under the folder that will not be read, and why. */
export interface SkippedEntry {
  relativePath: string;
  reason: string;
}

export interface FolderListing {
  /** The folder as chosen. */
  root: string;
  files: ListedFile[];
  skipped: SkippedEntry[];
}

/** One file's bytes, or why it could not be read. */
export type FileRead =
  | { relativePath: string; bytes: Uint8Array }
  | { relativePath: string; error: string };

/** Commands the application menu sends to the window. */
export type MenuCommand = 'import-folder' | 'print' | 'focus-search';

export const MENU_COMMANDS: readonly MenuCommand[] = ['import-folder', 'print', 'focus-search'];

/** Largest batch of files one readFiles call may ask for. */
export const MAX_READ_BATCH = 200;

export interface ArchiveBridge {
  /** Opens the system's folder dialog; null when the person cancels. */
  chooseFolder(): Promise<string | null>;
  /** The folder of sample letters that ships with the app. */
  sampleFolder(): Promise<string>;
  /** Lists the letter files under a folder (recursively, never leaving it). */
  listFolder(root: string): Promise<FolderListing>;
  /**
   * Reads a batch of files from the folder's last listing. Only paths that listing returned
   * can be read, so the renderer cannot ask for any other file on the disk.
   */
  readFiles(root: string, relativePaths: string[]): Promise<FileRead[]>;
  /** Subscribes to menu commands; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
