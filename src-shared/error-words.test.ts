import { describe, expect, it } from 'vitest';
import { errorInWords } from './error-words';

function named(name: string, message = ''): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('errorInWords', () => {
  it('says what a browser’s or the archive’s error means, not its name', () => {
    expect(errorInWords(named('QuotaExceededError', 'The quota has been exceeded.'))).toBe('there is no room left to store it on this computer; free some disk space and try again');
    expect(errorInWords(named('NotFoundError', 'A requested file or directory could not be found at the time an operation was processed.'))).toMatch(/^the file is no longer there/);
    expect(errorInWords(named('DatabaseClosedError', 'Database has been closed'))).toMatch(/^the archive was closed; close the app/);
    expect(errorInWords('NotReadableError')).toMatch(/^the file could not be read/);
  });

  it('says what a system error code means', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/letters/a.txt'"), { code: 'ENOENT' });
    expect(errorInWords(enoent)).toBe('the file is no longer there; it may have been moved, renamed or deleted');
    expect(errorInWords("Error invoking remote method 'readFiles': Error: EACCES: permission denied, open '/x'")).toBe('permission to read it was refused');
    // One it has no words of its own for: the system's words, without the code and the call.
    expect(errorInWords(Object.assign(new Error("EINVAL: invalid argument, read '/letters/a.txt'"), { code: 'EINVAL' }))).toBe('invalid argument');
  });

  it('keeps an error’s own words, without the wrapping around them, as a phrase to follow on', () => {
    expect(errorInWords(new Error('The folder "/letters" does not exist.'))).toBe('the folder "/letters" does not exist');
    expect(errorInWords("Error invoking remote method 'listFolder': Error: The folder \"/x\" does not exist.")).toBe('the folder "/x" does not exist');
    expect(errorInWords(new TypeError('PDF header not found'))).toBe('PDF header not found');
    expect(errorInWords('Invalid PDF structure.\n    at readPdf (pdf.js:1:2)')).toBe('invalid PDF structure');
  });

  it('never shows the program talking to itself', () => {
    const unexpected = 'something unexpected went wrong in the app';
    expect(errorInWords(undefined)).toBe(unexpected);
    expect(errorInWords(null)).toBe(unexpected);
    expect(errorInWords('undefined')).toBe(unexpected);
    expect(errorInWords(new TypeError("Cannot read properties of undefined (reading 'sections')"))).toBe(unexpected);
    expect(errorInWords(new TypeError('letter.sections.map is not a function'))).toBe(unexpected);
    expect(errorInWords({})).toBe(unexpected);
    expect(errorInWords(new Error(''))).toBe(unexpected);
  });
});

describe('errorInWords, with odd names', () => {
  it('takes no meaning from names that objects have anyway', () => {
    expect(errorInWords(named('constructor', 'the folder has gone'))).toBe('the folder has gone');
    expect(errorInWords('toString')).toBe('toString');
  });
});
