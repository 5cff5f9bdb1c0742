/**
 * `npm run bench:pdf-worker [-- --letters N]`: how fast the app's own parse worker reads PDF
 * letters in Chromium, where it runs pdf.js's browser build. `npm run bench:parse` measures
 * the same steps in Node, with pdf.js's slower legacy build; this is the figure a person
 * importing a folder meets, one core's worth. Needs the built renderer (it builds first).
 *
 * Prints a summary for people, then one JSON line for machines.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { pdfBenchLetters } from '../../src-main/bench/pdf-parse-bench';
import { median, round } from '../../src-shared/stats';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { CHROMIUM_ARGS, findChromium } from '../support/browser-path';
import { serveFolder } from '../support/static-server';

const RUNS = 3;
const repo = fileURLToPath(new URL('../../', import.meta.url));
const renderer = path.join(repo, process.env.LETTER_ARCHIVE_OUT ?? 'out', 'renderer');

interface PassResult {
  ms: number;
  ok: number;
  failed: number;
  pages: number;
}

/** Runs inside the page: hands the letters to a parse worker in one batch per pass and times each pass. */
function pageScript(workerUrl: string, letters: string[], runs: number): string {
  return `(async () => {
    const letters = ${JSON.stringify(letters)}.map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const worker = new Worker(${JSON.stringify(workerUrl)}, { type: 'module' });
    // As parse-request.ts sends a batch: the files' bytes end to end, each file its place in them.
    const request = (id) => {
      const bytes = new Uint8Array(letters.reduce((sum, b) => sum + b.byteLength, 0));
      let at = 0;
      const files = letters.map((b, i) => {
        bytes.set(b, at);
        const file = { relativePath: 'letter-' + i + '.pdf', at, length: b.byteLength };
        at += b.byteLength;
        return file;
      });
      return { id, files, bytes: bytes.buffer };
    };
    const pass = (id) => new Promise((resolve) => {
      let ok = 0, failed = 0, pages = 0;
      const message = request(id);
      const start = performance.now();
      worker.onmessage = (event) => {
        const reply = event.data;
        // A letter read comes as JSON (letter-json.ts); a file that is not one, as its outcome.
        if (reply.parsed && 'letterJson' in reply.parsed) {
          ok++;
          pages += JSON.parse(reply.parsed.letterJson).pageCount ?? 0;
        } else if (reply.parsed) failed++;
        if (reply.done) resolve({ ms: performance.now() - start, ok, failed, pages });
      };
      worker.postMessage(message, [message.bytes]);
    });
    const results = [];
    for (let run = 0; run <= ${runs}; run++) results.push(await pass(run + 1));
    worker.terminate();
    return results;
  })()`;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--letters');
  const count = at === -1 ? 200 : Number(process.argv[at + 1]);
  if (!Number.isInteger(count) || count < 1) throw new Error('--letters needs a whole number of letters, 1 or more.');
  const browser = findChromium();
  if (!browser.path) throw new Error(browser.reason);
  const workerFile = readdirSync(path.join(renderer, 'assets')).find((name) => name.startsWith('parse-worker'));
  if (!workerFile) throw new Error(`${renderer} holds no parse worker: build the app first (npm run build).`);

  // The same PDFs bench:parse reads in Node.
  const pdfs = await pdfBenchLetters(repo, count);
  const bytes = pdfs.reduce((sum, p) => sum + p.bytes.length, 0);

  const server = await serveFolder(renderer, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  const chrome = await chromium.launch({ executablePath: browser.path, args: CHROMIUM_ARGS });
  try {
    const page = await chrome.newPage();
    await page.goto(server.url);
    const base64 = pdfs.map((p) => Buffer.from(p.bytes).toString('base64'));
    const [warmUp, ...passes] = (await page.evaluate(pageScript(`assets/${workerFile}`, base64, RUNS))) as PassResult[];
    const ms = median(passes.map((p) => p.ms));
    const figures = {
      letters: count,
      totalMB: round(bytes / 1024 / 1024),
      warmUpMs: round(warmUp?.ms),
      runsMs: passes.map((p) => round(p.ms)),
      pages: passes[0]?.pages ?? 0,
      lettersPerSecond: round(count / (ms / 1000)),
      pagesPerSecond: round((passes[0]?.pages ?? 0) / (ms / 1000)),
      mbPerSecond: round(bytes / 1024 / 1024 / (ms / 1000)),
      ok: passes[0]?.ok ?? 0,
      failed: passes[0]?.failed ?? 0,
    };
    process.stdout.write(
      [
        'PDF letters in the app’s parse worker (Chromium, one worker)',
        `  corpus      ${count} PDF letters, ${figures.pages} pages, ${figures.totalMB} MB (as npm run bench:parse makes them)`,
        ...figures.runsMs.map((run, i) => `  run ${i + 1}       ${run === null ? '?' : (run / 1000).toFixed(2)} s`),
        `  median      ${figures.lettersPerSecond} letters/s, ${figures.pagesPerSecond} pages/s, ${figures.mbPerSecond} MB/s`,
        `  parsed      ${figures.ok} OK, ${figures.failed} failed`,
        '',
      ].join('\n'),
    );
    process.stdout.write(`${JSON.stringify({ pdfWorker: figures })}\n`);
  } finally {
    await chrome.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:pdf-worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
