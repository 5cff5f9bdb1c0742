/**
 * The PDF reader of the parse worker, loaded there on the first PDF so that importing text
 * files never pays for pdf.js.
 *
 * pdf.js is in two halves: the API, and a "worker" half that parses the file. Both run here,
 * in this one thread: the parse worker is already off the UI thread and sandboxed, and a
 * thread of pdf.js's own would be another script to fetch and another thread for each parse
 * worker. They are joined by a port that does not copy every message (see same-thread-port.ts).
 *
 * pdfjs-dist is pinned to 5.6: the 6.x line needs Node 22 and the command line runs on
 * Node 20. Versions from 4.2.67 on include the fix for CVE-2024-4367 (font code run with
 * eval), and the options in read-pdf.ts turn eval off besides.
 */
import * as api from 'pdfjs-dist';
import * as worker from 'pdfjs-dist/build/pdf.worker.mjs';
import type { PdfReader } from '../../../src-shared/pdf/pdf-text';
import { pdfjsInThisThread, readPdfText, type PdfjsHalves } from '../../../src-shared/pdf/read-pdf';

const pdfjs = pdfjsInThisThread({ api, worker } as unknown as PdfjsHalves);

/** Reads a PDF's text with pdf.js, in this thread. */
export const readPdfHere: PdfReader = (bytes) => readPdfText(pdfjs, bytes);
