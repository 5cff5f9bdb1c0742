import { describe, expect, it } from 'vitest';
import { parseCorpusArgs } from './corpus-args';

describe('parseCorpusArgs', () => {
  it('needs --out and defaults to 10,000 letters and seed 1', () => {
    expect(parseCorpusArgs(['--out', 'corpus'])).toEqual({ kind: 'run', out: 'corpus', letters: 10_000, seed: 1, format: 'text', damaged: false });
    expect(parseCorpusArgs(['--letters=500', '--out=c', '--seed', '9'])).toEqual({ kind: 'run', out: 'c', letters: 500, seed: 9, format: 'text', damaged: false });
  });

  it('reads --damaged, for text letters', () => {
    expect(parseCorpusArgs(['--out', 'c', '--damaged'])).toMatchObject({ kind: 'run', damaged: true, format: 'text' });
    expect(parseCorpusArgs(['--out', 'c', '--damaged', '--format', 'mixed'])).toMatchObject({ kind: 'run', damaged: true, format: 'mixed' });
  });

  it('reads --format text, pdf or mixed', () => {
    for (const format of ['text', 'pdf', 'mixed']) {
      expect(parseCorpusArgs(['--out', 'c', '--format', format])).toMatchObject({ kind: 'run', format });
      expect(parseCorpusArgs(['--out', 'c', `--format=${format}`])).toMatchObject({ kind: 'run', format });
    }
  });

  it('explains every usage error', () => {
    const errors = [[], ['--letters', '10'], ['--out'], ['--out', 'c', '--letters', 'many'], ['--out', 'c', '--letters', '2.5'], ['--out', 'c', '--seed', '-1'], ['--out', 'c', '--bogus'], ['--out', 'c', 'stray'], ['--out', 'c', '--format', 'docx'], ['--out', 'c', '--format'], ['--out', 'c', '--damaged=yes'], ['--out', 'c', '--damaged', '--format', 'pdf']];
    for (const argv of errors) {
      const result = parseCorpusArgs(argv);
      expect(result.kind, argv.join(' ')).toBe('error');
      if (result.kind === 'error') expect(result.message.length).toBeGreaterThan(10);
    }
    expect(parseCorpusArgs(['--help']).kind).toBe('help');
  });
});
