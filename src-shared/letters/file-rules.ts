/**
 * Which files an import reads at all, the same wherever they come from: a folder walked by
 * the main process, or files picked or dropped in the window.
 */

/**
 * Files larger than this are not read: real letters are tens of kilobytes as text and
 * 50 KB to 2 MB as PDFs, so this leaves room for a PDF with large pictures in it.
 */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Names that operating systems drop into folders; never letters, never worth reporting. */
const SYSTEM_NAMES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '$recycle.bin', 'system volume information']);

/** True for hidden and system entries, which are skipped without a word. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || SYSTEM_NAMES.has(name.toLowerCase());
}

/** "20 MB", "1.5 MB", "512 KB", "100 bytes" (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The skip reason for a file over the size cap. */
export function tooLargeReason(maxFileBytes: number): string {
  return `larger than ${formatBytes(maxFileBytes)} (the limit for one letter)`;
}

