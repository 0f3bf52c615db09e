/**
 * What each build-time query returns, as zod schemas keyed by the query's file name. The build
 * side parses every row it reads (src/db/build-database.ts), so a renamed column or a changed type
 * in a `.sql` file fails at the query with the column named, not later in a page as `undefined`.
 * tests/unit/db/query-rows.test.ts checks each schema against DuckDB's DESCRIBE of its query.
 *
 * Values arrive in the shape both engines share (src/db/types.ts): numbers, strings, booleans,
 * null; dates as `YYYY-MM-DD`.
 */
import { z } from 'zod';
import {
  COMMUNITY_KIND,
  ORGANIZATION_KIND,
  ORGANIZATION_RATING,
  PROJECT_ORIGIN,
  PROJECT_STATUS,
  PROPOSAL_STAGE,
  SURVEY_DIMENSION,
  TRANSACTION_TYPE,
  communities,
  organizations,
  projects,
  surveys,
  transactions,
  workforce,
  type EnumDef,
  type FieldDef,
  type TableDef,
} from '../schema/index.ts';

function codeOf<C extends string>(def: EnumDef<C>) {
  return z.enum(def.codes as [C, ...C[]]);
}

/**
 * A column taken straight from a table of the standard has that field's own schema (type, codes,
 * whether it may be empty): `column(projects)('status')`.
 */
function column<F extends Record<string, FieldDef>>(table: TableDef<F>) {
  return <K extends keyof F & string>(name: K): F[K]['zod'] => table.fields[name]!.zod;
}
const community = column(communities);
const organization = column(organizations);
const project = column(projects);
const transaction = column(transactions);
const survey = column(surveys);
const work = column(workforce);

const text = z.string();
const optionalText = z.string().nullable();
const count = z.number().int();
const optionalCount = z.number().nullable();
const yuan = z.number();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const projectRow = z.object({
  project_id: project('project_id'),
  community_id: project('community_id'),
  community_name: optionalText,
  title: project('title'),
  category: project('category'),
  mechanism: project('mechanism'),
  origin: project('origin'),
  operator_org_id: project('operator_org_id'),
  operator_name: optionalText,
  start_date: project('start_date'),
  end_date: project('end_date'),
  status: project('status'),
  budget: project('budget'),
  income: yuan,
  spent: yuan,
  progress_pct: project('progress_pct'),
  evaluation: project('evaluation'),
  continues_project_id: project('continues_project_id'),
  continued_by: count,
});

export const transactionRow = z.object({
  transaction_id: transaction('transaction_id'),
  date: transaction('date'),
  community_id: transaction('community_id'),
  community_name: optionalText,
  project_id: transaction('project_id'),
  project_title: optionalText,
  type: transaction('type'),
  source: transaction('source'),
  expense_category: transaction('expense_category'),
  counterparty_org_id: transaction('counterparty_org_id'),
  counterparty: optionalText,
  donor_count: transaction('donor_count'),
  amount: transaction('amount'),
  purpose: transaction('purpose'),
  voucher_no: transaction('voucher_no'),
});

const moneyRow = z.object({
  year: count,
  type: codeOf(TRANSACTION_TYPE),
  code: text,
  amount: yuan,
  transactions: count,
});

const satisfactionRow = z.object({
  period: text,
  dimension: codeOf(SURVEY_DIMENSION),
  respondents: count,
  satisfied: count,
});

const organizationRow = z.object({
  org_id: organization('org_id'),
  name: organization('name'),
  kind: organization('kind'),
  rating: organization('rating'),
  community_id: organization('community_id'),
});

const surveyRow = z.object({
  survey_id: survey('survey_id'),
  community_id: survey('community_id'),
  community_name: optionalText,
  project_id: survey('project_id'),
  project_title: optionalText,
  period: survey('period'),
  dimension: survey('dimension'),
  respondents: survey('respondents'),
  satisfied: survey('satisfied'),
  mean_score: survey('mean_score'),
  scale_max: survey('scale_max'),
  method: survey('method'),
  conducted_by: survey('conducted_by'),
  conductor_name: optionalText,
});

const workforceRow = z.object({
  community_id: work('community_id'),
  period: work('period'),
  social_workers_certified: work('social_workers_certified'),
  community_workers: work('community_workers'),
  community_orgs_filed: work('community_orgs_filed'),
  volunteers_registered: work('volunteers_registered'),
  volunteer_hours: work('volunteer_hours'),
  resident_leaders: work('resident_leaders'),
});

const findingProject = z.object({
  project_id: text,
  title: text,
  community_name: text,
  community_id: text,
  end_date: isoDate.nullable(),
});

/** Every query the build runs, by file name, with the shape of one of its rows. */
export const QUERY_ROWS = {
  release: z.object({
    name: text,
    title: text,
    version: text,
    created: isoDate,
    publisher_name: text,
    publisher_contact: optionalText,
    license: optionalText,
    coverage_area: optionalText,
    period_start: isoDate.nullable(),
    period_end: isoDate.nullable(),
    sample: z.boolean(),
    built_on: isoDate,
  }),
  community_profiles: z.object({
    community_id: community('community_id'),
    street_code: text,
    name: community('name'),
    street_name: community('street_name'),
    county_name: community('county_name'),
    city_name: community('city_name'),
    province_name: community('province_name'),
    kind: community('kind'),
    area_km2: community('area_km2'),
    households: community('households'),
    registered_population: community('registered_population'),
    resident_population: community('resident_population'),
    grids: community('grids'),
    micro_grids: community('micro_grids'),
    resident_groups: community('resident_groups'),
    as_of: community('as_of'),
    description: community('description'),
  }),
  community_ids: z.object({ community_id: text, region_code: text }),
  street_ids: z.object({ street_code: text, region_code: text }),
  project_ids: z.object({ project_id: text, region_code: text }),
  organization_ids: z.object({ org_id: text, region_code: text }),
  community_money: moneyRow.extend({ community_id: text, in_project: z.boolean() }),
  street_money: moneyRow.extend({ street_code: text }),
  city_money: moneyRow,
  community_satisfaction: satisfactionRow.extend({ community_id: text, surveys: count }),
  city_satisfaction: satisfactionRow,
  satisfaction_by_kind: satisfactionRow.extend({ kind: codeOf(COMMUNITY_KIND) }),
  street_satisfaction: satisfactionRow.extend({ street_code: text }),
  workforce_rows: workforceRow,
  community_organizations: organizationRow.extend({ for_community: text }),
  proposal_stages: z.object({ community_id: text, stage: codeOf(PROPOSAL_STAGE), proposals: count }),
  transaction_rows_recent: transactionRow,
  transaction_rows_by_project: transactionRow,
  transaction_rows_by_counterparty: transactionRow.extend({ org_id: text }),
  transactions_filtered: transactionRow,
  projects_filtered: projectRow,
  project_details: z.object({
    project_id: text,
    summary: optionalText,
    street_code: text,
    street_name: text,
    beneficiaries: optionalCount,
    volunteers: optionalCount,
    volunteer_hours: z.number().nullable(),
    social_workers: optionalCount,
    evaluated_on: isoDate.nullable(),
    operator_kind: codeOf(ORGANIZATION_KIND).nullable(),
    proposal_id: optionalText,
    proposal_title: optionalText,
    proposal_stage: codeOf(PROPOSAL_STAGE).nullable(),
    proposal_raised_on: isoDate.nullable(),
    proposal_stage_on: isoDate.nullable(),
    proposal_supporters: optionalCount,
  }),
  project_chain: z.object({ for_project: text, project_id: text }),
  project_money: moneyRow.extend({ project_id: text }),
  survey_rows_linked: surveyRow,
  organization_pages: z.object({
    org_id: text,
    name: text,
    kind: codeOf(ORGANIZATION_KIND),
    registered_on: isoDate.nullable(),
    rating: codeOf(ORGANIZATION_RATING).nullable(),
    community_id: optionalText,
    community_name: optionalText,
    street_code: optionalText,
    street_name: optionalText,
  }),
  organization_money: z.object({
    org_id: text,
    type: codeOf(TRANSACTION_TYPE),
    code: text,
    amount: yuan,
    transactions: count,
    communities: count,
  }),
  street_profiles: z.object({
    street_code: text,
    street_name: text,
    county_name: text,
    communities: count,
  }),
  city_totals: z.object({
    communities: count,
    projects: count,
    ongoing_projects: count,
    transactions: count,
  }),
  organizations_by_kind: z.object({ kind: codeOf(ORGANIZATION_KIND), organizations: count }),
  projects_by_status: z.object({ status: codeOf(PROJECT_STATUS), projects: count, budget: yuan }),
  project_years: z.object({ year: count }),
  project_operators: z.object({ org_id: text, name: text }),
  finding_overdue_projects: findingProject.extend({ progress_pct: project('progress_pct') }),
  finding_not_continued_projects: findingProject.extend({ evaluation: project('evaluation') }),
  quality_warnings: z.object({
    file: text,
    row: optionalCount,
    column: optionalText,
    field: optionalText,
    rule: text,
    message: text,
  }),
  quality_warning_targets: z.object({
    table_name: text,
    row: count,
    rule: text,
    community_id: text,
    community_name: text,
    project_id: optionalText,
    project_title: optionalText,
  }),
  table_row_counts: z.object({ table_name: text, row_count: count }),
  region_pages: z.object({ region_code: text, pages: count }),
  community_directory_rows: z.object({
    community_id: text,
    name: text,
    street_code: text,
    street_name: text,
    county_name: text,
    kind: codeOf(COMMUNITY_KIND),
    resident_population: optionalCount,
    projects: count,
    expenditure: yuan,
    /** A JSON list in a text column, so that both engines hand it over the same way. */
    satisfaction: z
      .string()
      .transform((json): unknown => JSON.parse(json))
      .pipe(z.array(satisfactionRow)),
    street_rank: count,
  }),
  community_directory_pages: z.object({
    page: count,
    start: count,
    count: count,
    first_street: text,
    last_street: text,
  }),
  community_kinds: z.object({ kind: codeOf(COMMUNITY_KIND) }),
  project_satisfaction_by_origin: z.object({
    origin: codeOf(PROJECT_ORIGIN),
    projects: count,
    respondents: count,
    satisfied: count,
  }),
  assigned_projects_below: z.object({ surveyed: count, below: count }),
  /** Issue 10: every indicator per scope and year, long form (src/lib/indicators.ts names them). */
  indicators: z.object({
    scope: z.enum(['community', 'street', 'city']),
    scope_id: text,
    year: count,
    indicator: text,
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number(),
    ci_low: z.number().nullable(),
    ci_high: z.number().nullable(),
  }),
  /** Issue 10: accountability signals, about a project or (project_id empty) a whole community. */
  signals: z.object({
    signal: text,
    community_id: text,
    community_name: text,
    street_code: text,
    street_name: text,
    kind: codeOf(COMMUNITY_KIND),
    project_id: optionalText,
    project_title: optionalText,
    operator_org_id: optionalText,
    operator_name: optionalText,
    related_id: optionalText,
    amount: z.number().nullable(),
    reference: z.number().nullable(),
    period: optionalText,
    respondents: optionalCount,
  }),
} as const;

export type QueryName = keyof typeof QUERY_ROWS;
export type QueryRow<N extends QueryName> = z.infer<(typeof QUERY_ROWS)[N]>;

export function isTypedQuery(name: string): name is QueryName {
  return Object.hasOwn(QUERY_ROWS, name);
}
