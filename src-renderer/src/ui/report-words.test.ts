import { describe, expect, it } from 'vitest';
import { asSentence, duplicateWords, letterInWords, pathIn } from './report-words';

const COVENTRY = { council: 'Coventry', kind: 'apa', year: 2007, date: '2007-11-28' } as const;

describe('asSentence', () => {
  it('starts a reason with a capital and ends it with a full stop', () => {
    expect(asSentence('the file is empty')).toBe('The file is empty.');
    expect(asSentence('looks like binary data, not text')).toBe('Looks like binary data, not text.');
  });

  it('leaves a sentence that is already one as it is', () => {
    expect(asSentence('The file is empty.')).toBe('The file is empty.');
    expect(asSentence('Is this a letter?')).toBe('Is this a letter?');
    expect(asSentence('it says \u201cstop.\u201d')).toBe('It says \u201cstop.\u201d');
    expect(asSentence('\u201cyear:20x9\u201d was ignored')).toBe('\u201cyear:20x9\u201d was ignored.');
  });

  it('tidies white space, and gives nothing for nothing', () => {
    expect(asSentence('  could not be read\n (the disk was removed)  ')).toBe('Could not be read (the disk was removed).');
    expect(asSentence('   ')).toBe('');
  });
});

describe('the words for a duplicate file', () => {
  it('names the letter by council, kind and year, and date', () => {
    expect(letterInWords(COVENTRY)).toBe('Coventry, annual performance assessment 2007, 28 November 2007');
    expect(letterInWords({ council: 'Walsall', kind: 'annual-rating', year: 2009, date: '2009-12-09' })).toBe('Walsall, annual rating 2009, 9 December 2009');
    expect(letterInWords({ council: 'Kent', kind: 'annual-rating', year: 2011, date: '2011-11-30' })).toBe('Kent, annual assessment 2011, 30 November 2011');
  });

  it('says a file imported before is already in the archive', () => {
    const words = duplicateWords({ file: 'a/coventry.txt', sameAs: 'a/coventry.txt', letter: COVENTRY });
    expect(words).toEqual({ before: 'Already in the archive from this file: Coventry, annual performance assessment 2007, 28 November 2007.', file: '', after: '' });
  });

  it('names the file the letter was first imported from, with its folder where that was another', () => {
    expect(duplicateWords({ file: 'copy.txt', sameAs: 'coventry.txt', letter: COVENTRY })).toEqual({
      before: 'The same letter as ',
      file: 'coventry.txt',
      after: ': Coventry, annual performance assessment 2007, 28 November 2007.',
    });
    expect(duplicateWords({ file: 'coventry.txt', sameAs: 'coventry.txt', letter: { ...COVENTRY, folder: '/home/ann/letters' } }).file).toBe('/home/ann/letters/coventry.txt');
  });

  it('says a sample letter is now the person’s, and reads reports that did not describe the letter', () => {
    expect(duplicateWords({ file: 'mine.txt', sameAs: 'coventry.txt', letter: { ...COVENTRY, wasSample: true } }).before).toBe(
      'One of the sample letters (Coventry, annual performance assessment 2007, 28 November 2007). It is kept as your letter, read from this file.',
    );
    expect(duplicateWords({ file: 'copy.txt', sameAs: 'coventry.txt' })).toEqual({ before: 'The same letter as ', file: 'coventry.txt', after: '.' });
  });

  it('writes a path with the folder’s own separator', () => {
    expect(pathIn('C:\\Letters', 'sub/a.txt')).toBe('C:\\Letters\\sub\\a.txt');
    expect(pathIn('/letters/', 'sub/a.txt')).toBe('/letters/sub/a.txt');
  });
});
