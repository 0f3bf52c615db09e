/**
 * Organizations: the county-level pool (civil-affairs bureau, street offices, charities, social
 * work agencies, registered social organizations, partner enterprises, an evaluator) and the
 * community-level ones (the committee, filed community organizations).
 *
 * Unified social credit codes are synthetic with valid check characters; committees and filed
 * community organizations carry local numbers (never 18 characters long, so they are not taken
 * for credit codes).
 */
import { dayOf, iso } from './dates.ts';
import { makeUscc, type UsccPrefix } from './identifiers.ts';
import type { Place } from './places.ts';
import { chance, int, pick, shuffled, substream, weighted, type Rng } from './random.ts';
import type { Community, Organization } from './types.ts';

type Rating = Organization['rating'];

export interface CountyOrgs {
  countyCode: string;
  bureau: Organization;
  charityFederation: Organization;
  foundations: Organization[];
  agencies: Organization[];
  socialOrgs: Organization[];
  enterprises: Organization[];
  evaluator: Organization;
  /** Street (town) government, by street code. */
  streetOffices: Map<string, Organization>;
  /** Agencies that work in a street, by street code (all agencies when not set). */
  agencyStreets: Map<string, Organization[]>;
  /** Rows not yet written. */
  pending: Organization[];
  /** Counter for filing numbers. */
  filed: number;
  prefixFiled: string;
  rng: Rng;
}

function org(
  rng: Rng,
  prefix: UsccPrefix,
  division: string,
  name: string,
  kind: Organization['kind'],
  from: [number, number],
  rating: Rating,
  communityId: string | null = null,
): Organization {
  const registered = dayOf(from[0], 1, 1) + int(rng, 0, (from[1] - from[0] + 1) * 365 - 1);
  return {
    org_id: makeUscc(rng, prefix, division),
    name,
    kind,
    registered_on: prefix === '11' ? null : iso(registered),
    rating,
    community_id: communityId,
  };
}

const agencyRating = (rng: Rng): Rating => {
  const r = weighted(rng, { '5A': 1, '4A': 3, '3A': 4, none: 2 });
  return r === 'none' ? null : r;
};
const socialOrgRating = (rng: Rng): Rating => {
  const r = weighted(rng, { '4A': 2, '3A': 3, '2A': 1, none: 4 });
  return r === 'none' ? null : r;
};

function streetOfficeName(countyName: string, streetName: string): string {
  return streetName.endsWith('街道')
    ? `${countyName}人民政府${streetName}办事处`
    : `${countyName}${streetName}人民政府`;
}

// ---------------------------------------------------------------- Pinghu

const PINGHU_AGENCIES = [
  '平湖市益家社会工作服务中心',
  '平湖市乐众社会工作服务中心',
  '平湖市心悦社会工作服务中心',
  '平湖市善行社会工作服务中心',
  '平湖市同心社会工作服务中心',
  '平湖市和美社会工作服务中心',
  '平湖市启航社会工作服务中心',
  '平湖市暖阳社会工作服务中心',
  '平湖市惠民社会工作服务中心',
  '平湖市邻里社会工作服务中心',
  '平湖市向阳社会工作服务中心',
  '平湖市知行社会工作服务中心',
];

const PINGHU_SOCIAL_ORGS: readonly [string, UsccPrefix][] = [
  ['平湖市志愿者协会', '51'],
  ['平湖市社会工作协会', '51'],
  ['平湖市社会组织发展促进会', '51'],
  ['平湖市老年人体育协会', '51'],
  ['平湖市家庭教育促进会', '51'],
  ['平湖市人民调解协会', '51'],
  ['平湖市文化志愿者协会', '51'],
  ['平湖市新居民服务中心', '52'],
  ['平湖市阳光助残服务中心', '52'],
  ['平湖市心理健康服务中心', '52'],
  ['平湖市社区教育服务中心', '52'],
];

const PINGHU_ENTERPRISES = [
  '平湖市恒达物业服务有限公司',
  '平湖市金湖服饰有限公司',
  '浙江嘉平光电科技有限公司',
  '平湖市东湖物业管理有限公司',
  '平湖市瑞丰箱包有限公司',
  '平湖市禾丰农业发展有限公司',
  '平湖市兴业电子有限公司',
  '平湖市明珠食品有限公司',
  '平湖市华元机械有限公司',
  '平湖市鑫源纺织有限公司',
  '平湖市嘉和商贸有限公司',
  '平湖市天成建设有限公司',
];

/** The Pinghu pool, with one office per street in `streets` (code → name). */
export function pinghuCountyOrgs(seed: number, streets: ReadonlyMap<string, string>): CountyOrgs {
  const rng = substream(seed, 'orgs', '330482');
  const d = '330482';
  const bureau = org(rng, '11', d, '平湖市民政局', 'government', [2000, 2000], null);
  const finance = org(rng, '11', d, '平湖市财政局', 'government', [2000, 2000], null);
  const charityFederation = org(rng, '51', d, '平湖市慈善总会', 'charity', [2001, 2004], '5A');
  const foundations = [
    org(rng, '53', d, '平湖市教育基金会', 'charity', [2006, 2012], '4A'),
    org(rng, '53', d, '平湖市乡贤公益基金会', 'charity', [2016, 2019], '3A'),
    org(rng, '53', d, '平湖市青少年发展基金会', 'charity', [2012, 2016], null),
  ];
  const agencies = PINGHU_AGENCIES.map((n) =>
    org(rng, '52', d, n, 'social_work_agency', [2012, 2020], agencyRating(rng)),
  );
  const socialOrgs = PINGHU_SOCIAL_ORGS.map(([n, p]) =>
    org(rng, p, d, n, 'social_org', [2005, 2020], socialOrgRating(rng)),
  );
  const evaluator = org(rng, '52', d, '平湖市益行公益评估中心', 'social_org', [2015, 2017], '4A');
  const enterprises = PINGHU_ENTERPRISES.map((n) => org(rng, '91', d, n, 'enterprise', [2003, 2019], null));
  const streetOffices = new Map<string, Organization>();
  for (const [code, name] of streets) {
    streetOffices.set(code, org(rng, '11', d, streetOfficeName('平湖市', name), 'government', [2000, 2000], null));
  }
  // Each agency works in two or three streets; every street has at least two agencies.
  const agencyStreets = new Map<string, Organization[]>();
  const codes = [...streets.keys()];
  agencies.forEach((a, i) => {
    const mine = new Set([codes[i % codes.length]!, codes[(i + 4) % codes.length]!]);
    if (i % 3 === 0) mine.add(codes[(i + 7) % codes.length]!);
    for (const c of mine) agencyStreets.set(c, [...(agencyStreets.get(c) ?? []), a]);
  });
  return {
    countyCode: d,
    bureau,
    charityFederation,
    foundations,
    agencies,
    socialOrgs,
    enterprises,
    evaluator,
    streetOffices,
    agencyStreets,
    pending: [
      bureau,
      finance,
      ...streetOffices.values(),
      charityFederation,
      ...foundations,
      ...agencies,
      ...socialOrgs,
      evaluator,
      ...enterprises,
    ],
    filed: 0,
    prefixFiled: 'PHBA',
    rng,
  };
}

// ---------------------------------------------------------------- anywhere else

const AGENCY_WORDS = [
  '益家',
  '乐众',
  '心悦',
  '善行',
  '同心',
  '和美',
  '启航',
  '暖阳',
  '惠民',
  '邻里',
  '向阳',
  '知行',
  '恒爱',
  '众善',
  '星火',
  '守望',
  '携手',
  '微光',
  '悦享',
  '仁和',
];
const FOUNDATION_WORDS = ['乡贤', '阳光', '春晖', '善源', '德馨'];
const FIRM_WORDS = ['恒达', '金瑞', '宏远', '兴业', '瑞丰', '华盛', '嘉和', '明珠', '鑫源', '永昌', '天成', '盛达'];
const FIRM_TRADES = ['实业', '电子', '纺织', '物业服务', '建设', '食品', '机械', '科技', '商贸'];

/** A generic county pool, named after the county of `place`. */
export function countyOrgs(seed: number, place: Place): CountyOrgs {
  const rng = substream(seed, 'orgs', place.countyCode);
  const c = place.countyName;
  const d = place.countyCode;
  const bureau = org(rng, '11', d, `${c}民政局`, 'government', [2000, 2000], null);
  const charityFederation = org(
    rng,
    '51',
    d,
    `${c}慈善总会`,
    'charity',
    [2000, 2010],
    weighted(rng, { '5A': 1, '4A': 2 }),
  );
  const foundations = [
    org(rng, '53', d, `${c}${pick(rng, FOUNDATION_WORDS)}公益基金会`, 'charity', [2008, 2020], null),
  ];
  const agencies = shuffled(rng, AGENCY_WORDS)
    .slice(0, 3)
    .map((w) => org(rng, '52', d, `${c}${w}社会工作服务中心`, 'social_work_agency', [2012, 2021], agencyRating(rng)));
  const socialOrgs = [
    org(rng, '51', d, `${c}志愿者协会`, 'social_org', [2005, 2018], socialOrgRating(rng)),
    org(rng, '51', d, `${c}社会工作协会`, 'social_org', [2010, 2020], socialOrgRating(rng)),
  ];
  const evaluator = org(rng, '52', d, `${c}公益评估中心`, 'social_org', [2014, 2020], null);
  const enterprises = shuffled(rng, FIRM_WORDS)
    .slice(0, 3)
    .map((w) => org(rng, '91', d, `${c}${w}${pick(rng, FIRM_TRADES)}有限公司`, 'enterprise', [2000, 2020], null));
  return {
    countyCode: d,
    bureau,
    charityFederation,
    foundations,
    agencies,
    socialOrgs,
    enterprises,
    evaluator,
    streetOffices: new Map(),
    agencyStreets: new Map(),
    pending: [bureau, charityFederation, ...foundations, ...agencies, ...socialOrgs, evaluator, ...enterprises],
    filed: 0,
    prefixFiled: `BA${d}-`,
    rng,
  };
}

/** The office of the street of `place`, created (and queued for writing) on first use. */
export function streetOffice(county: CountyOrgs, place: Place): Organization {
  let office = county.streetOffices.get(place.streetCode);
  if (!office) {
    office = org(
      county.rng,
      '11',
      place.countyCode,
      streetOfficeName(place.countyName, place.streetName),
      'government',
      [2000, 2000],
      null,
    );
    county.streetOffices.set(place.streetCode, office);
    county.pending.push(office);
  }
  return office;
}

export function agenciesOf(county: CountyOrgs, streetCode: string): Organization[] {
  return county.agencyStreets.get(streetCode) ?? county.agencies;
}

// ---------------------------------------------------------------- community level

export interface LocalOrgs {
  committee: Organization;
  /** Filed community social organizations (社区社会组织). */
  filed: Organization[];
}

const TEAMS_COMMON = [
  '银龄志愿服务队',
  '巾帼志愿服务队',
  '邻里互助会',
  '文体队',
  '平安巡防队',
  '书香读书会',
  '老娘舅调解队',
  '青年志愿服务队',
];
const TEAMS_URBAN = ['楼道长联谊会', '红色物业联盟', '亲子成长营'];
const TEAMS_RURAL = ['乡贤议事会', '美丽庭院志愿队', '农技服务队'];
const TEAMS_NEWCOMERS = ['新居民之家', '新居民志愿服务队'];

export function localOrgs(county: CountyOrgs, c: Community, fullName: string, rng: Rng): LocalOrgs {
  const committee: Organization = {
    org_id: `WH${c.community_id}`,
    name: fullName,
    kind: 'committee',
    registered_on: null,
    rating: null,
    community_id: c.community_id,
  };
  const pool = [
    ...TEAMS_COMMON,
    ...(c.kind === 'rural' ? TEAMS_RURAL : TEAMS_URBAN),
    ...(c.kind === 'urban_village' || c.kind === 'mixed' ? TEAMS_NEWCOMERS : []),
  ];
  const n = c.kind === 'rural' ? (chance(rng, 0.55) ? 1 : 0) : int(rng, 1, 2);
  const filed = shuffled(rng, pool)
    .slice(0, n)
    .map((team): Organization => {
      const day = dayOf(2016, 1, 1) + int(rng, 0, 365 * 9 + 150);
      county.filed += 1;
      const year = iso(day).slice(0, 4);
      const id =
        county.prefixFiled === 'PHBA'
          ? `PHBA${year}-${String(county.filed).padStart(3, '0')}`
          : `${county.prefixFiled}${String(county.filed).padStart(4, '0')}`;
      return {
        org_id: id,
        name: `${c.name}${team}`,
        kind: 'community_org',
        registered_on: iso(day),
        rating: null,
        community_id: c.community_id,
      };
    });
  return { committee, filed };
}
