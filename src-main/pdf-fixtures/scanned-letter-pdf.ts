/**
 * A "scanned" letter: every page is one picture (grey paper, dark bars where the lines of
 * text would be, a little dust, a slight skew) and there is no text at all, as when a
 * letter was printed, signed and scanned. The importer must notice it has nothing to read.
 */
import { crc32, deflateSync } from 'node:zlib';
import { seededRandom } from '../corpus/vary-letter';
import { finishDocument, openDocument, PAGE_SIZES } from './pdf-document';

const DPI = 80;
const PAPER = 232;

/** An 8-bit greyscale picture, a byte a pixel, row by row. */
interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Fills a rectangle given in points (72 to the inch). */
function bar(image: Grey, x: number, y: number, w: number, h: number, shade: number): void {
  const scale = DPI / 72;
  const x0 = Math.max(0, Math.round(x * scale));
  const x1 = Math.min(image.width, Math.round((x + w) * scale));
  const y0 = Math.max(0, Math.round(y * scale));
  const y1 = Math.min(image.height, Math.round((y + h) * scale));
  for (let row = y0; row < y1; row++) image.pixels.fill(shade, row * image.width + x0, row * image.width + x1);
}

/** Draws one page of bars: the letterhead, date and address on page 1, paragraphs below, a footer. */
function paintPage(image: Grey, page: number, random: () => number, pageWidth: number, pageHeight: number): void {
  const left = 72;
  const width = pageWidth - 144;
  const line = 13.5;
  let y = 72;
  const text = (w: number, thick = 7): void => {
    bar(image, left, y, w, thick, 60 + Math.floor(random() * 40));
    y += line;
  };
  if (page === 0) {
    bar(image, left, 40, 95, 26, 90); // the logo
    for (let r = 0; r < 6; r++) {
      if (r < 3) bar(image, left + 220, 42 + r * 10, 40 + random() * 30, 5, 110);
      bar(image, left + 310, 42 + r * 10, 60 + random() * 60, 5, 110);
    }
    y = 150;
    text(80); // the date
    y += line;
    for (let r = 0; r < 5; r++) text(90 + random() * 120); // the address
    y += line;
    text(85); // "Dear ..."
    y += line;
    text(width * 0.6, 8); // the title
    y += line;
  }
  while (y < pageHeight - 110) {
    const lines = 2 + Math.floor(random() * 8);
    for (let r = 0; r < lines && y < pageHeight - 110; r++) text(r === lines - 1 ? width * (0.2 + random() * 0.7) : width);
    y += line * 0.8;
  }
  bar(image, pageWidth / 2 - 25, pageHeight - 44, 50, 6, 100); // "Page N of M"
  // Dust and toner specks, as scanners leave.
  for (let n = 0; n < image.width * image.height * 0.002; n++) {
    image.pixels[Math.floor(random() * image.pixels.length)] = 120 + Math.floor(random() * 80);
  }
}

/** The picture as a PNG file: greyscale, no filtering, one IDAT chunk. */
function encodePng(image: Grey): Buffer {
  const raw = Buffer.alloc((image.width + 1) * image.height);
  for (let row = 0; row < image.height; row++) {
    // Each row starts with its filter type, 0 (none).
    raw.set(image.pixels.subarray(row * image.width, (row + 1) * image.width), row * (image.width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, no filter method, not interlaced
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A "scanned" letter: pages that hold only images (a grey page picture with dark bars
 * where lines of text would be), no text at all. `pages` is 1 to 20 (default 2); `seed`
 * varies the picture (default 1), and the same arguments give the same bytes.
 */
export async function scannedLetterPdf(pages = 2, seed = 1): Promise<Uint8Array> {
  if (!Number.isInteger(pages) || pages < 1 || pages > 20) throw new RangeError(`pages must be a whole number from 1 to 20, not ${pages}.`);
  const random = seededRandom(seed);
  const [pageWidth, pageHeight] = PAGE_SIZES.A4;
  const doc = openDocument({ pageSize: 'A4', date: new Date(Date.UTC(2009, 11, 9, 9)), title: 'Scanned letter' });
  for (let page = 0; page < pages; page++) {
    const image: Grey = { width: Math.round((pageWidth * DPI) / 72), height: Math.round((pageHeight * DPI) / 72), pixels: new Uint8Array(0) };
    image.pixels = new Uint8Array(image.width * image.height).fill(PAPER);
    paintPage(image, page, random, pageWidth, pageHeight);
    doc.addPage();
    // Paper is never quite straight on the scanner's glass.
    const skew = (random() - 0.5) * 0.8;
    doc.save().rotate(skew, { origin: [pageWidth / 2, pageHeight / 2] });
    doc.image(encodePng(image), 0, 0, { width: pageWidth, height: pageHeight });
    doc.restore();
  }
  return finishDocument(doc);
}
