/**
 * A community's projects over 2021 … mid-2025, and the resident proposals (六事法) some of them
 * came from. Projects form yearly chains through `continues_project_id`; good projects are not
 * always continued; projects assigned from above reach few people; some projects past their end
 * date still say `ongoing`.
 */
import { AS_OF, PERIOD_START, YEARS } from './calendar.ts';
import type { CommunityInfo } from './communities.ts';
import { dayOf, iso, max, parseIso, yearOf, type Day } from './dates.ts';
import { agenciesOf, type CountyOrgs, type LocalOrgs } from './organizations.ts';
import type { CommunityPlan } from './plan.ts';
import { chance, clamp, int, pick, poisson, shuffled, uniform, weighted, type Rng } from './random.ts';
import { phaseTitle, projectSummary, projectTitle, proposalTitle } from './texts.ts';
import type { Mechanism, Mutable, Organization, Origin, Project, ProjectCategory, Proposal } from './types.ts';

export interface ProposalDraft {
  row: Mutable<Proposal>;
  project: ProjectDraft | null;
}

export interface ProjectDraft {
  row: Mutable<Project>;
  start: Day;
  end: Day;
  phase: number;
  baseTitle: string;
  predecessor: ProjectDraft | null;
  successor: ProjectDraft | null;
  proposal: ProposalDraft | null;
  operator: Organization | null;
  /** Past its end date and still reported as ongoing. */
  stale: boolean;
  quirk: 'overspend' | 'no_expense' | null;
  /** Its satisfaction survey has fewer than 30 respondents. */
  smallSurvey: boolean;
}

export interface Counters {
  project: Map<number, number>;
  proposal: Map<number, number>;
  transaction: Map<number, number>;
}

export interface ActivityContext {
  info: CommunityInfo;
  plan: CommunityPlan;
  county: CountyOrgs;
  local: LocalOrgs;
  counters: Counters;
  rng: Rng;
}

function nextId(counter: Map<number, number>, year: number): number {
  const n = (counter.get(year) ?? 0) + 1;
  counter.set(year, n);
  return n;
}

const YEAR_FACTOR: Readonly<Record<number, number>> = { 2021: 0.85, 2022: 0.95, 2023: 1, 2024: 1.05, 2025: 0.8 };
/** Projects per year per unit of size, besides venture philanthropy. */
const PROJECTS_PER_WEIGHT = 0.85;

type NonVp = Exclude<Mechanism, 'venture_philanthropy'>;

const MECHANISMS: Readonly<Record<CommunityInfo['profile'], Readonly<Record<NonVp, number>>>> = {
  typical: {
    government_purchase: 38,
    micro_project: 20,
    community_fund: 8,
    crowdfunding: 5,
    charity: 8,
    self_organized: 12,
  },
  diverse: {
    government_purchase: 30,
    micro_project: 16,
    community_fund: 18,
    crowdfunding: 9,
    charity: 14,
    self_organized: 10,
  },
  dependent: {
    government_purchase: 50,
    micro_project: 28,
    community_fund: 0,
    crowdfunding: 1,
    charity: 2,
    self_organized: 12,
  },
};

const CATEGORIES: Readonly<Record<CommunityInfo['row']['kind'], Readonly<Partial<Record<ProjectCategory, number>>>>> = {
  urban: {
    elderly: 20,
    children: 14,
    culture: 10,
    family: 5,
    mediation: 6,
    health: 8,
    environment: 8,
    assistance: 6,
    disability: 4,
    capacity: 6,
    governance: 8,
    newcomers: 3,
    other: 2,
  },
  rural: {
    elderly: 22,
    environment: 14,
    culture: 12,
    governance: 10,
    assistance: 8,
    health: 8,
    children: 8,
    mediation: 6,
    capacity: 4,
    disability: 4,
    family: 2,
    newcomers: 2,
    other: 2,
  },
  mixed: {
    newcomers: 12,
    governance: 10,
    elderly: 14,
    children: 10,
    culture: 8,
    mediation: 8,
    environment: 8,
    health: 6,
    assistance: 5,
    capacity: 5,
    family: 4,
    disability: 3,
    other: 2,
  },
  urban_village: {
    newcomers: 20,
    mediation: 10,
    environment: 10,
    children: 12,
    elderly: 12,
    governance: 8,
    health: 6,
    culture: 6,
    assistance: 6,
    capacity: 4,
    family: 3,
    disability: 2,
    other: 1,
  },
};

const ORIGINS: Readonly<Record<Mechanism, Readonly<Partial<Record<Origin, number>>>>> = {
  government_purchase: { assigned: 35, needs_assessment: 50, resident_proposal: 8, other: 7 },
  venture_philanthropy: { needs_assessment: 55, resident_proposal: 30, assigned: 5, other: 10 },
  micro_project: { resident_proposal: 60, needs_assessment: 25, assigned: 10, other: 5 },
  community_fund: { resident_proposal: 45, needs_assessment: 45, other: 10 },
  crowdfunding: { resident_proposal: 80, needs_assessment: 15, other: 5 },
  charity: { needs_assessment: 60, assigned: 15, other: 25 },
  self_organized: { resident_proposal: 40, needs_assessment: 30, assigned: 10, other: 20 },
};

/** Days a project runs, by mechanism. */
const DURATION: Readonly<Record<Mechanism, readonly [number, number]>> = {
  government_purchase: [300, 365],
  venture_philanthropy: [150, 300],
  micro_project: [60, 180],
  community_fund: [90, 240],
  crowdfunding: [30, 120],
  charity: [120, 300],
  self_organized: [30, 180],
};

const BENEFICIARIES: Readonly<Record<ProjectCategory, readonly [number, number]>> = {
  elderly: [300, 2500],
  children: [200, 1800],
  disability: [40, 300],
  family: [100, 800],
  mediation: [50, 400],
  culture: [500, 4000],
  environment: [300, 3000],
  health: [300, 2500],
  assistance: [40, 400],
  newcomers: [200, 2000],
  capacity: [30, 300],
  governance: [100, 1200],
  other: [100, 1000],
};

const CONTINUE_CHANCE: Readonly<Record<string, number>> = {
  excellent: 0.65,
  good: 0.5,
  pass: 0.25,
  none: 0.2,
  fail: 0,
};

function compatible(prev: Mechanism, next: Mechanism): boolean {
  return (
    prev === next ||
    (prev === 'venture_philanthropy' && next === 'government_purchase') ||
    (prev === 'micro_project' && next === 'community_fund')
  );
}

function startWindow(year: number, m: Mechanism): [Day, Day] {
  const contract = m === 'government_purchase' || m === 'venture_philanthropy';
  if (year === 2025)
    return contract ? [dayOf(2025, 2, 20), dayOf(2025, 9, 15)] : [dayOf(2025, 1, 10), dayOf(2025, 9, 20)];
  return contract ? [dayOf(year, 2, 20), dayOf(year, 5, 31)] : [dayOf(year, 3, 1), dayOf(year, 11, 10)];
}

function roundTo(x: number, unit: number): number {
  return Math.max(unit, Math.round(x / unit) * unit);
}

function freshBudget(rng: Rng, m: NonVp, weight: number): number {
  switch (m) {
    case 'government_purchase':
      return roundTo(clamp(uniform(rng, 40_000, 160_000) * Math.sqrt(weight), 30_000, 300_000), 1000);
    case 'micro_project':
      return roundTo(uniform(rng, 3000, 20_000), 100);
    case 'community_fund':
      return roundTo(uniform(rng, 5000, 40_000), 500);
    case 'crowdfunding':
      return roundTo(uniform(rng, 2000, 15_000), 100);
    case 'charity':
      return roundTo(uniform(rng, 10_000, 80_000), 1000);
    case 'self_organized':
      return roundTo(uniform(rng, 1000, 10_000), 100);
  }
}

function chooseOperator(ctx: ActivityContext, m: Mechanism): Organization | null {
  const { rng, county, local, info } = ctx;
  const agencies = agenciesOf(county, info.place.streetCode);
  const filed = local.filed.length > 0 ? pick(rng, local.filed) : null;
  const kind = weighted(
    rng,
    (
      {
        government_purchase: { agency: 85, social: 15 },
        venture_philanthropy: { agency: 50, social: 25, filed: 25 },
        micro_project: { filed: 50, committee: 50 },
        community_fund: { filed: 50, social: 20, committee: 30 },
        crowdfunding: { committee: 60, filed: 40 },
        charity: { agency: 50, social: 50 },
        self_organized: { filed: 50, committee: 40, none: 10 },
      } as const
    )[m] as Partial<Record<'agency' | 'social' | 'filed' | 'committee' | 'none', number>>,
  );
  switch (kind) {
    case 'agency':
      return pick(rng, agencies);
    case 'social':
      return pick(rng, county.socialOrgs);
    case 'filed':
      return filed ?? local.committee;
    case 'committee':
      return local.committee;
    case 'none':
      return null;
  }
}

interface Slot {
  year: number;
  mechanism: Mechanism;
  budget: number | null;
}

/** Builds the community's projects and proposals. Rows are final except proposal stages. */
export function communityProjects(ctx: ActivityContext): { projects: ProjectDraft[]; proposals: ProposalDraft[] } {
  const { info, plan, rng } = ctx;
  const projects: ProjectDraft[] = [];
  const proposals: ProposalDraft[] = [];
  const gpCommitted = new Map<number, number>();
  const categoryWeights = { ...CATEGORIES[info.row.kind], ...(info.research?.categoryBias ?? {}) };

  for (const year of YEARS) {
    const slots: Slot[] = plan.vp
      .filter((v) => v.year === year)
      .map((v) => ({ year, mechanism: 'venture_philanthropy', budget: v.budget }));
    const n = poisson(rng, PROJECTS_PER_WEIGHT * info.weight * plan.activity * YEAR_FACTOR[year]!);
    for (let k = 0; k < n; k++) slots.push({ year, mechanism: weighted(rng, MECHANISMS[info.profile]), budget: null });
    for (const slot of shuffled(rng, slots)) {
      const p = makeProject(ctx, slot, projects, gpCommitted, categoryWeights);
      projects.push(p);
      if (p.proposal) proposals.push(p.proposal);
    }
  }
  applyQuirks(ctx, projects);
  proposals.push(...looseProposals(ctx, categoryWeights));
  for (const p of proposals) finishProposal(rng, p);
  return { projects, proposals };
}

function makeProject(
  ctx: ActivityContext,
  slot: Slot,
  earlier: ProjectDraft[],
  gpCommitted: Map<number, number>,
  categoryWeights: Partial<Record<ProjectCategory, number>>,
): ProjectDraft {
  const { info, plan, rng, counters } = ctx;
  let mechanism = slot.mechanism;
  const [w0, w1] = startWindow(slot.year, mechanism);
  let start = w0 + int(rng, 0, w1 - w0);

  // Continue last year's project?
  let predecessor: ProjectDraft | null = null;
  for (const prev of shuffled(rng, earlier)) {
    if (yearOf(prev.start) !== slot.year - 1 || prev.successor || prev.phase >= 4) continue;
    if (prev.row.status !== 'completed' || !compatible(prev.row.mechanism, mechanism)) continue;
    // A project already in its second year or later is an established service: more likely to go on.
    const bonus = prev.phase >= 2 ? 0.25 : 0;
    if (!chance(rng, CONTINUE_CHANCE[prev.row.evaluation ?? 'none']! + bonus)) continue;
    const s = max(start, prev.end + 1 + int(rng, 0, 20));
    if (s > AS_OF + 80) continue;
    predecessor = prev;
    start = s;
    break;
  }

  let budget: number;
  if (slot.budget !== null) budget = slot.budget;
  else if (predecessor && predecessor.row.mechanism === mechanism)
    budget = roundTo(predecessor.row.budget * uniform(rng, 0.9, 1.2), mechanism === 'government_purchase' ? 1000 : 100);
  else budget = freshBudget(rng, mechanism as NonVp, info.weight);

  if (mechanism === 'government_purchase') {
    // Keep project purchases within the community's yearly share (the rest is paid as
    // running costs of the community's social work station).
    const y = yearOf(start);
    const allowance = 0.55 * (plan.gpQuota[y] ?? 0) - (gpCommitted.get(y) ?? 0);
    if (budget > allowance) {
      budget = Math.floor(allowance / 1000) * 1000;
      if (budget < 30_000) {
        mechanism = 'micro_project';
        predecessor = predecessor && compatible(predecessor.row.mechanism, mechanism) ? predecessor : null;
        budget = freshBudget(rng, 'micro_project', info.weight);
      }
    }
    if (mechanism === 'government_purchase') gpCommitted.set(y, (gpCommitted.get(y) ?? 0) + budget);
  }

  const category = predecessor?.row.category ?? weighted(rng, categoryWeights);
  let origin: Origin = predecessor?.row.origin ?? weighted(rng, ORIGINS[mechanism]);
  if (!predecessor && info.profile === 'dependent' && mechanism === 'government_purchase' && chance(rng, 0.25))
    origin = 'assigned';
  const operator = predecessor ? predecessor.operator : chooseOperator(ctx, mechanism);
  const [d0, d1] = DURATION[mechanism];
  const end = start + int(rng, d0, d1) - 1;
  const phase = predecessor ? predecessor.phase + 1 : 1;
  const baseTitle = predecessor?.baseTitle ?? projectTitle(rng, category, info.row.name);

  // Status as of 2025-06-30.
  let status: Project['status'];
  let progress: number;
  let stale = false;
  if (start > AS_OF) {
    status = 'planned';
    progress = 0;
  } else if (end < AS_OF) {
    if (end >= dayOf(2024, 7, 1) && end <= dayOf(2025, 5, 31) && chance(rng, 0.06)) {
      status = 'ongoing';
      progress = int(rng, 35, 75);
      stale = true;
    } else if (chance(rng, 0.015)) {
      status = 'terminated';
      progress = int(rng, 20, 60);
    } else {
      status = 'completed';
      progress = 100;
    }
  } else if (chance(rng, 0.02)) {
    status = 'suspended';
    progress = int(rng, 10, 50);
  } else {
    status = 'ongoing';
    progress = clamp(Math.round((100 * (AS_OF - start)) / (end - start + 1) + uniform(rng, -5, 5)), 1, 99);
  }

  let evaluation: Project['evaluation'] = null;
  let evaluatedOn: Day | null = null;
  const contract = mechanism === 'government_purchase' || mechanism === 'venture_philanthropy';
  if (status === 'completed' && chance(rng, contract ? 0.95 : 0.6)) {
    const on = end + int(rng, 10, 45);
    if (on <= AS_OF) {
      evaluatedOn = on;
      evaluation =
        origin === 'assigned'
          ? weighted(rng, { excellent: 8, good: 40, pass: 42, fail: 10 })
          : weighted(rng, { excellent: 25, good: 45, pass: 25, fail: 5 });
    }
  } else if (status === 'terminated' && chance(rng, 0.5)) {
    const on = end + int(rng, 10, 30);
    if (on <= AS_OF) {
      evaluatedOn = on;
      evaluation = 'fail';
    }
  }

  // People reached.
  const done = status === 'planned' ? 0 : status === 'completed' ? 1 : progress / 100;
  const [b0, b1] = BENEFICIARIES[category];
  let beneficiaries = uniform(rng, b0, b1) * clamp(Math.sqrt(budget / 50_000), 0.3, 2) * done;
  if (origin === 'assigned') beneficiaries *= uniform(rng, 0.1, 0.3);
  const byAgency = operator?.kind === 'social_work_agency';
  const noVolunteers = chance(rng, byAgency && mechanism === 'government_purchase' ? 0.22 : 0.06);
  const volunteers = noVolunteers
    ? 0
    : Math.round(int(rng, 4, 45) * (category === 'culture' || category === 'environment' ? 1.5 : 1));
  const volunteerHours = Math.round(volunteers * uniform(rng, 3, 24) * done * 2) / 2;
  const socialWorkers = byAgency ? int(rng, 1, 5) : int(rng, 0, 2);

  const year = yearOf(start);
  const projectId = `XM${year}-${String(nextId(counters.project, year)).padStart(5, '0')}`;
  const row: Mutable<Project> = {
    project_id: projectId,
    community_id: info.row.community_id,
    title: phaseTitle(baseTitle, phase),
    summary: projectSummary(category),
    category,
    mechanism,
    origin,
    operator_org_id: operator?.org_id ?? null,
    start_date: iso(start),
    end_date: iso(end),
    status,
    budget,
    progress_pct: progress,
    beneficiaries: status === 'planned' ? null : Math.round(beneficiaries),
    volunteers: status === 'planned' ? null : volunteers,
    volunteer_hours: status === 'planned' ? null : volunteerHours,
    social_workers: socialWorkers,
    evaluation,
    evaluated_on: evaluatedOn === null ? null : iso(evaluatedOn),
    continues_project_id: predecessor?.row.project_id ?? null,
    proposal_id: null,
  };
  const draft: ProjectDraft = {
    row,
    start,
    end,
    phase,
    baseTitle,
    predecessor,
    successor: null,
    proposal: null,
    operator,
    stale,
    quirk: null,
    smallSurvey: false,
  };
  if (predecessor) predecessor.successor = draft;

  // A resident's proposal behind it (六事法: raised, deliberated, … decided).
  if (origin === 'resident_proposal' && !predecessor && chance(rng, 0.9)) {
    let raised = start - int(rng, 30, 120);
    // Nothing is recorded after the as-of date: a project planned for later was raised before it.
    if (raised > AS_OF - 5) raised = AS_OF - int(rng, 5, 40);
    if (raised >= PERIOD_START + 3) {
      const year2 = yearOf(raised);
      const proposal: ProposalDraft = {
        row: {
          proposal_id: `TS${year2}-${String(nextId(counters.proposal, year2)).padStart(4, '0')}`,
          community_id: info.row.community_id,
          raised_on: iso(raised),
          title: proposalTitle(rng, category),
          category,
          stage: 'decided',
          stage_on: iso(Math.min(start - int(rng, 1, Math.min(25, start - raised - 1)), AS_OF)),
          supporters: int(rng, 8, 120),
        },
        project: draft,
      };
      draft.proposal = proposal;
      row.proposal_id = proposal.row.proposal_id;
    }
  }
  return draft;
}

/** Marks the projects that carry the community's planned data-quality quirks. */
function applyQuirks(ctx: ActivityContext, projects: ProjectDraft[]): void {
  const { plan, rng } = ctx;
  const completed = shuffled(
    rng,
    projects.filter((p) => p.row.status === 'completed' && p.row.budget >= 3000),
  );
  let k = 0;
  for (let n = 0; n < plan.quirks.overspend && k < completed.length; n++) completed[k++]!.quirk = 'overspend';
  for (let n = 0; n < plan.quirks.completedNoExpense && k < completed.length; n++) completed[k++]!.quirk = 'no_expense';
  for (let n = 0; n < plan.quirks.smallProjectSurveys && k < completed.length; n++) completed[k++]!.smallSurvey = true;
}

/** Proposals that did not (yet) become projects: recent ones still moving, older ones declined. */
function looseProposals(
  ctx: ActivityContext,
  categoryWeights: Partial<Record<ProjectCategory, number>>,
): ProposalDraft[] {
  const { info, rng, counters } = ctx;
  const out: ProposalDraft[] = [];
  const n = poisson(rng, 2.6 * (0.5 + 0.5 * info.weight) * ctx.plan.activity);
  const span = AS_OF - PERIOD_START;
  const days = Array.from({ length: n }, () => PERIOD_START + 3 + int(rng, 0, span - 3)).sort((a, b) => a - b);
  for (const raised of days) {
    const category = weighted(rng, categoryWeights);
    const year = yearOf(raised);
    const age = AS_OF - raised;
    let stage: Proposal['stage'];
    let stageOn: Day;
    if (age < 90) {
      stage = weighted(rng, { raised: 4, deliberated: 3, consulted: 2 });
      stageOn = stage === 'raised' ? raised : raised + int(rng, 3, Math.max(3, age));
    } else if (age < 240) {
      stage = weighted(rng, { deliberated: 2, consulted: 3, declined: 3 });
      stageOn = raised + int(rng, 7, 60);
    } else {
      stage = weighted(rng, { declined: 5, consulted: 2, deliberated: 1 });
      stageOn = raised + int(rng, 10, 75);
    }
    out.push({
      row: {
        proposal_id: `TS${year}-${String(nextId(counters.proposal, year)).padStart(4, '0')}`,
        community_id: info.row.community_id,
        raised_on: iso(raised),
        title: proposalTitle(rng, category),
        category,
        stage,
        stage_on: iso(Math.min(stageOn, AS_OF)),
        supporters: int(rng, 3, 60),
      },
      project: null,
    });
  }
  return out;
}

/** A proposal whose project was evaluated moves to 评事; if it was carried on or spread, to 推事. */
function finishProposal(rng: Rng, p: ProposalDraft): void {
  const project = p.project;
  if (!project || !project.row.evaluated_on || project.row.evaluation === 'fail') return;
  const successorStart = project.successor?.start ?? null;
  if (successorStart !== null && successorStart <= AS_OF) {
    p.row.stage = 'promoted';
    p.row.stage_on = iso(max(successorStart, parseIso(project.row.evaluated_on)));
  } else if (project.row.evaluation === 'excellent' && chance(rng, 0.3)) {
    p.row.stage = 'promoted';
    p.row.stage_on = project.row.evaluated_on;
  } else {
    p.row.stage = 'evaluated';
    p.row.stage_on = project.row.evaluated_on;
  }
}
