/** The facts of an organization as label/value pairs for its page (labels from src/schema). */
import { ORGANIZATION_KIND, ORGANIZATION_RATING, communities, organizations } from '../schema/index.ts';
import { formatDate, formatInteger, MISSING } from './format.ts';
import { enumLabel } from './labels.ts';
import type { OrganizationPage } from './organization-page.ts';
import type { Fact } from './project-facts.ts';

/** The page description (<meta name="description">) of an organization page. */
export function organizationDescription(page: OrganizationPage): string {
  return `${page.org.name}（${ORGANIZATION_KIND.labels[page.org.kind]}）承接的项目、经手的资金和实施的调查。`;
}

/** `共 250 笔，这里列出最近的 200 笔。` when a list shows only the latest `shown` of `all`; else null. */
export function listedNote(shown: number, all: number, unit: string): string | null {
  return all > shown ? `共 ${formatInteger(all)} ${unit}，这里列出最近的 ${formatInteger(shown)} ${unit}。` : null;
}

export function organizationFacts(page: OrganizationPage): Fact[] {
  const { org } = page;
  const f = organizations.fields;
  return [
    { label: f.org_id.label, value: org.org_id },
    { label: f.kind.label, value: enumLabel(ORGANIZATION_KIND, org.kind) },
    { label: f.rating.label, value: enumLabel(ORGANIZATION_RATING, org.rating) },
    { label: f.registered_on.label, value: formatDate(org.registered_on) },
    {
      label: f.community_id.label,
      value: org.community_id ? (org.community_name ?? org.community_id) : MISSING,
      href: org.community_id ? `/communities/${org.community_id}/` : null,
    },
    {
      label: communities.fields.street_name.label,
      value: org.street_name ?? MISSING,
      href: org.street_code && org.street_name ? `/streets/${org.street_code}/` : null,
    },
  ];
}
