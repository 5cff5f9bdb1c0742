/**
 * exportCsv in Node: vi.stubGlobal stands in for the page's window, document and URL, just
 * far enough to see which way the text goes and what bytes a download would hold.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveBridge, CsvRequest, SaveOutcome } from '../../../src-shared/bridge';
import { exportCsv } from './save-csv';

const CSV = '\uFEFFCouncil,Fee\r\nCoventry,"£1,200 – “weekly”"';

interface FakeLink {
  href: string;
  download: string;
  hidden: boolean;
  click: () => void;
  remove: () => void;
}

let links: FakeLink[];
let blobs: Map<string, Blob>;
let clicked: { href: string; download: string; attached: boolean }[];
let attached: Set<FakeLink>;

beforeEach(() => {
  vi.useFakeTimers();
  links = [];
  blobs = new Map();
  clicked = [];
  attached = new Set();
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const link: FakeLink = {
        href: '',
        download: '',
        hidden: false,
        click: () => clicked.push({ href: link.href, download: link.download, attached: attached.has(link) }),
        remove: () => attached.delete(link),
      };
      links.push(link);
      return link;
    },
    body: { append: (link: FakeLink) => attached.add(link) },
  });
  vi.stubGlobal('URL', {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => blobs.delete(url),
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('exportCsv', () => {
  it('saves through the bridge when there is one, and answers what it answered', async () => {
    const requests: CsvRequest[] = [];
    const outcome: SaveOutcome = { status: 'saved', path: '/home/someone/Coventry.csv' };
    const bridge: Partial<ArchiveBridge> = {
      saveCsv: async (request) => {
        requests.push(request);
        return outcome;
      },
    };
    vi.stubGlobal('window', { archive: bridge });
    expect(await exportCsv('Coventry.csv', CSV)).toEqual(outcome);
    expect(requests).toEqual([{ suggestedName: 'Coventry.csv', content: CSV }]);
    expect(links).toEqual([]);
  });

  it('downloads the text as UTF-8 with its byte order mark in a plain browser, then tidies up', async () => {
    expect(await exportCsv('Coventry.csv', CSV)).toEqual({ status: 'downloaded' });
    expect(clicked).toEqual([{ href: 'blob:test/0', download: 'Coventry.csv', attached: true }]);
    expect(attached.size).toBe(0);

    const blob = blobs.get('blob:test/0') as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes).equals(Buffer.from(CSV, 'utf8'))).toBe(true);

    // The URL is kept long enough for the browser to read it, then freed.
    expect(blobs.size).toBe(1);
    vi.runAllTimers();
    expect(blobs.size).toBe(0);
  });
});
