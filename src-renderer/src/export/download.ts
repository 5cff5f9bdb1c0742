/**
 * How long a download's object URL is kept. Chromium takes hold of the file when the link is
 * clicked, but other browsers may still be reading it after click() returns, and freeing it
 * then would cancel the download.
 */
const REVOKE_AFTER_MS = 60_000;

/** Hands a file to the browser as a download: what saving does in a browser, without the desktop app's bridge. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
