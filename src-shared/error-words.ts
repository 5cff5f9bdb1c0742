/**
 * An error as words a person can read: what went wrong, without the program's own terms
 * (error class names, system error codes, stack lines, "undefined"), and, where there is
 * one, what to do about it. The words follow on from a phrase ("could not be read (...)",
 * "the import stopped: ..."), so they start in lower case and end without a full stop.
 */

/** What went wrong, by the name a browser or Dexie gives the error. */
const BY_NAME = new Map<string, string>(Object.entries({
  QuotaExceededError: 'there is no room left to store it on this computer; free some disk space and try again',
  NotFoundError: 'the file is no longer there; it may have been moved, renamed or deleted',
  NotReadableError: 'the file could not be read; it may be in use by another program, or have been moved',
  NotAllowedError: 'permission to read it was refused',
  SecurityError: 'permission to read it was refused',
  AbortError: 'it was stopped before it finished',
  TimeoutError: 'it took too long',
  DatabaseClosedError: 'the archive was closed; close the app, open it again and try again',
  InvalidStateError: 'the archive was closed; close the app, open it again and try again',
  OpenFailedError: 'the archive could not be opened; close the app, open it again and try again',
  VersionError: 'the archive was made by a newer version of the app; use that version',
  DataCloneError: 'the file holds something that cannot be kept in the archive',
}));

/** What went wrong, by the code the operating system gives a file error. */
const BY_CODE = new Map<string, string>(Object.entries({
  ENOENT: 'the file is no longer there; it may have been moved, renamed or deleted',
  ENOTDIR: 'the folder is no longer there; it may have been moved, renamed or deleted',
  EACCES: 'permission to read it was refused',
  EPERM: 'permission to read it was refused',
  EBUSY: 'it is in use by another program; close that program and try again',
  ENOSPC: 'the disk is full; free some space and try again',
  EIO: 'the disk reported an error while reading it',
  EMFILE: 'too many files are open; try again',
  ENFILE: 'too many files are open; try again',
  ENAMETOOLONG: 'its path is too long',
  EISDIR: 'it is a folder, not a file',
}));

const UNEXPECTED = 'something unexpected went wrong in the app';

/** Messages that are the program talking to itself, not to a person. */
const JARGON = /\bundefined\b|\bnull\b|is not a function|is not defined|is not iterable|cannot read propert|cannot set propert|unexpected token|maximum call stack|\[object |^\s*$/i;

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The message with the wrapping that carriers of errors add taken off: IPC, "TypeError:", stack lines. */
function bareMessage(message: string): string {
  let text = message.split(/\r?\n\s*at /)[0]!.split('\n')[0]!.trim();
  // Electron's "Error invoking remote method 'x': Error: ...", then any "SomeError: " in front.
  text = text.replace(/^Error invoking remote method '[^']*':\s*/, '');
  for (;;) {
    const stripped = text.replace(/^(?:[A-Z][A-Za-z]*)?(?:Error|Exception)(?: \[[A-Z_]+\])?:\s*/, '');
    if (stripped === text) break;
    text = stripped;
  }
  return text.trim();
}

/** A message as a phrase that follows on: first letter lower case (unless a name or an acronym), no closing full stop. */
function asPhrase(text: string): string {
  const trimmed = text.replace(/[.\s]+$/, '');
  return /^[A-Z][a-z]/.test(trimmed) && !/^(?:I|PDF|Ofsted)\b/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * An error as a phrase a person can read: "the file is no longer there; it may have been
 * moved, renamed or deleted", "permission to read it was refused", or the error's own words
 * where they are words, never "undefined" or "TypeError: x is not a function".
 */
export function errorInWords(error: unknown): string {
  const byName = BY_NAME.get(field(error, 'name') ?? '') ?? BY_CODE.get(field(error, 'code') ?? '');
  if (byName) return byName;
  const text = bareMessage(typeof error === 'string' ? error : (field(error, 'message') ?? ''));
  // A system error code at the start of the message ("ENOENT: no such file or directory, open '...'"),
  // or a browser's error name standing alone ("NotFoundError").
  const known = BY_CODE.get(/^([A-Z]{3,})[:,]/.exec(text)?.[1] ?? '') ?? BY_NAME.get(text);
  if (known) return known;
  // Another system error: its words without its code and the call it came from ("EINVAL: invalid argument, open '/x'").
  const system = /^E[A-Z0-9]{2,}: ([^,]+)/.exec(text);
  if (system) return system[1]!.trim();
  return JARGON.test(text) ? UNEXPECTED : asPhrase(text);
}
