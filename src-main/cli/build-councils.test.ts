import { describe, expect, it } from 'vitest';
import { buildCouncils, buildCouncilsWithReport, formatCouncilsJson, splitNeighbourCodes } from './build-councils';

// Small made-up files with only the columns the build reads.
const LOCAL_AUTHORITIES = [
  'local-authority-code,official-name,nice-name,gss-code,former-gss-codes,start-date,end-date,nation,local-authority-type,region,alt-names,replaced-by',
  'AAA,Alpha City Council,Alpha,E08000901,,,,England,MD,West Midlands,,',
  'BBB,Beta Borough Council,Beta,E06000902,,,,England,UA,West Midlands,,',
  'CCC,Gamma County Council,Gamma,E10000903,,,,England,CTY,West Midlands,,',
].join('\n');

const SERVICES = [
  'la_code,la_code_new,stat_neighbours,local_authority_ons_name,also_known_as,region_name,ltla23nm,utla23nm',
  '901,E08000901," 902 ,  903,999 ",Alpha,,West Midlands,Alpha,Alpha',
  '902,E06000902,"903, 901",Beta,,West Midlands,Beta,Beta',
].join('\n');

describe('splitNeighbourCodes', () => {
  it('splits and trims the codes, keeping their order', () => {
    expect(splitNeighbourCodes('308, 821,313 ,  333')).toEqual(['308', '821', '313', '333']);
  });

  it('gives [] for an empty column', () => {
    expect(splitNeighbourCodes('')).toEqual([]);
    expect(splitNeighbourCodes('  ')).toEqual([]);
  });
});

describe('buildCouncils statNeighbours', () => {
  it("takes the matched row's neighbours in order, keeping only codes of councils in the directory", () => {
    const { entries, droppedNeighbours } = buildCouncilsWithReport(LOCAL_AUTHORITIES, SERVICES);
    const byName = new Map(entries.map((e) => [e.displayName, e]));
    // Gamma has no children's services row, so no code: its neighbour code 903 names no council.
    expect(byName.get('Alpha')?.statNeighbours).toEqual(['902']);
    expect(byName.get('Beta')?.statNeighbours).toEqual(['901']);
    expect(byName.get('Gamma')?.statNeighbours).toEqual([]);
    expect(droppedNeighbours).toEqual([
      { officialName: 'Alpha City Council', code: '903' },
      { officialName: 'Alpha City Council', code: '999' },
      { officialName: 'Beta Borough Council', code: '903' },
    ]);
    expect(buildCouncils(LOCAL_AUTHORITIES, SERVICES)).toEqual(entries);
  });

  it('writes the field last, one council per line', () => {
    const json = formatCouncilsJson(buildCouncils(LOCAL_AUTHORITIES, SERVICES));
    const lines = json.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/,"statNeighbours":\["902"\]\},$/);
  });
});
