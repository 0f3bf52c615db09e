/**
 * The generator: places → communities → plan → for each community its organizations, projects,
 * proposals, transactions, surveys and workforce, written row by row to a sink. Pure and seeded:
 * the same options give the same rows, in the same order.
 */
import { buildCommunity, syntheticOutflow, type CommunityInfo, type Mode } from './communities.ts';
import { communityTransactions } from './finance.ts';
import { countyOrgs, localOrgs, pinghuCountyOrgs, streetOffice, type CountyOrgs } from './organizations.ts';
import { pinghuPlaces, samplePlaces, type Place } from './places.ts';
import { pinghuPlans, syntheticPlan, type CommunityPlan } from './plan.ts';
import { communityProjects, type ActivityContext, type Counters } from './projects.ts';
import { pick, substream } from './random.ts';
import { RESEARCH_COMMUNITIES } from './research.ts';
import { communitySurveys } from './surveys.ts';
import { SYNTH_TABLES, type Dataset, type Rows, type Sink, type SynthTable } from './types.ts';
import { communityWorkforce } from './workforce.ts';

export const DEFAULT_SEED = 20250630;

export interface SynthOptions {
  /** `pinghu`: the 136 communities of 平湖市; `synthetic`: `communities` drawn from the national list. */
  mode: Mode;
  seed: number;
  communities?: number;
}

export type Counts = Record<SynthTable, number>;

function flushOrgs(county: CountyOrgs, sink: Sink): void {
  for (const o of county.pending) sink.write('organizations', o);
  county.pending.length = 0;
}

function emitCommunity(
  info: CommunityInfo,
  plan: CommunityPlan,
  county: CountyOrgs,
  counters: Counters,
  seed: number,
  sink: Sink,
): void {
  const rng = substream(seed, 'activity', info.row.community_id);
  streetOffice(county, info.place);
  flushOrgs(county, sink);
  sink.write('communities', info.row);
  const local = localOrgs(county, info.row, info.place.fullName, rng);
  sink.write('organizations', local.committee);
  for (const o of local.filed) sink.write('organizations', o);
  const ctx: ActivityContext = { info, plan, county, local, counters, rng };
  const { projects, proposals } = communityProjects(ctx);
  for (const p of proposals) sink.write('proposals', p.row);
  for (const p of projects) sink.write('projects', p.row);
  for (const t of communityTransactions(ctx, projects)) sink.write('transactions', t);
  for (const s of communitySurveys(ctx, projects)) sink.write('surveys', s);
  for (const w of communityWorkforce(ctx)) sink.write('workforce', w);
}

const newCounters = (): Counters => ({ project: new Map(), proposal: new Map(), transaction: new Map() });

/** Writes a whole dataset to `sink`; returns the row count of each table. */
export function generate(o: SynthOptions, sink: Sink): Counts {
  const counts = Object.fromEntries(SYNTH_TABLES.map((t) => [t, 0])) as Counts;
  const counting: Sink = {
    write(table, row) {
      counts[table] += 1;
      sink.write(table, row);
    },
  };
  const counters = newCounters();
  if (o.mode === 'pinghu') {
    const places = pinghuPlaces();
    const villages = places.filter((p) => p.unitKind === 'villagers_committee' && !(p.code in RESEARCH_COMMUNITIES));
    const outflow = pick(substream(o.seed, 'outflow-pick'), villages).code;
    const infos = places.map((place) =>
      buildCommunity(place, { mode: 'pinghu', seed: o.seed, outflow: place.code === outflow }),
    );
    const streets = new Map(places.map((p) => [p.streetCode, p.streetName] as const));
    const county = pinghuCountyOrgs(o.seed, streets);
    const plans = pinghuPlans(infos, o.seed);
    for (const info of infos)
      emitCommunity(info, plans.get(info.row.community_id)!, county, counters, o.seed, counting);
  } else {
    const places: Place[] = samplePlaces(o.communities ?? 100, o.seed);
    let county: CountyOrgs | null = null;
    for (const place of places) {
      if (!county || county.countyCode !== place.countyCode) county = countyOrgs(o.seed, place);
      const info = buildCommunity(place, { mode: 'synthetic', seed: o.seed, outflow: syntheticOutflow(place, o.seed) });
      emitCommunity(info, syntheticPlan(info, o.seed), county, counters, o.seed, counting);
    }
  }
  return counts;
}

/** The whole dataset in memory (for tests and small runs). */
export function generateDataset(o: SynthOptions): Dataset {
  const data: Dataset = {
    communities: [],
    organizations: [],
    projects: [],
    transactions: [],
    surveys: [],
    workforce: [],
    proposals: [],
  };
  generate(o, {
    write<T extends SynthTable>(table: T, row: Rows[T]) {
      (data[table] as Rows[T][]).push(row);
    },
  });
  return data;
}

/** `datapackage.json` of a generated dataset (data standard §1). */
export function dataPackage(o: SynthOptions): Record<string, unknown> {
  const common = {
    version: '2025.2',
    created: '2025-07-01',
    licenses: [{ name: 'CC-BY-4.0' }],
  };
  if (o.mode === 'pinghu') {
    return {
      name: 'pinghu-sample',
      title: '平湖市五社联动公开数据（示例）',
      description:
        '示例数据：社区名称与区划代码真实，四个调研社区（东湖社区、野马村、西林寺社区、钟埭社区）的人口与网格数字取自实地调研，全市合计与平湖市公开数字同一量级；其余项目、资金、满意度等数据均为合成，不代表任何真实情况。',
      ...common,
      publisher: { name: '平湖市民政局', contact: '平湖市民政局 社会组织管理科' },
      coverage: { area: '浙江省嘉兴市平湖市', period_start: '2021-01-01', period_end: '2025-06-30' },
      sample: true,
    };
  }
  return {
    name: `synthetic-${o.communities ?? 100}-seed-${o.seed}`,
    title: `合成数据（${o.communities ?? 100}个社区）`,
    description: '合成数据：社区从全国村级统计单位中按随机种子抽取，其余数据均为合成，仅用于测试和性能评估。',
    ...common,
    publisher: { name: 'Gongkai 合成数据生成器', contact: 'scripts/synth.ts' },
    coverage: { area: '全国（抽样）', period_start: '2021-01-01', period_end: '2025-06-30' },
    sample: true,
  };
}
