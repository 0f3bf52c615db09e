-- What a project's own page (/projects/<id>/) shows beyond its ProjectRow (project_rows.sql): its
-- summary, street, people and hours, evaluation date, and the resident proposal it came from with
-- that proposal's 六事法 stage. One row per project.
SELECT
  p.project_id,
  p.summary,
  left(p.community_id, 9) AS street_code,
  c.street_name,
  p.beneficiaries,
  p.volunteers,
  p.volunteer_hours,
  p.social_workers,
  strftime(p.evaluated_on, '%Y-%m-%d') AS evaluated_on,
  o.kind AS operator_kind,
  p.proposal_id,
  r.title AS proposal_title,
  r.stage AS proposal_stage,
  strftime(r.raised_on, '%Y-%m-%d') AS proposal_raised_on,
  strftime(r.stage_on, '%Y-%m-%d') AS proposal_stage_on,
  r.supporters AS proposal_supporters
FROM projects p
JOIN communities c ON c.community_id = p.community_id
LEFT JOIN organizations o ON o.org_id = p.operator_org_id
LEFT JOIN proposals r ON r.proposal_id = p.proposal_id
ORDER BY p.project_id
