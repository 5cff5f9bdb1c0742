/**
 * Builds resources/councils/councils.json, the directory of English councils with
 * children's services duties, from two reference CSVs:
 *
 * - uk-local-authorities.csv (mySociety): every UK authority with its official and
 *   short names, GSS code, dates, region, type and alternative spellings;
 * - children-services-authorities.csv (JT-39): the children's services authorities
 *   of today with their DfE three-digit LA code, ONS code, region and the DfE codes of
 *   their ten statistical neighbours.
 *
 * Usage: npm run councils [data-directory]
 * The data directory defaults to ../shared/data relative to the repository root. The
 * two CSVs are copied unchanged beside the JSON so the sources ship with it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCAL_AUTHORITIES_FILE = 'uk-local-authorities.csv';
const CHILDREN_SERVICES_FILE = 'children-services-authorities.csv';

/** mySociety authority types that carry children's services duties in England. */
const UPPER_TIER_TYPES = new Set(['CTY', 'UA', 'MD', 'LBO', 'CC']);

/** Authorities that began after this date did not exist when the letters were written. */
const LETTERS_END = '2010-12-31';

export interface CouncilEntry {
  displayName: string;
  officialName: string;
  code: string | null;
  gss: string | null;
  region: string | null;
  names: string[];
  /** DfE codes of the council's statistical neighbours, in the order the source gives. */
  statNeighbours: string[];
}

/** A statistical neighbour code that names no council of the directory, so was left out. */
export interface DroppedNeighbour {
  officialName: string;
  code: string;
}

type Row = Record<string, string>;

/**
 * Parses CSV text: comma-separated fields, optionally in double quotes; a quoted field
 * may hold commas, line breaks and doubled quotes (""). Accepts LF and CRLF line ends
 * and ignores a leading byte-order mark.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;
  const endField = (): void => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (!atFieldStart || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Parses CSV text with a header line into objects keyed by column name; skips blank lines. */
export function parseCsvRecords(text: string): Row[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells) => {
      const record: Row = {};
      header.forEach((name, index) => {
        record[name] = cells[index] ?? '';
      });
      return record;
    });
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A loose key for pairing names across the two files: case, "&", punctuation and ", City of" ignored. */
function nameKey(s: string): string {
  return tidy(
    s
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/,\s*city of$/, '')
      .replace(/^city of /, '')
      .replace(/['’.]/g, '')
      .replace(/[-,]/g, ' '),
  );
}

/** "Yorkshire and The Humber" and "Yorkshire and the Humber" are one region. */
function normaliseRegion(region: string): string | null {
  const r = tidy(region);
  if (r === '') return null;
  return r.replace(/\bThe\b/g, 'the');
}

/** mySociety's alt-names: names separated by a bare comma; a comma and a space belongs inside a name. */
function splitAltNames(value: string): string[] {
  return value
    .split(/,(?! )/)
    .map(tidy)
    .filter((s) => s !== '');
}

/**
 * The also_known_as column: "[BCP, Bournemouth, Christchurch & Poole]". Names are separated
 * by a comma and a space, which a name may also hold, so neighbouring pieces are joined
 * back together when the join spells one of the row's own names.
 */
function splitAlsoKnownAs(value: string, ownNames: string[]): string[] {
  const inner = value.trim().replace(/^\[/, '').replace(/\]$/, '');
  const pieces = inner
    .split(',')
    .map(tidy)
    .filter((s) => s !== '');
  const own = new Set(ownNames.map(nameKey));
  const names: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = 1;
    for (let j = pieces.length; j > i + 1; j -= 1) {
      if (own.has(nameKey(pieces.slice(i, j).join(', ')))) {
        taken = j - i;
        break;
      }
    }
    names.push(pieces.slice(i, i + taken).join(', '));
    i += taken;
  }
  return names;
}

function childrenServicesNames(row: Row): string[] {
  const own = [row['local_authority_ons_name'] ?? '', row['ltla23nm'] ?? '', row['utla23nm'] ?? ''].map(tidy);
  return [...own, ...splitAlsoKnownAs(row['also_known_as'] ?? '', own)].filter((s) => s !== '');
}

function localAuthorityNames(row: Row): string[] {
  return [tidy(row['official-name'] ?? ''), tidy(row['nice-name'] ?? ''), ...splitAltNames(row['alt-names'] ?? '')].filter(
    (s) => s !== '',
  );
}

/** The short name people use: "City of Bristol" -> "Bristol", "Dorset County" -> "Dorset", "Bristol, City of" -> "Bristol". */
function displayNameFrom(name: string): string {
  let s = tidy(name).replace(/,\s*City of$/i, '');
  if (/^City of /i.test(s) && !/^City of London$/i.test(s)) s = s.replace(/^City of /i, '');
  s = s.replace(/ (County|Council)$/i, '');
  return s;
}

function uniqueLowerCase(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const lower = tidy(name).toLowerCase();
    if (lower !== '' && !seen.has(lower)) {
      seen.add(lower);
      out.push(lower);
    }
  }
  return out;
}

/** The stat_neighbours column: "308, 821, 313" -> ["308", "821", "313"]. */
export function splitNeighbourCodes(value: string): string[] {
  return value
    .split(',')
    .map(tidy)
    .filter((s) => s !== '');
}

interface Built {
  entry: CouncilEntry;
  /** False for authorities created after the letters (2011 or later): they sort after a namesake. */
  existedInLetterYears: boolean;
}

export function buildCouncils(localAuthoritiesCsv: string, childrenServicesCsv: string): CouncilEntry[] {
  return buildCouncilsWithReport(localAuthoritiesCsv, childrenServicesCsv).entries;
}

/**
 * Builds the directory and reports the statistical neighbour codes it left out: a
 * council keeps only the neighbours that are some council's `code` in the directory.
 */
export function buildCouncilsWithReport(
  localAuthoritiesCsv: string,
  childrenServicesCsv: string,
): { entries: CouncilEntry[]; droppedNeighbours: DroppedNeighbour[] } {
  const allAuthorities = parseCsvRecords(localAuthoritiesCsv);
  const byCode = new Map(allAuthorities.map((row) => [row['local-authority-code'] ?? '', row]));
  const upperTier = allAuthorities.filter(
    (row) => row['nation'] === 'England' && UPPER_TIER_TYPES.has(row['local-authority-type'] ?? ''),
  );
  const services = parseCsvRecords(childrenServicesCsv);

  // Pair each children's services row with one authority: by GSS code first (current or former), then by name.
  const serviceFor = new Map<Row, Row>();
  const paired = new Set<Row>();
  const unpaired: Row[] = [];
  for (const service of services) {
    const ons = tidy(service['la_code_new'] ?? '');
    const match = upperTier.find((row) => {
      if (paired.has(row) || ons === '') return false;
      if (row['gss-code'] === ons) return true;
      return (row['former-gss-codes'] ?? '')
        .split(/[,;\s]+/)
        .some((code) => code === ons);
    });
    if (match) {
      serviceFor.set(match, service);
      paired.add(match);
    } else {
      unpaired.push(service);
    }
  }
  const serviceOnly: Row[] = [];
  for (const service of unpaired) {
    const keys = new Set(childrenServicesNames(service).map(nameKey));
    const candidates = upperTier.filter(
      (row) => !paired.has(row) && localAuthorityNames(row).some((name) => keys.has(nameKey(name))),
    );
    // Prefer an authority that still exists when a name matches an ended one too.
    const match = candidates.find((row) => !row['end-date']) ?? candidates[0];
    if (match) {
      serviceFor.set(match, service);
      paired.add(match);
    } else {
      serviceOnly.push(service);
    }
  }

  function regionOf(row: Row, depth = 0): string | null {
    const service = serviceFor.get(row);
    const region = normaliseRegion(service?.['region_name'] ?? '') ?? normaliseRegion(row['region'] ?? '');
    if (region !== null || depth > 2) return region;
    // An ended authority without a region: its successors cover the same ground.
    const successors = (row['replaced-by'] ?? '')
      .split(',')
      .map((code) => byCode.get(code.trim()))
      .filter((r): r is Row => r !== undefined);
    const regions = new Set(successors.map((r) => regionOf(r, depth + 1)));
    const [only] = [...regions];
    return regions.size === 1 && only !== undefined ? only : null;
  }

  const built: Built[] = upperTier.map((row) => {
    const service = serviceFor.get(row);
    const start = row['start-date'] ?? '';
    return {
      entry: {
        displayName: displayNameFrom(row['nice-name'] || row['official-name'] || ''),
        officialName: tidy(row['official-name'] ?? ''),
        code: tidy(service?.['la_code'] ?? '') || null,
        gss: tidy(row['gss-code'] ?? '') || null,
        region: regionOf(row),
        names: uniqueLowerCase([...localAuthorityNames(row), ...(service ? childrenServicesNames(service) : [])]),
        statNeighbours: splitNeighbourCodes(service?.['stat_neighbours'] ?? ''),
      },
      existedInLetterYears: start === '' || start <= LETTERS_END,
    };
  });
  for (const service of serviceOnly) {
    const name = tidy(service['local_authority_ons_name'] ?? '');
    built.push({
      entry: {
        displayName: displayNameFrom(name),
        officialName: name,
        code: tidy(service['la_code'] ?? '') || null,
        gss: tidy(service['la_code_new'] ?? '') || null,
        region: normaliseRegion(service['region_name'] ?? ''),
        names: uniqueLowerCase(childrenServicesNames(service)),
        statNeighbours: splitNeighbourCodes(service['stat_neighbours'] ?? ''),
      },
      existedInLetterYears: false,
    });
  }

  built.sort(
    (a, b) =>
      a.entry.displayName.localeCompare(b.entry.displayName, 'en-GB') ||
      Number(b.existedInLetterYears) - Number(a.existedInLetterYears) ||
      a.entry.officialName.localeCompare(b.entry.officialName, 'en-GB'),
  );
  const entries = built.map((b) => b.entry);

  // Keep only neighbours the directory can resolve.
  const known = new Set(entries.map((e) => e.code).filter((code): code is string => code !== null));
  const droppedNeighbours: DroppedNeighbour[] = [];
  for (const entry of entries) {
    entry.statNeighbours = entry.statNeighbours.filter((code) => {
      if (known.has(code)) return true;
      droppedNeighbours.push({ officialName: entry.officialName, code });
      return false;
    });
  }
  return { entries, droppedNeighbours };
}

/** One council per line: small diffs, easy to read. */
export function formatCouncilsJson(entries: CouncilEntry[]): string {
  return `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

function main(): void {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dataDir = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '..', 'shared', 'data');
  const outDir = join(repoRoot, 'resources', 'councils');
  const localPath = join(dataDir, LOCAL_AUTHORITIES_FILE);
  const servicesPath = join(dataDir, CHILDREN_SERVICES_FILE);

  const { entries, droppedNeighbours } = buildCouncilsWithReport(
    readFileSync(localPath, 'utf8'),
    readFileSync(servicesPath, 'utf8'),
  );

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'councils.json'), formatCouncilsJson(entries));
  for (const [from, name] of [
    [localPath, LOCAL_AUTHORITIES_FILE],
    [servicesPath, CHILDREN_SERVICES_FILE],
  ] as const) {
    const to = join(outDir, name);
    if (resolve(from) === resolve(to)) continue;
    // Byte for byte, and writable even when the source is read-only.
    rmSync(to, { force: true });
    writeFileSync(to, readFileSync(from), { mode: 0o644 });
  }

  const noCode = entries.filter((e) => e.code === null).map((e) => e.officialName);
  const noRegion = entries.filter((e) => e.region === null).map((e) => e.officialName);
  console.log(`Wrote ${entries.length} councils to ${join(outDir, 'councils.json')}`);
  console.log(`Without a DfE code (${noCode.length}): ${noCode.join('; ') || 'none'}`);
  console.log(`Without a region (${noRegion.length}): ${noRegion.join('; ') || 'none'}`);
  const withNeighbours = entries.filter((e) => e.statNeighbours.length > 0).length;
  console.log(`With statistical neighbours: ${withNeighbours}`);
  console.log(
    `Statistical neighbour codes dropped, as no council has them (${droppedNeighbours.length}): ${
      droppedNeighbours.map((d) => `${d.code} (of ${d.officialName})`).join('; ') || 'none'
    }`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
