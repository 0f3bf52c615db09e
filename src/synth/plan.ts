/**
 * What each community is given before its activity is drawn: its share of government purchase
 * money, its venture-philanthropy projects, its workforce in the latest year, and the handful of
 * data-quality quirks the sample must show.
 *
 * For Pinghu the plan is fitted to the city's published totals (they come out exactly); for a
 * synthetic dataset each community is planned on its own, at the same rates per unit of size, so
 * that the generator can stream.
 */
import type { CommunityInfo } from './communities.ts';
import { YEARS } from './calendar.ts';
import { apportion, chance, int, poisson, shuffled, substream, uniform, weighted, type Rng } from './random.ts';
import type { FundingProfile } from './types.ts';

export interface Quirks {
  /** Number of this community's projects that spend more than they received. */
  overspend: number;
  /** Number of completed projects with no expenditure recorded. */
  completedNoExpense: number;
  /** One quarterly survey with fewer than 30 respondents. */
  smallQuarterlySurvey: boolean;
  /** Number of project surveys with fewer than 30 respondents. */
  smallProjectSurveys: number;
}

export interface CommunityPlan {
  /** Multiplies the number of projects and proposals (1 in Pinghu; see NATIONAL_MEAN_WEIGHT). */
  activity: number;
  /** Government purchase of services received by the community in each year (yuan). */
  gpQuota: Record<number, number>;
  /** Venture-philanthropy projects: the year they start and their budget (yuan). */
  vp: { year: number; budget: number }[];
  certified2025: number;
  volunteers2025: number;
  quirks: Quirks;
}

/** Pinghu's published figures the sample reproduces. */
export const PINGHU_TARGETS = {
  /** 政府购买服务 income per year, city-wide (2025: first half). About 42 million a year. */
  governmentPurchase: {
    2021: 41_200_000,
    2022: 41_800_000,
    2023: 42_400_000,
    2024: 42_900_000,
    2025: 21_600_000,
  } as Record<number, number>,
  /** 公益创投: 129 projects, budgets totalling 2.853 million yuan. */
  ventureProjects: 129,
  ventureBudget: 2_853_000,
  ventureByYear: { 2021: 24, 2022: 26, 2023: 27, 2024: 28, 2025: 24 } as Record<number, number>,
  /** Latest workforce period, summed over communities. */
  certifiedSocialWorkers: 2492,
  registeredVolunteers: 5012,
  /** Data-quality warnings to show, each a handful of times. */
  overspendProjects: 4,
  completedNoExpense: 3,
  smallQuarterlySurveys: 1,
  smallProjectSurveys: 3,
} as const;

/** Mean of `communityWeight` over Pinghu's 136 communities (60% villages). */
export const PINGHU_MEAN_WEIGHT = 1.03;
/**
 * Mean of `communityWeight` over the national list (about 80% villages, so smaller). Synthetic
 * datasets scale by it, so that an average community anywhere gets what an average community of
 * Pinghu gets: about 5 projects and 170 transactions.
 */
export const NATIONAL_MEAN_WEIGHT = 0.8;
const PINGHU_COMMUNITIES = 136;

const VP_PROFILE_FACTOR: Readonly<Record<FundingProfile, number>> = { dependent: 0.2, typical: 1, diverse: 1.5 };
const VOLUNTEER_PROFILE_FACTOR: Readonly<Record<FundingProfile, number>> = {
  dependent: 0.85,
  typical: 1,
  diverse: 1.2,
};

const noQuirks = (): Quirks => ({
  overspend: 0,
  completedNoExpense: 0,
  smallQuarterlySurvey: false,
  smallProjectSurveys: 0,
});

function vpBudget(rng: Rng): number {
  return int(rng, 80, 500) * 100;
}

/** Plans for all of Pinghu, fitted to PINGHU_TARGETS. */
export function pinghuPlans(infos: readonly CommunityInfo[], seed: number): Map<string, CommunityPlan> {
  const rng = substream(seed, 'pinghu-plan');
  const T = PINGHU_TARGETS;
  const plans = new Map<string, CommunityPlan>();
  for (const info of infos) {
    plans.set(info.row.community_id, {
      activity: 1,
      gpQuota: {},
      vp: [],
      certified2025: 0,
      volunteers2025: 0,
      quirks: noQuirks(),
    });
  }
  const planOf = (info: CommunityInfo): CommunityPlan => plans.get(info.row.community_id)!;

  // Government purchase: each year's city total apportioned by size, with some spread.
  for (const year of YEARS) {
    const weights = infos.map((i) => i.weight * uniform(rng, 0.8, 1.2));
    apportion(T.governmentPurchase[year]!, weights).forEach((yuan, k) => {
      planOf(infos[k]!).gpQuota[year] = yuan;
    });
  }

  // Venture philanthropy: 129 projects spread by size and funding profile, budgets summing exactly.
  const vpWeights = Object.fromEntries(infos.map((i, k) => [String(k), i.weight * VP_PROFILE_FACTOR[i.profile]]));
  const slots: { k: number; year: number; budget: number }[] = [];
  for (const year of YEARS) {
    for (let n = 0; n < T.ventureByYear[year]!; n++)
      slots.push({ k: Number(weighted(rng, vpWeights)), year, budget: vpBudget(rng) });
  }
  const drawn = slots.reduce((s, x) => s + x.budget, 0);
  // Scale to the target in units of 100 yuan; the largest remainder method keeps the sum exact.
  apportion(
    T.ventureBudget / 100,
    slots.map((s) => s.budget / drawn),
  ).forEach((hundreds, n) => {
    slots[n]!.budget = hundreds * 100;
  });
  for (const s of slots) planOf(infos[s.k]!).vp.push({ year: s.year, budget: s.budget });

  // Workforce of the latest year: exact city totals, apportioned by size.
  apportion(
    T.certifiedSocialWorkers,
    infos.map((i) => i.weight * uniform(rng, 0.8, 1.2)),
  ).forEach((n, k) => {
    planOf(infos[k]!).certified2025 = n;
  });
  apportion(
    T.registeredVolunteers,
    infos.map((i) => i.weight * VOLUNTEER_PROFILE_FACTOR[i.profile] * uniform(rng, 0.8, 1.2)),
  ).forEach((n, k) => {
    planOf(infos[k]!).volunteers2025 = n;
  });

  // Quirks, each in a few communities other than the four of the research.
  const ordinary = shuffled(
    rng,
    infos.filter((i) => !i.research),
  );
  const towns = ordinary.filter((i) => i.row.kind !== 'rural');
  const villages = ordinary.filter((i) => i.row.kind === 'rural');
  towns.slice(0, T.overspendProjects).forEach((i) => (planOf(i).quirks.overspend = 1));
  towns
    .slice(T.overspendProjects, T.overspendProjects + T.completedNoExpense)
    .forEach((i) => (planOf(i).quirks.completedNoExpense = 1));
  villages.slice(0, T.smallQuarterlySurveys).forEach((i) => (planOf(i).quirks.smallQuarterlySurvey = true));
  villages
    .slice(T.smallQuarterlySurveys, T.smallQuarterlySurveys + T.smallProjectSurveys)
    .forEach((i) => (planOf(i).quirks.smallProjectSurveys = 1));
  return plans;
}

/** A plan for one community anywhere, at Pinghu's rates per unit of size. */
export function syntheticPlan(info: CommunityInfo, seed: number): CommunityPlan {
  const rng = substream(seed, 'plan', info.row.community_id);
  const T = PINGHU_TARGETS;
  const size = info.weight / NATIONAL_MEAN_WEIGHT;
  const gpQuota: Record<number, number> = {};
  for (const year of YEARS)
    gpQuota[year] = Math.round((T.governmentPurchase[year]! / PINGHU_COMMUNITIES) * size * uniform(rng, 0.8, 1.2));
  const vp: { year: number; budget: number }[] = [];
  const vpBudgetScale = T.ventureBudget / T.ventureProjects / 29_000; // mean of vpBudget() is 29,000
  for (const year of YEARS) {
    const n = poisson(rng, (T.ventureByYear[year]! / PINGHU_COMMUNITIES) * size * VP_PROFILE_FACTOR[info.profile]);
    for (let k = 0; k < n; k++)
      vp.push({ year, budget: Math.max(5000, Math.round((vpBudget(rng) * vpBudgetScale) / 100) * 100) });
  }
  const p = (count: number): number => count / PINGHU_COMMUNITIES;
  return {
    activity: PINGHU_MEAN_WEIGHT / NATIONAL_MEAN_WEIGHT,
    gpQuota,
    vp,
    certified2025: Math.round((T.certifiedSocialWorkers / PINGHU_COMMUNITIES) * size * uniform(rng, 0.8, 1.2)),
    volunteers2025: Math.round(
      (T.registeredVolunteers / PINGHU_COMMUNITIES) *
        size *
        VOLUNTEER_PROFILE_FACTOR[info.profile] *
        uniform(rng, 0.8, 1.2),
    ),
    quirks: {
      overspend: chance(rng, p(T.overspendProjects)) ? 1 : 0,
      completedNoExpense: chance(rng, p(T.completedNoExpense)) ? 1 : 0,
      smallQuarterlySurvey: chance(rng, p(T.smallQuarterlySurveys)),
      smallProjectSurveys: chance(rng, p(T.smallProjectSurveys)) ? 1 : 0,
    },
  };
}
