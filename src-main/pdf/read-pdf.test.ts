/**
 * Reading PDFs with pdf.js in Node: the reasons a PDF is not read, and the port that joins
 * pdf.js's halves without copying giving exactly what pdf.js's own copying loopback gives.
 */
import { describe, expect, it } from 'vitest';
import { PDF_REASONS, pdfjsInThisThread, readPdfText, type PdfjsHalves, type PdfjsLike } from '../../src-shared/pdf/read-pdf';
import { SAMPLE_FILES, sampleText } from '../../src-shared/letters/test-support/sample-letters';
import { finishDocument, openDocument, type Doc } from '../pdf-fixtures/pdf-document';
import { letterPdf, scannedLetterPdf } from '../pdf-fixtures';

const halves = async (): Promise<PdfjsHalves> =>
  ({ api: await import('pdfjs-dist/legacy/build/pdf.mjs'), worker: await import('pdfjs-dist/legacy/build/pdf.worker.mjs') }) as unknown as PdfjsHalves;

async function drawn(pages: number, draw: (doc: Doc, page: number) => void): Promise<Uint8Array> {
  const doc = openDocument({ pageSize: 'A4', date: new Date(Date.UTC(2009, 11, 9)), title: 'test' });
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    draw(doc, page);
  }
  return finishDocument(doc);
}

describe('readPdfText', () => {
  it('tells a scan from a PDF with no text and no pictures, and refuses a PDF far longer than a letter', async () => {
    const pdfjs = pdfjsInThisThread(await halves());
    expect(await readPdfText(pdfjs, await scannedLetterPdf(2))).toEqual({ ok: false, reason: PDF_REASONS.scanned });
    const lines = await drawn(1, (doc) => doc.moveTo(72, 72).lineTo(300, 300).stroke());
    expect(await readPdfText(pdfjs, lines)).toEqual({ ok: false, reason: PDF_REASONS.noText });
    const long = await drawn(201, (doc, page) => doc.font('Helvetica').fontSize(11).text(`Page ${page + 1}`, 72, 72, { lineBreak: false }));
    expect(await readPdfText(pdfjs, long)).toEqual({ ok: false, reason: PDF_REASONS.tooManyPages(201) });
  });

  it('gives through the same-thread port exactly what pdf.js gives through its own copying loopback', async () => {
    const both = await halves();
    // pdf.js's own "fake worker" deep-copies every message.
    const copying: PdfjsLike = both.api;
    const sameThread = pdfjsInThisThread(both);
    for (const file of SAMPLE_FILES) {
      for (const fragments of ['line', 'pieces'] as const) {
        const bytes = await letterPdf(sampleText(file), { fragments });
        // pdf.js's loopback takes the buffer it is given away, so it gets a copy.
        const expected = await readPdfText(copying, bytes.slice());
        expect(expected.ok).toBe(true);
        // Font ids carry the number of the document in its pdf.js worker, and nothing else differs.
        const withoutDocument = (read: unknown) => JSON.stringify(read).replace(/"g_d\d+_/g, '"g_');
        expect(withoutDocument(await readPdfText(sameThread, bytes))).toBe(withoutDocument(expected));
      }
    }
  });
});
