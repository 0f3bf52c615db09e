-- Every project one organization runs (parameter: org_id), newest first: the full list behind the
-- projects section of /organizations/<id>/ (for /explore/).
SELECT
  p.project_id,
  p.title,
  p.community_id,
  c.name AS community_name,
  p.category,
  p.mechanism,
  p.status,
  p.start_date,
  p.end_date,
  p.budget,
  p.evaluation
FROM projects p
JOIN communities c ON c.community_id = p.community_id
WHERE p.operator_org_id = ?
ORDER BY p.start_date DESC, p.project_id
