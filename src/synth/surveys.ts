/**
 * Satisfaction surveys (aggregates only): every quarter each community asks about overall
 * satisfaction and three to five other dimensions; completed projects are sometimes surveyed on
 * their own (dimension `project`), always when they were assigned from above — and residents
 * like those least.
 */
import { AS_OF, QUARTERS } from './calendar.ts';
import { civil, quarterOf, quarterPeriod, yearOf } from './dates.ts';
import type { ActivityContext, ProjectDraft } from './projects.ts';
import { chance, clamp, int, normal, shuffled, uniform, weighted, type Rng } from './random.ts';
import type { Dimension, Organization, Survey } from './types.ts';

type Method = Survey['method'];

const OFFSET: Readonly<Partial<Record<Dimension, number>>> = {
  overall: 0,
  services: 0.01,
  environment: -0.02,
  safety: 0.03,
  elderly_care: 0,
  childcare: -0.03,
  culture: 0.01,
  governance: -0.04,
  property: -0.08,
};

function dimensionsFor(ctx: ActivityContext): Dimension[] {
  const { rng, info } = ctx;
  const pool: Dimension[] = ['services', 'environment', 'safety', 'elderly_care', 'childcare', 'culture', 'governance'];
  if (info.row.kind !== 'rural') pool.push('property');
  return ['overall', ...shuffled(rng, pool).slice(0, int(rng, 3, 5))];
}

function conductor(ctx: ActivityContext, method: Method): Organization | null {
  if (method === 'third_party') return ctx.county.evaluator;
  if (method === 'door_to_door' || method === 'phone') return ctx.local.committee;
  return null;
}

function score(rng: Rng, rate: number, method: Method): { mean: number | null; scale: number | null } {
  if (chance(rng, 0.1)) return { mean: null, scale: null };
  if (method === 'third_party') {
    return { mean: Math.round(clamp(50 + 45 * rate + normal(rng, 0, 1.5), 1, 100) * 10) / 10, scale: 100 };
  }
  return { mean: Math.round(clamp(1.6 + 3.3 * rate + normal(rng, 0, 0.08), 1, 5) * 100) / 100, scale: 5 };
}

function row(
  id: string,
  communityId: string,
  projectId: string | null,
  period: string,
  dimension: Dimension,
  respondents: number,
  rate: number,
  method: Method,
  by: Organization | null,
  rng: Rng,
): Survey {
  const satisfied = clamp(Math.round(respondents * rate), 0, respondents);
  const { mean, scale } = score(rng, rate, method);
  return {
    survey_id: id,
    community_id: communityId,
    project_id: projectId,
    period,
    dimension,
    respondents,
    satisfied,
    mean_score: mean,
    scale_max: scale,
    method,
    conducted_by: by?.org_id ?? null,
  };
}

export function communitySurveys(ctx: ActivityContext, projects: readonly ProjectDraft[]): Survey[] {
  const { rng, info, plan } = ctx;
  const out: Survey[] = [];
  const id = info.row.community_id;
  const dims = dimensionsFor(ctx);
  const mainMethod = weighted(rng, { door_to_door: 40, online: 30, phone: 10, third_party: 20 });
  const base = clamp(normal(rng, info.profile === 'dependent' ? 0.84 : 0.86, 0.035), 0.7, 0.95);
  const size = info.row.resident_population ?? 3000;
  const smallQuarter = plan.quirks.smallQuarterlySurvey ? int(rng, 2, QUARTERS.length - 1) : -1;
  QUARTERS.forEach(({ year, quarter }, k) => {
    const method = chance(rng, 0.8)
      ? mainMethod
      : weighted(rng, { door_to_door: 1, online: 1, phone: 1, third_party: 1 });
    const respondents =
      k === smallQuarter ? int(rng, 18, 29) : clamp(Math.round(uniform(rng, 0.6, 1.4) * (40 + size / 70)), 60, 400);
    const trend = 0.012 * (year - 2021 + (quarter - 1) / 4);
    const quarterNoise = normal(rng, 0, 0.015);
    for (const d of dims) {
      const rate = clamp(base + (OFFSET[d] ?? 0) + trend + quarterNoise + normal(rng, 0, 0.02), 0.45, 0.99);
      out.push(
        row(
          `MY-${id}-${year}Q${quarter}`,
          id,
          null,
          quarterPeriod(year, quarter),
          d,
          respondents,
          rate,
          method,
          conductor(ctx, method),
          rng,
        ),
      );
    }
  });
  for (const p of projects) {
    if (p.row.status !== 'completed') continue;
    const assigned = p.row.origin === 'assigned';
    if (!assigned && !p.smallSurvey && !chance(rng, 0.45)) continue;
    const day = p.end + int(rng, 5, 30);
    if (day > AS_OF) continue;
    const method = weighted(rng, { door_to_door: 3, online: 3, phone: 1, third_party: 3 });
    const respondents = p.smallSurvey ? int(rng, 12, 28) : int(rng, 35, 150);
    const rate = assigned
      ? uniform(rng, 0.35, 0.6)
      : clamp(
          0.86 +
            ({ excellent: 0.07, good: 0.03, pass: -0.04, fail: -0.18 }[p.row.evaluation ?? 'good'] ?? 0) +
            normal(rng, 0, 0.03),
          0.4,
          0.99,
        );
    const c = civil(day);
    const period = chance(rng, 0.5)
      ? quarterPeriod(yearOf(day), quarterOf(day))
      : `${c.year}-${String(c.month).padStart(2, '0')}`;
    out.push(
      row(
        `MY-${p.row.project_id}`,
        id,
        p.row.project_id,
        period,
        'project',
        respondents,
        rate,
        method,
        conductor(ctx, method),
        rng,
      ),
    );
  }
  return out;
}
