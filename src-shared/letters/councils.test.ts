import { describe, expect, it } from 'vitest';
import directory from '../../resources/councils/councils.json';
import {
  councilByCode,
  directoryCouncils,
  matchCouncil,
  normaliseCouncilName,
  shortCouncilName,
  statNeighboursOf,
} from './councils';

// Expected codes and regions are read from the rows of children-services-authorities.csv
// (la_code, region_name) and uk-local-authorities.csv (official-name, gss-code).
describe('matchCouncil', () => {
  it('finds Coventry', () => {
    expect(matchCouncil('Coventry City Council')).toEqual({
      displayName: 'Coventry',
      officialName: 'Coventry City Council',
      code: '331',
      gss: 'E08000026',
      region: 'West Midlands',
    });
  });

  it.each(['Stoke-on-Trent City Council', 'Stoke on Trent City Council', 'STOKE-ON-TRENT CITY COUNCIL', 'Stoke  -on- Trent'])(
    'finds Stoke-on-Trent written %j',
    (name) => {
      const council = matchCouncil(name);
      expect(council?.displayName).toBe('Stoke-on-Trent');
      expect(council?.code).toBe('861');
      expect(council?.region).toBe('West Midlands');
    },
  );

  it.each([
    ['Worcestershire County Council', 'Worcestershire', '885', 'West Midlands'],
    ['Leicester City Council', 'Leicester', '856', 'East Midlands'],
    ['London Borough of Barking & Dagenham', 'Barking and Dagenham', '301', 'London'],
    ['LONDON BOROUGH OF BARKING AND DAGENHAM', 'Barking and Dagenham', '301', 'London'],
    ['Royal Borough of Kensington and Chelsea', 'Kensington and Chelsea', '207', 'London'],
    ['The Royal Borough of Kensington & Chelsea', 'Kensington and Chelsea', '207', 'London'],
    ['St Helens Metropolitan Borough Council', 'St. Helens', '342', 'North West'],
    ['St. Helens Council', 'St. Helens', '342', 'North West'],
    ['Kingston upon Hull City Council', 'Kingston upon Hull', '810', 'Yorkshire and the Humber'],
    ['Kingston-Upon-Hull City Council', 'Kingston upon Hull', '810', 'Yorkshire and the Humber'],
    ['Council of the Isles of Scilly', 'Isles of Scilly', '420', 'South West'],
    ['City of London', 'City of London', '201', 'London'],
    ['City of London Corporation', 'City of London', '201', 'London'],
    ['Herefordshire Council', 'Herefordshire', '884', 'West Midlands'],
    ['Walsall Metropolitan Borough Council', 'Walsall', '335', 'West Midlands'],
    ['Bristol City Council', 'Bristol', '801', 'South West'],
    ['Bristol, City of', 'Bristol', '801', 'South West'],
    ['Barnsley Metropolitan Borough Council', 'Barnsley', '370', 'Yorkshire and the Humber'],
    ['Telford and the Wrekin Council', 'Telford and Wrekin', '894', 'West Midlands'],
    ['Northamptonshire County Council', 'Northamptonshire', '928', 'East Midlands'],
  ])('finds %j', (name, displayName, code, region) => {
    const council = matchCouncil(name);
    expect(council).toBeDefined();
    expect(council?.displayName).toBe(displayName);
    expect(council?.code).toBe(code);
    expect(council?.region).toBe(region);
  });

  it('ignores apostrophes, possessives and curly quotes', () => {
    const coventry = matchCouncil('Coventry City Council');
    expect(matchCouncil('Coventry City Council\u2019s')).toBe(coventry);
    expect(matchCouncil("Coventry City Council's")).toBe(coventry);
    expect(matchCouncil('Coventry City Council s')).toBe(coventry);
  });

  it('prefers the authority of the letters years over a later namesake', () => {
    expect(matchCouncil('North Yorkshire County Council')?.officialName).toBe('North Yorkshire County Council');
    expect(matchCouncil('North Yorkshire County Council')?.region).toBe('Yorkshire and the Humber');
    expect(matchCouncil('Somerset County Council')?.officialName).toBe('Somerset County Council');
  });

  it.each([
    'Young People Coventry City Council',
    'Department for Education',
    'London',
    'Council',
    'City Council',
    '',
    'Coventry and Warwickshire',
  ])('matches nothing for %j', (name) => {
    expect(matchCouncil(name)).toBeUndefined();
  });

  it('does not know the county councils abolished in 2009, which the data lacks', () => {
    expect(matchCouncil('Bedfordshire County Council')).toBeUndefined();
    expect(matchCouncil('Cheshire County Council')).toBeUndefined();
  });

  it('finds every council in the directory by its official name, in any case', () => {
    const entries = directory as { officialName: string; displayName: string }[];
    for (const entry of entries) {
      const council = matchCouncil(entry.officialName);
      expect(council?.displayName, entry.officialName).toBe(entry.displayName);
      expect(matchCouncil(entry.officialName.toUpperCase()), entry.officialName).toBe(council);
    }
  });
});

describe('normaliseCouncilName', () => {
  it('reduces spellings of one name to one key', () => {
    expect(normaliseCouncilName('LONDON BOROUGH OF BARKING & DAGENHAM')).toBe('barking and dagenham');
    expect(normaliseCouncilName('Stoke on  Trent City Council')).toBe('stoke on trent');
    expect(normaliseCouncilName('City of London')).toBe('city of london');
  });
});

describe('shortCouncilName', () => {
  it.each([
    ['Coventry City Council', 'Coventry'],
    ['LONDON BOROUGH OF BARKING & DAGENHAM', 'Barking and Dagenham'],
    ['Council of the Isles of Scilly', 'Isles of Scilly'],
    ['Bedfordshire County Council', 'Bedfordshire'],
    ["Bedfordshire County Council's", 'Bedfordshire'],
    ['CHESHIRE COUNTY COUNCIL', 'Cheshire'],
    ['KINGSTON UPON HULL CITY COUNCIL', 'Kingston upon Hull'],
    ['STOKE-ON-TRENT CITY COUNCIL', 'Stoke-on-Trent'],
    ['Walsall Metropolitan Borough Council', 'Walsall'],
    ['Royal Borough of Kensington and Chelsea', 'Kensington and Chelsea'],
    ['ST HELENS METROPOLITAN BOROUGH COUNCIL', 'St Helens'],
    ['City of London', 'City of London'],
    ['City of York Council', 'York'],
    ['Bristol, City of', 'Bristol'],
    ['Herefordshire Council', 'Herefordshire'],
    ['BLACKBURN WITH DARWEN BOROUGH COUNCIL', 'Blackburn with Darwen'],
    ['  Leicester   City Council ', 'Leicester'],
  ])('%j -> %j', (written, short) => {
    expect(shortCouncilName(written)).toBe(short);
  });
});

describe('councilByCode', () => {
  it('finds a council by its DfE code', () => {
    expect(councilByCode('331')).toBe(matchCouncil('Coventry City Council'));
    expect(councilByCode('861')?.displayName).toBe('Stoke-on-Trent');
  });

  it('finds nothing for a code no council has', () => {
    expect(councilByCode('000')).toBeUndefined();
    expect(councilByCode('')).toBeUndefined();
  });
});

describe('statNeighboursOf', () => {
  it("gives Coventry's ten neighbours in the order of its stat_neighbours column", () => {
    // children-services-authorities.csv, la_code 331:
    // "831, 852, 874, 350, 336, 312, 354, 335, 821, 861"
    const neighbours = statNeighboursOf('331');
    expect(neighbours.map((c) => c.code)).toEqual(['831', '852', '874', '350', '336', '312', '354', '335', '821', '861']);
    expect(neighbours.map((c) => c.displayName)).toEqual([
      'Derby',
      'Southampton',
      'Peterborough',
      'Bolton',
      'Wolverhampton',
      'Hillingdon',
      'Rochdale',
      'Walsall',
      'Luton',
      'Stoke-on-Trent',
    ]);
    expect(neighbours[0]).toBe(councilByCode('831'));
  });

  it('gives [] for null and for an unknown code', () => {
    expect(statNeighboursOf(null)).toEqual([]);
    expect(statNeighboursOf('000')).toEqual([]);
    expect(statNeighboursOf('')).toEqual([]);
  });

  it('returns a fresh array each time', () => {
    const first = statNeighboursOf('331');
    first.pop();
    expect(statNeighboursOf('331')).toHaveLength(10);
  });

  it('resolves every neighbour code in the directory to a council', () => {
    const entries = directory as { code: string | null; officialName: string; statNeighbours: string[] }[];
    for (const entry of entries) {
      for (const code of entry.statNeighbours) {
        expect(councilByCode(code), `${code} of ${entry.officialName}`).toBeDefined();
      }
      if (entry.code !== null) expect(statNeighboursOf(entry.code)).toHaveLength(entry.statNeighbours.length);
    }
  });
});

describe('directoryCouncils', () => {
  it('lists every council of the directory, in its order, without the extra fields', () => {
    const entries = directory as { displayName: string; officialName: string }[];
    const councils = directoryCouncils();
    expect(councils.map((c) => c.officialName)).toEqual(entries.map((e) => e.officialName));
    expect(Object.keys(councils[0]!).sort()).toEqual(['code', 'displayName', 'gss', 'officialName', 'region']);
    expect(councils).toContain(matchCouncil('Coventry City Council'));
  });
});
