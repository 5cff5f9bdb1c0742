/**
 * Which section of a letter the reader is at: the last one whose top has scrolled up to
 * the reading line. `tops` are the sections' offsets from the top of the scrolled content,
 * in order; `line` is the scroll position plus the height of what covers the top.
 */
export function sectionAtLine(tops: readonly number[], line: number): number | null {
  let found: number | null = null;
  for (let i = 0; i < tops.length; i += 1) {
    if ((tops[i] ?? Infinity) <= line + 1) found = i;
    else break;
  }
  return found;
}
