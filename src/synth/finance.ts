/**
 * Money: income by source and expenditure by category, per project and at community level.
 * Amounts are kept in cents (integers) until they are written.
 *
 * Government purchase of services per community and year comes out at the planned quota: what the
 * projects received plus quarterly payments for running the community's social work station.
 */
import { AS_OF, YEARS, YEAR_SHARE } from './calendar.ts';
import { dayOf, iso, min, quarterStart, yearOf, type Day } from './dates.ts';
import { streetOffice } from './organizations.ts';
import type { ActivityContext, Counters, ProjectDraft } from './projects.ts';
import { chance, int, pick, randomSplit, uniform, weighted, type Rng } from './random.ts';
import { expensePurpose, quarterLabel } from './texts.ts';
import type { ExpenseCategory, FundSource, Mechanism, Organization, Transaction } from './types.ts';

interface TxDraft {
  date: Day;
  type: Transaction['type'];
  source: FundSource | null;
  category: ExpenseCategory | null;
  org: Organization | null;
  name: string | null;
  donors: number | null;
  cents: number;
  purpose: string;
  projectId: string | null;
}

export const INDIVIDUAL_DONORS = '个人捐赠者';

function income(
  date: Day,
  source: FundSource,
  cents: number,
  purpose: string,
  projectId: string | null,
  org: Organization | null,
  name: string | null = null,
  donors: number | null = null,
): TxDraft {
  return { date, type: 'income', source, category: null, org, name, donors, cents, purpose, projectId };
}

const yuan = (x: number): number => Math.round(x) * 100;

/** Shares of a project's funding by source, with who pays. */
interface Part {
  source: FundSource;
  share: number;
  org: Organization | null;
  name?: string;
  /** Paid in these installments (shares of the part), on these days. */
  when: 'contract' | 'upfront' | 'spread';
}

function fundingParts(ctx: ActivityContext, p: ProjectDraft): Part[] {
  const { county, info, rng } = ctx;
  const office = streetOffice(county, info.place);
  const fund = `${info.row.name}社区发展基金`;
  const m: Mechanism = p.row.mechanism;
  switch (m) {
    case 'government_purchase':
      return [
        { source: 'government_purchase', share: 1, org: chance(rng, 0.7) ? county.bureau : office, when: 'contract' },
      ];
    case 'venture_philanthropy':
      return [
        { source: 'venture_philanthropy', share: 0.8, org: county.charityFederation, when: 'contract' },
        { source: 'matching', share: 0.2, org: office, when: 'upfront' },
      ];
    case 'micro_project':
      return info.profile === 'diverse' && chance(rng, 0.5)
        ? [{ source: 'community_fund', share: 1, org: county.charityFederation, name: fund, when: 'upfront' }]
        : [{ source: 'fiscal', share: 1, org: office, when: 'upfront' }];
    case 'community_fund':
      return [{ source: 'community_fund', share: 1, org: county.charityFederation, name: fund, when: 'upfront' }];
    case 'crowdfunding':
      return [
        { source: 'crowdfunding', share: 0.6, org: null, name: INDIVIDUAL_DONORS, when: 'spread' },
        info.profile === 'diverse'
          ? { source: 'community_fund', share: 0.4, org: county.charityFederation, name: fund, when: 'upfront' }
          : { source: 'matching', share: 0.4, org: office, when: 'upfront' },
      ];
    case 'charity':
      return [
        {
          source: 'charity_donation',
          share: 1,
          org: chance(rng, 0.5) ? county.charityFederation : pick(rng, county.foundations),
          when: 'upfront',
        },
      ];
    case 'self_organized':
      if (info.profile === 'dependent') return [{ source: 'fiscal', share: 1, org: office, when: 'upfront' }];
      switch (weighted(rng, { enterprise: 4, individual: 4, fiscal: 2 })) {
        case 'enterprise':
          return [{ source: 'enterprise', share: 1, org: pick(rng, county.enterprises), when: 'upfront' }];
        case 'individual':
          return [{ source: 'individual_donation', share: 1, org: null, name: INDIVIDUAL_DONORS, when: 'spread' }];
        case 'fiscal':
          return [{ source: 'fiscal', share: 1, org: office, when: 'upfront' }];
      }
  }
}

const SOURCE_PURPOSE: Readonly<Record<FundSource, string>> = {
  fiscal: '财政拨款',
  government_purchase: '政府购买服务项目款',
  venture_philanthropy: '公益创投资助款',
  matching: '政府配套资金',
  charity_donation: '慈善资助款',
  individual_donation: '居民爱心捐赠',
  enterprise: '共建单位支持',
  community_fund: '社区发展基金资助',
  crowdfunding: '居民众筹',
  other: '其他收入',
};

function projectIncome(ctx: ActivityContext, p: ProjectDraft): TxDraft[] {
  const { rng } = ctx;
  if (p.row.status === 'planned') return [];
  const contract = p.row.mechanism === 'government_purchase' || p.row.mechanism === 'venture_philanthropy';
  const funded = contract || chance(rng, 0.8) ? p.row.budget : Math.round(p.row.budget * uniform(rng, 0.85, 0.98));
  const parts = fundingParts(ctx, p);
  const partYuan = randomSplitShares(
    funded,
    parts.map((x) => x.share),
  );
  const last = p.row.status === 'completed' ? AS_OF : min(p.end, AS_OF);
  const dur = p.end - p.start + 1;
  const out: TxDraft[] = [];
  parts.forEach((part, k) => {
    const total = partYuan[k]!;
    if (total <= 0) return;
    const tag = SOURCE_PURPOSE[part.source];
    let pieces: { share: number; day: Day; label: string }[];
    if (part.when === 'contract') {
      pieces =
        part.source === 'government_purchase'
          ? [
              { share: 0.5, day: p.start + int(rng, 5, Math.min(30, dur)), label: '首期' },
              { share: 0.4, day: p.start + Math.floor(dur / 2) + int(rng, 0, 20), label: '中期' },
              { share: 0.1, day: p.end + int(rng, 15, 60), label: '尾款' },
            ]
          : [
              { share: 0.7, day: p.start + int(rng, 5, Math.min(30, dur)), label: '首期' },
              { share: 0.3, day: p.end + int(rng, 10, 40), label: '尾款' },
            ];
    } else if (part.when === 'upfront') {
      pieces = [{ share: 1, day: p.start + int(rng, 0, Math.min(20, dur - 1)), label: '' }];
    } else {
      const n = int(rng, 1, 4);
      pieces = Array.from({ length: n }, () => ({
        share: 1 / n,
        day: p.start + int(rng, 0, Math.max(0, Math.min(dur - 1, 60))),
        label: '',
      }));
    }
    const amounts = randomSplitShares(
      total,
      pieces.map((x) => x.share),
    );
    pieces.forEach((piece, i) => {
      const amount = amounts[i]!;
      if (amount <= 0 || piece.day > last) return;
      const donors = part.name === INDIVIDUAL_DONORS ? Math.max(3, Math.round(amount / uniform(rng, 50, 400))) : null;
      out.push(
        income(
          piece.day,
          part.source,
          amount * 100,
          `${tag}${piece.label}`,
          p.row.project_id,
          part.org,
          part.name ?? null,
          donors,
        ),
      );
    });
  });
  return out;
}

/** Whole-yuan amounts proportional to shares, summing exactly to `total`. */
function randomSplitShares(total: number, shares: number[]): number[] {
  const scaled = shares.map((s) => Math.round(s * 1000));
  const sum = scaled.reduce((a, b) => a + b, 0);
  const out = scaled.map((s) => Math.floor((total * s) / sum));
  out[0] = out[0]! + total - out.reduce((a, b) => a + b, 0);
  return out;
}

const EXPENSE_MIX: Readonly<
  Record<'contract' | 'venture' | 'small' | 'charity' | 'community', Readonly<Partial<Record<ExpenseCategory, number>>>>
> = {
  contract: { personnel: 45, activities: 25, materials: 12, venue: 4, management: 10, other: 4 },
  venture: { personnel: 30, activities: 35, materials: 20, venue: 5, management: 8, other: 2 },
  small: { personnel: 5, activities: 40, materials: 40, venue: 10, other: 5 },
  charity: { materials: 45, activities: 30, personnel: 15, management: 10 },
  community: { personnel: 40, activities: 25, materials: 12, venue: 6, management: 12, other: 5 },
};

function mixOf(m: Mechanism): keyof typeof EXPENSE_MIX {
  if (m === 'government_purchase') return 'contract';
  if (m === 'venture_philanthropy') return 'venture';
  if (m === 'charity') return 'charity';
  return 'small';
}

function expenditures(
  rng: Rng,
  totalCents: number,
  n: number,
  from: Day,
  to: Day,
  mix: keyof typeof EXPENSE_MIX,
  projectId: string | null,
): TxDraft[] {
  if (totalCents < 100 || n < 1) return [];
  const parts = randomSplit(rng, totalCents, n, 100, 1.5);
  return parts.map((cents) => {
    const category = weighted(rng, EXPENSE_MIX[mix]);
    return {
      date: from + int(rng, 0, Math.max(0, to - from)),
      type: 'expenditure',
      source: null,
      category,
      org: null,
      name: null,
      donors: null,
      cents,
      purpose: expensePurpose(rng, category),
      projectId,
    };
  });
}

function projectExpenditure(rng: Rng, p: ProjectDraft, receivedCents: number): TxDraft[] {
  if (p.row.status === 'planned' || p.quirk === 'no_expense' || receivedCents <= 0) return [];
  let ratio: number;
  let to: Day = min(p.end, AS_OF);
  switch (p.row.status) {
    case 'completed':
      ratio = uniform(rng, 0.9, 1);
      break;
    case 'terminated':
      ratio = uniform(rng, 0.3, 0.6);
      break;
    case 'suspended':
      ratio = uniform(rng, 0.2, 0.5);
      to = p.start + Math.floor((AS_OF - p.start) * 0.6);
      break;
    default:
      ratio = Math.min(0.95, ((p.row.progress_pct ?? 50) / 100) * uniform(rng, 0.75, 1.05));
  }
  if (p.quirk === 'overspend') ratio = uniform(rng, 1.04, 1.12);
  const spend = Math.round(receivedCents * ratio);
  const n = Math.max(2, Math.min(40, Math.round(3.5 + 2.6 * Math.log2(1 + spend / 100_000))));
  return expenditures(rng, spend, n, p.start, to, mixOf(p.row.mechanism), p.row.project_id);
}

/** Community-level income besides projects, by funding profile. */
function communityIncome(ctx: ActivityContext, projectGp: Map<number, number>): TxDraft[] {
  const { county, info, plan, rng } = ctx;
  const office = streetOffice(county, info.place);
  const w = info.weight;
  const out: TxDraft[] = [];
  const fund = `${info.row.name}社区发展基金`;
  for (const year of YEARS) {
    const share = YEAR_SHARE[year]!;
    const quarters = year === 2025 ? 2 : 4;
    // Government purchase: what the quota leaves after projects, paid quarterly.
    const rest = (plan.gpQuota[year] ?? 0) - Math.round((projectGp.get(year) ?? 0) / 100);
    if (rest >= 1000) {
      randomSplit(rng, rest, quarters, 100, 0.4).forEach((amount, q) => {
        const day = min(quarterStart(year, q + 1) + int(rng, 5, 40), AS_OF);
        const purpose = pick(rng, ['社区社会工作服务站运营服务费', '居家养老服务政府购买', '社区治理服务政府购买']);
        out.push(
          income(
            day,
            'government_purchase',
            amount * 100,
            `${purpose}（${quarterLabel(year, q + 1)}）`,
            null,
            chance(rng, 0.8) ? county.bureau : office,
          ),
        );
      });
    }
    // Running costs from the street.
    out.push(
      income(
        dayOf(year, 3, 1) + int(rng, 0, 40),
        'fiscal',
        yuan(Math.round((uniform(rng, 40_000, 110_000) * w * share) / 100) * 100),
        '社区公共服务运行经费',
        null,
        office,
      ),
    );
    if (chance(rng, 0.5 * share)) {
      out.push(
        income(
          dayOf(year, 6, 1) + int(rng, 0, 25),
          'fiscal',
          yuan(Math.round(uniform(rng, 10_000, 40_000) / 100) * 100),
          '为民办实事专项经费',
          null,
          office,
        ),
      );
    }
    // Social and charitable money: plenty where the profile is diverse, next to none where dependent.
    const inYear = (): Day => min(dayOf(year, 1, 10) + int(rng, 0, year === 2025 ? 170 : 340), AS_OF);
    const add = (
      p: number,
      source: FundSource,
      lo: number,
      hi: number,
      purpose: string,
      org: Organization | null,
      name: string | null = null,
    ) => {
      if (!chance(rng, p * share)) return;
      const amount = Math.round(uniform(rng, lo, hi) / 100) * 100;
      const donors = name === INDIVIDUAL_DONORS ? Math.max(5, Math.round(amount / uniform(rng, 60, 300))) : null;
      out.push(income(inYear(), source, amount * 100, purpose, null, org, name, donors));
    };
    if (info.profile === 'diverse') {
      for (let k = 0; k < 2; k++)
        add(1, 'community_fund', 15_000, 50_000 * Math.sqrt(w), '社区发展基金年度拨付', county.charityFederation, fund);
      for (let k = 0, n = int(rng, 1, 3); k < n; k++)
        add(1, 'enterprise', 8000, 40_000, '共建单位结对支持', pick(rng, county.enterprises));
      add(
        1,
        'charity_donation',
        10_000,
        40_000,
        '慈善助力社区服务',
        chance(rng, 0.5) ? county.charityFederation : pick(rng, county.foundations),
      );
      for (let k = 0, n = int(rng, 1, 2); k < n; k++)
        add(1, 'individual_donation', 2000, 20_000, '居民爱心捐赠（合计）', null, INDIVIDUAL_DONORS);
    } else if (info.profile === 'typical') {
      add(0.5, 'community_fund', 8000, 25_000, '社区发展基金年度拨付', county.charityFederation, fund);
      add(0.6, 'enterprise', 5000, 20_000, '共建单位结对支持', pick(rng, county.enterprises));
      add(0.3, 'charity_donation', 5000, 15_000, '慈善助力社区服务', county.charityFederation);
      add(0.5, 'individual_donation', 1000, 8000, '居民爱心捐赠（合计）', null, INDIVIDUAL_DONORS);
    } else {
      add(0.25, 'enterprise', 2000, 6000, '共建单位结对支持', pick(rng, county.enterprises));
      add(0.3, 'individual_donation', 500, 3000, '居民爱心捐赠（合计）', null, INDIVIDUAL_DONORS);
    }
  }
  return out;
}

/** Community-level spending: most of what came in that year, in about thirteen payments a year. */
function communitySpending(rng: Rng, incomeRows: TxDraft[]): TxDraft[] {
  const out: TxDraft[] = [];
  for (const year of YEARS) {
    const received = incomeRows.filter((t) => yearOf(t.date) === year).reduce((s, t) => s + t.cents, 0);
    const spend = Math.round(received * uniform(rng, 0.88, 0.98));
    const from = dayOf(year, 1, 15);
    const to = year === 2025 ? AS_OF : dayOf(year, 12, 28);
    out.push(...expenditures(rng, spend, year === 2025 ? 7 : 13, from, to, 'community', null));
  }
  return out;
}

/** All transactions of a community, dated and numbered. */
export function communityTransactions(ctx: ActivityContext, projects: readonly ProjectDraft[]): Transaction[] {
  const { rng, info, counters } = ctx;
  const drafts: TxDraft[] = [];
  const projectGp = new Map<number, number>();
  for (const p of projects) {
    const inc = projectIncome(ctx, p);
    for (const t of inc) {
      if (t.source === 'government_purchase')
        projectGp.set(yearOf(t.date), (projectGp.get(yearOf(t.date)) ?? 0) + t.cents);
    }
    drafts.push(
      ...inc,
      ...projectExpenditure(
        rng,
        p,
        inc.reduce((s, t) => s + t.cents, 0),
      ),
    );
  }
  const community = communityIncome(ctx, projectGp);
  drafts.push(...community, ...communitySpending(rng, community));
  // Stable by date; ties keep the order of creation.
  const order = drafts.map((t, i) => [t, i] as const).sort((a, b) => a[0].date - b[0].date || a[1] - b[1]);
  const vouchers = new Map<number, number>();
  return order.map(([t]) => toRow(t, info.row.community_id, counters, vouchers));
}

function toRow(t: TxDraft, communityId: string, counters: Counters, vouchers: Map<number, number>): Transaction {
  const year = yearOf(t.date);
  const seq = (counters.transaction.get(year) ?? 0) + 1;
  counters.transaction.set(year, seq);
  const v = (vouchers.get(year) ?? 0) + 1;
  vouchers.set(year, v);
  return {
    transaction_id: `TX${year}-${String(seq).padStart(6, '0')}`,
    date: iso(t.date),
    community_id: communityId,
    project_id: t.projectId,
    type: t.type,
    source: t.source,
    expense_category: t.category,
    counterparty_org_id: t.org?.org_id ?? null,
    counterparty_name: t.name,
    donor_count: t.donors,
    amount: t.cents / 100,
    purpose: t.purpose,
    voucher_no: `PZ${year}-${String(v).padStart(6, '0')}`,
  };
}
