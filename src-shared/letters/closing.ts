/** Reading who signed a letter from the lines after its body. */
import type { Person } from './letter';
import { ROLE_WORD, isAllCaps, titleCase, trimFragment } from './names';

/** A signature that text extraction read as a word: "Winstarley", "J. Winstarley". */
const SCRAWL = /^(?:\p{Lu}\.\s*)*\p{Lu}[\p{Ll}'’-]+$/u;
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.?|(?:de|van|von|du|le|la)|\p{Lu}[\p{Ll}]*-\p{Lu}[\p{Ll}]+)$/u;
/** Letters a closing writes in capitals whatever the case around them: honours, posts, bodies. */
const ACRONYM = /^(?:HMI|CBE|OBE|MBE|DBE|KBE|QC|DCS|CAA|APA|JAR|HM|MP|CEO|UK)(?=[,.;:]?$)/;

/** A line in capitals, in the usual case, keeping its acronyms: "DIVISIONAL MANAGER, CAA" -> "Divisional Manager, CAA". */
function fromCapitals(line: string): string {
  if (!isAllCaps(line)) return line;
  return titleCase(line)
    .split(' ')
    .map((word) => (ACRONYM.test(word.toUpperCase()) ? word.toUpperCase() : word))
    .join(' ');
}

/**
 * The signatory: the first line that starts with a name of two or more words; the rest of
 * that line and the lines after it, bar signature scrawl, are the role.
 */
export function readSignatory(closing: string[]): Person | null {
  // A closing set in capitals is read as the same words in the usual case.
  const lines = closing
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.length > 0)
    .map(fromCapitals);
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i]!.split(/\s+/);
    let n = 0;
    // A surname can look like a role ("Head", "Inspector"): a role word ends the name only after two name words.
    while (n < words.length && NAME_WORD.test(words[n]!) && !(n >= 2 && ROLE_WORD.test(words[n]!))) n++;
    const full = words.slice(0, n).filter((w) => !/^\p{Lu}\.?$/u.test(w));
    if (full.length < 2 || n > 4) continue;
    const name = words.slice(0, n).join(' ');
    const roleParts = [trimFragment(words.slice(n).join(' '))];
    for (const line of lines.slice(i + 1)) {
      if (SCRAWL.test(line) && !ROLE_WORD.test(line)) continue;
      roleParts.push(trimFragment(line));
    }
    return { name, role: roleParts.filter(Boolean).join(', ') };
  }
  return null;
}
