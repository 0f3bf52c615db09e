/** The community's people, yearly (period `2021` … `2025`; 2025 is the first half). */
import { YEARS, YEAR_SHARE } from './calendar.ts';
import type { ActivityContext } from './projects.ts';
import { clamp, int, uniform } from './random.ts';
import type { Workforce } from './types.ts';

export function communityWorkforce(ctx: ActivityContext): Workforce[] {
  const { rng, info, plan, local } = ctx;
  const kind = info.row.kind;
  const workers =
    kind === 'rural'
      ? int(rng, 6, 12)
      : kind === 'mixed'
        ? int(rng, 14, 26)
        : kind === 'urban_village'
          ? int(rng, 12, 22)
          : int(rng, 10, 20);
  const orgs2025 = Math.max(local.filed.length, kind === 'rural' ? int(rng, 4, 10) : int(rng, 8, 20));
  const leaders2025 = Math.round(int(rng, 5, 30) * clamp(info.weight, 0.6, 1.8));
  const certifiedGrowth = uniform(rng, 0.78, 0.9);
  const volunteerGrowth = uniform(rng, 0.85, 0.97);
  return YEARS.map((year) => {
    const back = 2025 - year;
    const volunteers = Math.round(plan.volunteers2025 * volunteerGrowth ** back);
    return {
      community_id: info.row.community_id,
      period: String(year),
      social_workers_certified: Math.round(plan.certified2025 * certifiedGrowth ** back),
      community_workers: Math.max(3, workers - Math.round(back * uniform(rng, 0, 0.6))),
      community_orgs_filed: Math.max(
        local.filed.length > 0 && year >= 2024 ? local.filed.length : 0,
        orgs2025 - Math.round(back * uniform(rng, 0.5, 1.5)),
      ),
      volunteers_registered: volunteers,
      volunteer_hours: Math.round(volunteers * uniform(rng, 10, 40) * YEAR_SHARE[year]!),
      resident_leaders: Math.max(1, Math.round(leaders2025 * uniform(rng, 0.85, 0.95) ** back)),
    };
  });
}
