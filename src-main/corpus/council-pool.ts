/**
 * The real councils a corpus letter may be about, with the dates each existed, so a 2006
 * letter is never addressed to a council created in 2009 or 2021.
 *
 * Names come from resources/councils/councils.json (what the parser recognises); start and
 * end dates from the mySociety file beside it, matched by GSS code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CouncilName } from './vary-letter';

export interface PooledCouncil extends CouncilName {
  /** ISO date the council started, or null when not known (taken as always). */
  from: string | null;
  /** ISO date it ended, or null when it still exists. */
  until: string | null;
}

interface DirectoryEntry {
  displayName: string;
  officialName: string;
  gss: string | null;
}

/** Splits CSV text into rows of fields (quoted fields, doubled quotes and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** Every council of councils.json with its dates. */
export function loadCouncilPool(repoRoot: string): PooledCouncil[] {
  const folder = path.join(repoRoot, 'resources', 'councils');
  const directory = JSON.parse(readFileSync(path.join(folder, 'councils.json'), 'utf8')) as DirectoryEntry[];
  const [header, ...rows] = parseCsv(readFileSync(path.join(folder, 'uk-local-authorities.csv'), 'utf8'));
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [gss, start, end] = [column('gss-code'), column('start-date'), column('end-date')];
  const dates = new Map<string, { from: string | null; until: string | null }>();
  if (gss !== -1) {
    for (const row of rows) dates.set(row[gss] ?? '', { from: row[start] || null, until: row[end] || null });
  }
  return directory.map((entry) => ({
    officialName: entry.officialName,
    displayName: entry.displayName,
    ...(dates.get(entry.gss ?? '') ?? { from: null, until: null }),
  }));
}

/** The councils that existed on an ISO date. */
export function councilsOn(pool: readonly PooledCouncil[], isoDate: string): PooledCouncil[] {
  return pool.filter((c) => (c.from === null || c.from <= isoDate) && (c.until === null || c.until > isoDate));
}
