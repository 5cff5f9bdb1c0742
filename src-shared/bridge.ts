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
  print: 'archive:print',
  saveAsPdf: 'archive:save-as-pdf',
  openOriginal: 'archive:open-original',
  saveCsv: 'archive:save-csv',
  beginSave: 'archive:begin-save',
  appendSave: 'archive:append-save',
  finishSave: 'archive:finish-save',
  chooseJsonFolder: 'archive:choose-json-folder',
  saveJsonInFolder: 'archive:save-json-in-folder',
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

/**
 * Commands the application menu sends to the window. 'print' and 'save-pdf' open the print
 * preview of what is selected; the preview's own buttons then call print() or saveAsPdf().
 */
export type MenuCommand = 'import-folder' | 'print' | 'save-pdf' | 'focus-search' | 'backup-archive' | 'restore-archive' | 'export-json' | 'undo-removal';

export const MENU_COMMANDS: readonly MenuCommand[] = ['import-folder', 'print', 'save-pdf', 'focus-search', 'backup-archive', 'restore-archive', 'export-json', 'undo-removal'];

export type PaperSize = 'A4' | 'Letter';

export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'Letter'];

/**
 * Prints the page as it is now: the renderer has put the summary's print view on screen and
 * its print stylesheet leaves out the app's chrome.
 */
export interface PrintRequest {
  /** The summary's title, plain text, for the footer of every page (main escapes it). */
  title: string;
  paperSize: PaperSize;
  /** Pages turned sideways, for a table too wide to stand upright. */
  landscape?: boolean;
}

export interface PdfRequest extends PrintRequest {
  /** The file name the save dialog offers, without a folder; main makes it safe. */
  suggestedName: string;
}

export type PrintOutcome =
  | { status: 'printed' }
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** A table to save as a CSV file. */
export interface CsvRequest {
  /** The file name the save dialog offers, without a folder; main makes it safe. */
  suggestedName: string;
  /** The whole file as text, byte order mark included (see toCsv in src-shared/export/csv.ts). */
  content: string;
}

/** Whether a file was saved, and where, or why not. */
export type SaveOutcome = { status: 'saved'; path: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * A file too large to send in one message (a backup of the archive, every letter as JSON) is
 * saved in pieces: beginSave asks where and opens a temporary file beside the target,
 * appendSave adds a piece, finishSave renames it over the target (or throws it away). So
 * neither process ever holds the whole file, and a failure never leaves half a file.
 */
export type StreamedFileKind = 'backup' | 'json';

export const STREAMED_FILE_KINDS: readonly StreamedFileKind[] = ['backup', 'json'];

export interface StreamedSaveRequest {
  kind: StreamedFileKind;
  /** The file name the save dialog offers, without a folder; main makes it safe. */
  suggestedName: string;
}

/**
 * The save dialog's answer: a handle to append to (main's own random name for the open
 * file, valid only until finishSave), or why not.
 */
export type SaveStart = { status: 'started'; handle: string; path: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

/** Largest piece one appendSave call may carry. */
export const MAX_SAVE_CHUNK_BYTES = 8 * 1024 * 1024;

/** Whether a letter's original file was handed to the system's viewer, or why not. */
export type OpenOutcome = { status: 'opened' } | { status: 'failed'; message: string };

/** Largest batch of files one readFiles call may ask for. */
export const MAX_READ_BATCH = 200;

/**
 * Largest total of listed sizes one readFiles call may ask for, so one reply never holds
 * hundreds of megabytes; a file larger than this is read on its own.
 */
export const MAX_READ_BYTES = 32 * 1024 * 1024;

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
  /** Opens the system print dialog for the page (webContents.print). */
  print(request: PrintRequest): Promise<PrintOutcome>;
  /** Asks where to save, then writes the page as a PDF there (webContents.printToPDF). */
  saveAsPdf(request: PdfRequest): Promise<PrintOutcome>;
  /** Asks where to save, then writes the CSV text there. */
  saveCsv(request: CsvRequest): Promise<SaveOutcome>;
  /** Asks where to save a large file (see StreamedFileKind) and opens it for appendSave. */
  beginSave(request: StreamedSaveRequest): Promise<SaveStart>;
  /** Adds the next piece (at most MAX_SAVE_CHUNK_BYTES) to a file beginSave opened. */
  appendSave(handle: string, bytes: Uint8Array): Promise<void>;
  /** keep: the file is complete, put it in place; otherwise throw it away (nothing is left behind). */
  finishSave(handle: string, keep: boolean): Promise<SaveOutcome>;
  /** Asks for a folder to write one JSON file per letter into; the handle names it to saveJsonInFolder. */
  chooseJsonFolder(): Promise<SaveStart>;
  /** Writes one JSON file in the folder chooseJsonFolder gave; main makes the name safe and ends it in ".json". */
  saveJsonInFolder(handle: string, fileName: string, content: string): Promise<SaveOutcome>;
  /**
   * Opens a file a letter was imported from in the system's own viewer (a PDF in the PDF
   * viewer). Only a PDF or text file inside a folder the person chose, or the sample folder.
   */
  openOriginal(root: string, relativePath: string): Promise<OpenOutcome>;
  /** Subscribes to menu commands; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
