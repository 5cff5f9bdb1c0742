import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './parse-args';

describe('parseCommandArgs', () => {
  it('takes a path and an optional --json in any order', () => {
    expect(parseCommandArgs(['letters'])).toEqual({ kind: 'run', path: 'letters', json: false });
    expect(parseCommandArgs(['--json', 'letters'])).toEqual({ kind: 'run', path: 'letters', json: true });
    expect(parseCommandArgs(['letters', '--json'])).toEqual({ kind: 'run', path: 'letters', json: true });
  });

  it('asks for help', () => {
    expect(parseCommandArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandArgs(['letters', '-h'])).toEqual({ kind: 'help' });
  });

  it('refuses a missing path, several paths and unknown options', () => {
    expect(parseCommandArgs([])).toMatchObject({ kind: 'error' });
    expect(parseCommandArgs(['--json'])).toMatchObject({ kind: 'error' });
    expect(parseCommandArgs(['a', 'b'])).toMatchObject({ kind: 'error' });
    expect(parseCommandArgs(['a', '--jsn'])).toEqual({ kind: 'error', message: 'Unknown option "--jsn".' });
  });

  it('treats everything after -- as a path', () => {
    expect(parseCommandArgs(['--', '--odd-name.txt'])).toEqual({ kind: 'run', path: '--odd-name.txt', json: false });
  });
});
