/** The sample letters shipped in resources/sample-letters, read for tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_DIR = fileURLToPath(new URL('../../../resources/sample-letters/', import.meta.url));

export const SAMPLE_FILES = readdirSync(SAMPLE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_DIR + name));
}

export function sampleText(name: string): string {
  return readFileSync(SAMPLE_DIR + name, 'utf8');
}
