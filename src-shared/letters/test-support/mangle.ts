/**
 * The same letter written about another council, for property tests. The ways letters
 * are damaged in the wild are in src-main/corpus/damage.ts.
 */

/** The same letter written about another council: every form of the old name replaced, in one pass. */
export function relabel(text: string, from: { name: string; short: string }, to: { name: string; short: string }): string {
  const forms = new Map([
    [from.name, to.name],
    [from.name.toUpperCase(), to.name.toUpperCase()],
    [from.short, to.short],
  ]);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp([...forms.keys()].map(escape).join('|'), 'g');
  return text.replace(pattern, (found) => forms.get(found) ?? found);
}
