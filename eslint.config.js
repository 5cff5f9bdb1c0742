// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Names a pure module may not touch: anything that only exists in a browser or in Node.
const domAndNodeGlobals = [
  ...new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)]),
].filter((name) => !(name in globals.es2022) && !['console', 'TextDecoder', 'TextEncoder', 'crypto'].includes(name));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'out-*', 'dist', 'coverage', '.ci'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2022 } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src-main/**/*.ts', 'e2e/**/*.ts', '*.config.ts', '*.config.js', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // src-shared runs in the renderer's worker, in Node and in tests: it must not reach
    // Electron, Node's built-ins or the DOM. TextDecoder, TextEncoder and crypto.subtle
    // exist in all three, so they stay allowed.
    files: ['src-shared/**/*.ts'],
    // Tests and their helpers run only in Node, where they read fixtures from disk.
    ignores: ['src-shared/**/*.test.ts', 'src-shared/**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src-shared is pure: no Electron.' },
            { group: ['node:*'], message: 'src-shared is pure: no Node built-ins.' },
            {
              group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'buffer', 'stream', 'url', 'util', 'worker_threads'],
              message: 'src-shared is pure: no Node built-ins.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domAndNodeGlobals.map((name) => ({ name, message: 'src-shared is pure: no DOM or Node globals.' }))],
    },
  },
);
