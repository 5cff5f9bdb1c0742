/** Working out which council a letter is about, and the name it is given there. */
import type { Council, LetterKind } from './letter';
import { matchCouncil, shortCouncilName, type CouncilRecord } from './councils';
import { findInText } from './header';
import { isAllCaps, titleCase, trimFragment } from './names';
import { CHILDRENS_SERVICES } from './phrases';

const RATING_SENTENCE = new RegExp(String.raw`${CHILDRENS_SERVICES}\s+in\s+(?:the\s+)?(.{3,80}?)\s+performs?\s+(?:excellently|well|adequately|poorly)`, 'i');
const APA_TITLE = /(?:young\s+people|children)\s+in\s+(?:the\s+)?(.{3,80}?)\s*$/i;
const COUNCIL_WORD = /\bcouncil\b/gi;
const BOROUGH_OF = /\b(?:(?:royal|london)\s+borough|city|county|borough|council)\s+of\s+/gi;

/**
 * Scans text for a council's name: every "... Council" and "... Borough of ..." phrase,
 * longest span first, checked against the reference data. Only exact matches count, so
 * "Young People Coventry City Council" yields "Coventry City Council".
 */
export function scanForCouncil(text: string): { name: string; record: CouncilRecord } | null {
  const words = (at: number, dir: -1 | 1) => {
    const part = dir === -1 ? text.slice(Math.max(0, at - 120), at) : text.slice(at, at + 120);
    return part.split(/\s+/).filter(Boolean);
  };
  COUNCIL_WORD.lastIndex = 0;
  for (let m = COUNCIL_WORD.exec(text); m; m = COUNCIL_WORD.exec(text)) {
    const before = words(m.index, -1);
    for (let n = Math.min(7, before.length); n >= 1; n--) {
      const candidate = trimFragment([...before.slice(before.length - n), m[0]].join(' '));
      const record = matchCouncil(candidate);
      if (record) return { name: candidate, record };
    }
  }
  BOROUGH_OF.lastIndex = 0;
  for (let m = BOROUGH_OF.exec(text); m; m = BOROUGH_OF.exec(text)) {
    const after = words(m.index + m[0].length, 1);
    for (let n = Math.min(5, after.length); n >= 1; n--) {
      const candidate = trimFragment(m[0] + after.slice(0, n).join(' '));
      const record = matchCouncil(candidate);
      if (record) return { name: candidate, record };
    }
  }
  return null;
}

/** The council's name as a sentence or title of the letter states it, before any lookup. */
function statedName(kind: LetterKind, title: string | null, bodyText: string): string | null {
  const found = kind === 'apa' ? (title ? APA_TITLE.exec(title) : null) ?? RATING_SENTENCE.exec(bodyText) : RATING_SENTENCE.exec(bodyText);
  return found?.[1] ? trimFragment(found[1]) : null;
}

/**
 * Finds the council a letter is about. The letter's own statement (the APA title, or the
 * rating letter's "Children's services in X perform ...") is trusted first; the address
 * gives the name in its usual form when it names the same council.
 */
export function findCouncil(
  kind: LetterKind,
  title: string | null,
  addressText: string,
  bodyText: string,
): { council: Council; warning: string | null } | null {
  const stated = statedName(kind, title, bodyText);
  const inAddress = scanForCouncil(addressText);
  let name: string | null = null;
  let record: CouncilRecord | undefined;
  if (stated) {
    record = matchCouncil(stated);
    if (inAddress && (record === undefined || inAddress.record === record) && (record || sameWords(stated, inAddress.name))) {
      name = inAddress.name;
      record = inAddress.record;
    } else {
      const written = findInText(addressText, stated)?.match;
      name = written && !isAllCaps(written) ? written : stated;
    }
  } else if (inAddress) {
    name = inAddress.name;
    record = inAddress.record;
  } else {
    const inBody = scanForCouncil(bodyText.slice(0, 5000));
    if (inBody) ({ name, record } = inBody);
  }
  if (!name) return null;
  if (isAllCaps(name)) name = titleCase(name);
  const council: Council = {
    name,
    displayName: record?.displayName ?? shortCouncilName(name),
    code: record?.code ?? null,
    region: record?.region ?? null,
  };
  const warning = record
    ? null
    : `the council "${name}" is not in the reference list of English councils, so it has no code or region`;
  return { council, warning };
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();
  return norm(b).includes(norm(a));
}
