/**
 * What the UI sees of the archive. Components use these types and the functions of
 * `repository.ts` / `hooks.ts`, never Dexie tables directly.
 */
import type { Letter, LetterKind, Rating } from '../../../src-shared/letters/letter';

/** A letter as kept in the archive: the parsed Letter and where it came from. */
export interface StoredLetter extends Letter {
  /** Key of the council row: the DfE code when known, else the lower-cased display name. */
  councilKey: string;
  /** File it was imported from, relative to the imported folder. */
  sourceFile: string;
  /** The imported folder, where it is known (a folder chosen in the app, not dropped files). */
  sourceFolder?: string;
  /** Every file the letter was found in, the first the one it was read from (`sourceFile`). */
  files: string[];
  /** The version of the parser that read it (PARSER_VERSION); 1 for letters read before versions were kept. */
  parserVersion: number;
  /** True for the sample letters imported on first run, so they can be removed together. */
  sample: boolean;
  importedAt: string;
}

export interface CouncilRow {
  key: string;
  displayName: string;
  /** The name as the latest letter writes it. */
  name: string;
  region: string | null;
  code: string | null;
  letterCount: number;
  /** The overall rating of the council's latest letter (by date). */
  latest: Rating | null;
  latestDate: string;
}

export interface ImportFailure {
  file: string;
  reason: string;
}

/** The letter a duplicate file holds, as a person would recognise it. */
export interface DuplicatedLetter {
  /** The council's short name: "Coventry". */
  council: string;
  kind: LetterKind;
  year: number;
  date: string;
  /** The folder the letter was first imported from, where that is not the folder this file is in. */
  folder?: string;
  /** The letter was one of the sample letters, and is the person's own from this file on. */
  wasSample?: true;
}

/**
 * A file holding a letter the archive already has: from another file, or from this very file
 * imported before. `letter` is missing from reports written before duplicates were described.
 */
export interface DuplicateFile {
  file: string;
  /** The file the letter was first imported from. */
  sameAs: string;
  letter?: DuplicatedLetter;
}

/** Kept in the archive after every import, reachable later. */
export interface ImportReport {
  id?: number;
  /** What was imported: a folder path, "Sample letters", or "Dropped files". */
  source: string;
  startedAt: string;
  /** Empty while the import is still running. */
  finishedAt: string;
  total: number;
  added: number;
  /** Letters already in the archive, or met earlier in the import. */
  duplicates: number;
  /**
   * Files that hold a letter the archive has: every duplicate file (reports written before
   * duplicates were described name only those holding a letter from another file).
   */
  sameLetters?: DuplicateFile[];
  /** Every file not imported, with its reason. */
  failures: ImportFailure[];
  cancelled: boolean;
}

/** A report as the archive keeps it: its counts, with the files it names in `reportEntries`. */
export type ReportRow = Omit<ImportReport, 'failures' | 'sameLetters'> & {
  /** Files not imported. */
  failed: number;
  /** Duplicate files the report names. */
  same: number;
};

/** One file a report names: not imported (with the reason), or the same letter as another file. */
export type ReportEntryRow = { seq?: number; reportId: number; file: string } & ({ reason: string } | { sameAs: string; letter?: DuplicatedLetter });

export interface ImportProgress {
  done: number;
  total: number;
  /** The file being read now. */
  current: string;
  added: number;
  duplicates: number;
  failed: number;
}

/** Where an import reads files from: a folder through the bridge, or files dropped or picked in a browser. */
export interface LetterSource {
  /** Shown in the report. */
  label: string;
  /** The folder on disk the files are in, where it is known, so a letter's original can be opened later. */
  folder?: string;
  list(): Promise<{ files: { relativePath: string; size: number }[]; skipped: ImportFailure[] }>;
  read(relativePaths: string[]): Promise<({ relativePath: string; bytes: Uint8Array } | { relativePath: string; error: string })[]>;
}

/** One search result: a section of a letter. */
export interface SearchHit {
  letterId: string;
  sectionIndex: number;
  councilKey: string;
  councilName: string;
  date: string;
  year: number;
  kind: Letter['kind'];
  heading: string;
  /** The section's grade, when it has one. */
  grade: Rating | null;
  /** The words in the section that matched, for highlighting (lower-cased, as the index holds them). */
  terms: string[];
  score: number;
}

/** The person's last selection, restored on start-up. */
export interface Selection {
  councilKey: string | null;
  letterId: string | null;
  sectionIndex: number | null;
}

/**
 * The person's tick on a recommendation or area for development: done, with a note and a
 * date. Their own data: imports and new readings of letters never change it.
 */
export interface TickRow {
  /** The point's id (trackPoints): its letter, kind, section and place. */
  pointId: string;
  councilKey: string;
  letterId: string;
  /** The point's words when it was ticked, so a new reading that moves the point still finds its tick. */
  text: string;
  note: string;
  /** The date the person gives it was dealt with, ISO. */
  doneOn: string;
  /** When it was ticked. */
  tickedAt: string;
}
