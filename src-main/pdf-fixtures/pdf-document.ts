/**
 * The pdfkit document every fixture is drawn on, set up so the same input gives the same
 * bytes: fixed dates in the info dictionary (pdfkit stamps "now" otherwise, and derives the
 * file ID from them), and RC4 encryption, which unlike AES takes no random IV.
 */
import PDFDocument from 'pdfkit';

/** A pdfkit document. */
export type Doc = InstanceType<typeof PDFDocument>;

/** Page sizes in points. */
export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

/** What a fixture document needs to know before the first page. */
export interface DocumentSetup {
  pageSize: keyof typeof PAGE_SIZES;
  /** When the letter was written: becomes CreationDate and ModDate. */
  date: Date;
  title: string;
  /** Encrypts the document so that it opens only with this password. */
  password?: string | undefined;
}

/** A new document with buffered pages (so footers can say "of M"), no first page yet. */
export function openDocument(setup: DocumentSetup): Doc {
  return new PDFDocument({
    size: [...PAGE_SIZES[setup.pageSize]],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    // 1.4 gives 128-bit RC4 when encrypted; pdfkit's 1.7 choices use AES with a random IV.
    pdfVersion: '1.4',
    ...(setup.password ? { userPassword: setup.password, ownerPassword: `${setup.password}-owner` } : {}),
    info: {
      Title: setup.title,
      Author: 'Ofsted',
      Creator: 'Letter Archive PDF fixtures',
      Producer: 'PDFKit',
      CreationDate: setup.date,
      ModDate: setup.date,
    },
  });
}

/** Ends the document and resolves to its bytes. */
export function finishDocument(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
