/**
 * Council names as letters write them, matched to the reference directory in
 * resources/councils/councils.json (built by `npm run councils`).
 *
 * Matching is exact after normalisation: case, "&", apostrophes, hyphens, spacing,
 * "the", and the usual prefixes and suffixes ("London Borough of", "City Council") do
 * not count; anything else does, so "Young People Coventry City Council" matches nothing.
 */
import directory from '../../resources/councils/councils.json' with { type: 'json' };
import { titleCase } from './names';

export interface CouncilRecord {
  displayName: string;
  officialName: string;
  code: string | null;
  gss: string | null;
  region: string | null;
}

/** One line of councils.json. */
interface DirectoryEntry extends CouncilRecord {
  names: string[];
  /** DfE codes of the council's statistical neighbours, in the order the source gives. */
  statNeighbours: string[];
}

/** Longest first, so "Metropolitan Borough Council" goes before "Borough Council". */
const SUFFIXES = [
  'metropolitan borough council',
  'metropolitan district council',
  'london borough council',
  'district council',
  'borough council',
  'county council',
  'city council',
  'corporation',
  'council',
];

const PREFIXES = [
  'metropolitan borough of',
  'london borough of',
  'royal borough of',
  'city and county of',
  'borough of',
  'council of',
  'county of',
  'city of',
];

/** Letters that look like apostrophes. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

function stripSuffix(s: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (s.length > suffix.length && s.endsWith(` ${suffix}`)) {
      return s.slice(0, s.length - suffix.length - 1);
    }
  }
  return s;
}

function stripPrefix(s: string): string {
  for (const prefix of PREFIXES) {
    if (s.length > prefix.length && s.startsWith(`${prefix} `)) {
      const rest = s.slice(prefix.length + 1);
      // "City of London" is the City; "London" alone is not a council.
      if (prefix === 'city of' && rest === 'london') return s;
      return rest;
    }
  }
  return s;
}

/**
 * The key a council name is looked up by: "LONDON BOROUGH OF BARKING & DAGENHAM" and
 * "Barking and Dagenham" both give "barking and dagenham". Exported for tests and tools.
 */
export function normaliseCouncilName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'").replace(/&/g, ' and ');
  // "Bristol, City of" is Bristol.
  s = s.replace(/,\s*(?:city|county) of\s*$/, '');
  // A trailing possessive, with or without its apostrophe: "Coventry City Council's", "... Council s".
  s = s.trim().replace(/(?:'s|\s+s)$/, '');
  // Apostrophes go; a lost one ("king s lynn") is closed up to match ("king's" -> "kings").
  s = s.replace(/'/g, '').replace(/([a-z]) s(?= )/g, '$1s');
  // Hyphens, dots, commas and any other punctuation become spaces.
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  s = ` ${s} `.replace(/ the(?= )/g, '').trim();
  s = stripSuffix(s, SUFFIXES);
  s = stripPrefix(s);
  return s;
}

interface Index {
  byKey: Map<string, CouncilRecord>;
  /** Every council, in the order of councils.json. */
  records: readonly CouncilRecord[];
  /** By DfE code; councils without a code are not here. */
  byCode: Map<string, CouncilRecord>;
  /** By DfE code: the council's statistical neighbours, resolved. */
  neighboursByCode: Map<string, readonly CouncilRecord[]>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const entries = directory as readonly DirectoryEntry[];
  const records = entries.map((e): CouncilRecord =>
    Object.freeze({
      displayName: e.displayName,
      officialName: e.officialName,
      code: e.code,
      gss: e.gss,
      region: e.region,
    }),
  );
  const byCode = new Map<string, CouncilRecord>();
  for (const record of records) {
    if (record.code !== null && !byCode.has(record.code)) byCode.set(record.code, record);
  }
  const neighboursByCode = new Map<string, readonly CouncilRecord[]>();
  entries.forEach((e) => {
    if (e.code === null || neighboursByCode.has(e.code)) return;
    const neighbours = e.statNeighbours
      .map((code) => byCode.get(code))
      .filter((record): record is CouncilRecord => record !== undefined);
    neighboursByCode.set(e.code, Object.freeze(neighbours));
  });
  const byKey = new Map<string, CouncilRecord>();
  const add = (name: string, record: CouncilRecord): void => {
    const key = normaliseCouncilName(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, record);
  };
  // A council's own names win over another's alternative spellings; between namesakes the
  // first in the file wins, and the build puts the authority of the letters' years first
  // ("North Yorkshire County Council" before the North Yorkshire Council of 2023).
  entries.forEach((e, i) => {
    const record = records[i]!;
    add(e.displayName, record);
    add(e.officialName, record);
  });
  entries.forEach((e, i) => {
    const record = records[i]!;
    for (const name of e.names) add(name, record);
  });
  return { byKey, records: Object.freeze(records), byCode, neighboursByCode };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** Finds the reference record for a council name as written in a letter, or undefined. */
export function matchCouncil(nameAsWritten: string): CouncilRecord | undefined {
  const key = normaliseCouncilName(nameAsWritten);
  return key === '' ? undefined : getIndex().byKey.get(key);
}

/** The council with this DfE three-digit code ("331" is Coventry), or undefined. */
export function councilByCode(code: string): CouncilRecord | undefined {
  return getIndex().byCode.get(code.trim());
}

/**
 * The council's statistical neighbours (the DfE's list of comparable authorities) as
 * records, in the order the source gives; [] for null or a code no council has.
 */
export function statNeighboursOf(code: string | null): CouncilRecord[] {
  if (code === null) return [];
  return [...(getIndex().neighboursByCode.get(code.trim()) ?? [])];
}

/** Every council in the directory, in the order of councils.json (by display name). */
export function directoryCouncils(): readonly CouncilRecord[] {
  return getIndex().records;
}

const SHORT_SUFFIX = new RegExp(`\\s+(?:${SUFFIXES.join('|')})$`, 'i');
const SHORT_PREFIX = new RegExp(`^(?:${PREFIXES.map((p) => (p === 'council of' ? 'council of the|council of' : p)).join('|')})\\s+`, 'i');

/**
 * The short form of a council's name as written ("Coventry City Council" -> "Coventry",
 * "LONDON BOROUGH OF BARKING & DAGENHAM" -> "Barking and Dagenham", "Council of the Isles
 * of Scilly" -> "Isles of Scilly"), used for councils that match nothing; title-cases
 * names written in capitals.
 */
export function shortCouncilName(nameAsWritten: string): string {
  let s = nameAsWritten.normalize('NFKC').replace(APOSTROPHES, "'").replace(/\s+/g, ' ').trim();
  const written = s;
  s = s
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*-\s*/g, '-')
    .replace(/,\s*(?:city|county) of$/i, '')
    .replace(/(?:'s|\s+s)$/i, '')
    // A lost apostrophe: "King s Lynn" -> "King's Lynn".
    .replace(/([A-Za-z]) ([sS]) (?=\S)/g, "$1'$2 ");
  const withoutSuffix = s.replace(SHORT_SUFFIX, '');
  if (withoutSuffix !== '') s = withoutSuffix;
  s = s.replace(/^the\s+/i, '');
  const withoutPrefix = s.replace(SHORT_PREFIX, '');
  if (withoutPrefix !== '' && !(/^city of\s/i.test(s) && /^london$/i.test(withoutPrefix))) s = withoutPrefix;
  s = s.trim();
  if (s === '') s = written;
  const inCapitals = /\p{Lu}/u.test(written) && !/\p{Ll}/u.test(written);
  return inCapitals ? titleCase(s) : s;
}
