/** Which item of a list a key moves to: the arithmetic behind the panes' arrow keys. */

/** How many items Page Up / Page Down jump. */
export const PAGE_STEP = 10;

/**
 * The index `key` moves to from `current` in a list of `count` items, or null when the
 * key is not a movement key. With nothing chosen yet (`current` -1) Down goes to the first.
 */
export function nextIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const clamp = (i: number): number => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(current + PAGE_STEP);
    case 'PageUp':
      return clamp(current - PAGE_STEP);
    default:
      return null;
  }
}

/**
 * Type-ahead: the first item after `current` (wrapping) whose label starts with `typed`,
 * ignoring case; null when none does.
 */
export function typeAheadIndex(labels: readonly string[], current: number, typed: string): number | null {
  const needle = typed.toLowerCase();
  if (needle === '' || labels.length === 0) return null;
  // A repeated single letter cycles through the matches, like a file manager.
  const start = needle.length === 1 ? current + 1 : Math.max(current, 0);
  for (let step = 0; step < labels.length; step += 1) {
    const i = (start + step) % labels.length;
    if ((labels[i] ?? '').toLowerCase().startsWith(needle)) return i;
  }
  return null;
}

/** The keys from index `from` to index `to` of a list, either way round: what Shift+click marks. */
export function keysBetween(keys: readonly string[], from: number, to: number): Set<string> {
  const [low, high] = from <= to ? [Math.max(0, from), to] : [to, from];
  return new Set(keys.slice(low, high + 1));
}

/** The marked keys with `key` added or taken away (what Ctrl+click does); with none marked, the current item counts as marked. */
export function toggledKey(marked: ReadonlySet<string>, key: string, current: string | null): Set<string> {
  const next = new Set(marked.size > 0 || current === null ? marked : [current]);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
