import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { META_CONTENT_SECURITY_POLICY } from './src-shared/content-security-policy';

// Where the build goes: `out` unless LETTER_ARCHIVE_OUT names another folder, so two
// checkouts' worth of work (or two people) can build and test side by side.
const OUT = process.env.LETTER_ARCHIVE_OUT ?? 'out';

export default defineConfig({
  main: {
    build: {
      outDir: `${OUT}/main`,
      lib: { entry: resolve(__dirname, 'src-main/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      lib: { entry: resolve(__dirname, 'src-main/preload/index.ts') },
      // A sandboxed preload cannot be an ES module.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    plugins: [
      react(),
      {
        // One policy for the whole app, written into the built page. The dev server injects
        // inline scripts and styles for hot reloading, which the policy refuses, so it is
        // left out there.
        name: 'letter-archive:content-security-policy',
        apply: 'build',
        transformIndexHtml: () => [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head' },
        ],
      },
    ],
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, OUT, 'renderer'),
      // LETTER_ARCHIVE_MINIFY=0 keeps function names, for reading CPU profiles (npm run bench -- --cpu-profile).
      minify: process.env.LETTER_ARCHIVE_MINIFY !== '0',
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
