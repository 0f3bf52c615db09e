/**
 * The facts of a project as label/value pairs for its page: labels from src/schema, values
 * formatted (元/万元, dates, people), links to the community, street, operator and proposal.
 */
import {
  EVALUATION,
  ORGANIZATION_KIND,
  PROJECT_CATEGORY,
  PROJECT_MECHANISM,
  PROJECT_ORIGIN,
  PROJECT_STATUS,
  PROPOSAL_STAGE,
  communities,
  projects,
} from '../schema/index.ts';
import { formatDate, formatInteger, formatNumber, formatYuan, MISSING } from './format.ts';
import { enumLabel, labelWithoutUnit } from './labels.ts';
import type { ProjectPage } from './project-page.ts';

export interface Fact {
  label: string;
  value: string;
  href?: string | null;
  note?: string | null;
}

function withUnit(n: number | null, unit: string, format: (n: number) => string = formatInteger): string {
  return n === null ? MISSING : `${format(n)} ${unit}`;
}

/** The page description (<meta name="description">) of a project page. */
export function projectDescription(page: ProjectPage): string {
  const p = page.project;
  return `${p.community_name ?? p.community_id}的项目：${p.title}`;
}

export function projectFacts(page: ProjectPage): { list: Fact[]; evaluationLabel: string } {
  const { project: p, details: d } = page;
  const f = projects.fields;
  const previous = page.earlier.at(-1);
  const list: Fact[] = [
    {
      label: communities.fields.name.label,
      value: p.community_name ?? p.community_id,
      href: `/communities/${p.community_id}/`,
    },
    { label: communities.fields.street_name.label, value: d.street_name, href: `/streets/${d.street_code}/` },
    { label: f.category.label, value: enumLabel(PROJECT_CATEGORY, p.category) },
    { label: f.mechanism.label, value: enumLabel(PROJECT_MECHANISM, p.mechanism) },
    { label: f.origin.label, value: enumLabel(PROJECT_ORIGIN, p.origin) },
    {
      label: f.operator_org_id.label,
      value: p.operator_org_id ? (p.operator_name ?? p.operator_org_id) : MISSING,
      href: p.operator_org_id ? `/organizations/${encodeURIComponent(p.operator_org_id)}/` : null,
      note: d.operator_kind ? enumLabel(ORGANIZATION_KIND, d.operator_kind) : null,
    },
    {
      label: f.proposal_id.label,
      value: d.proposal_id ? (d.proposal_title ?? d.proposal_id) : MISSING,
      href: d.proposal_id ? '#proposal' : null,
      note: d.proposal_stage
        ? `${enumLabel(PROPOSAL_STAGE, d.proposal_stage)}（${formatDate(d.proposal_stage_on)}）`
        : null,
    },
    {
      label: f.continues_project_id.label,
      value: previous ? previous.title : p.continues_project_id ? p.continues_project_id : MISSING,
      href: previous ? `/projects/${encodeURIComponent(previous.project_id)}/` : null,
    },
    { label: f.start_date.label, value: formatDate(p.start_date) },
    { label: f.end_date.label, value: formatDate(p.end_date) },
    { label: f.status.label, value: PROJECT_STATUS.labels[p.status] },
    { label: labelWithoutUnit(f.budget), value: formatYuan(p.budget) },
    {
      label: labelWithoutUnit(f.progress_pct),
      value: p.progress_pct === null ? MISSING : `${formatNumber(p.progress_pct)}%`,
    },
    { label: f.beneficiaries.label, value: withUnit(d.beneficiaries, '人次') },
    { label: labelWithoutUnit(f.volunteers), value: withUnit(d.volunteers, '人') },
    { label: labelWithoutUnit(f.volunteer_hours), value: withUnit(d.volunteer_hours, '小时', formatNumber) },
    { label: labelWithoutUnit(f.social_workers), value: withUnit(d.social_workers, '人') },
    {
      label: f.evaluation.label,
      value: enumLabel(EVALUATION, p.evaluation),
      note: d.evaluated_on ? `${f.evaluated_on.label}：${formatDate(d.evaluated_on)}` : null,
    },
  ];
  return { list, evaluationLabel: enumLabel(EVALUATION, p.evaluation) };
}
