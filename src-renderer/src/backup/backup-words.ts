/** Words for the backup dialogs. */

/** "12.3 MB", "840 KB", "512 bytes". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-GB')} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** The date in the person's time zone as YYYY-MM-DD, for a file name. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
