-- The city-wide project list (/projects/) filtered in the browser: each filter twice, NULL = any,
-- in the order of FILTER_FIELDS.projects (src/lib/filter-state.ts): status, mechanism, category,
-- origin, operator, start year, minimum and maximum budget; then LIMIT and OFFSET. Newest start
-- first. Columns as ProjectRow (src/lib/rows.ts), as project_rows.sql.
WITH money AS (
  SELECT
    project_id,
    sum(CASE WHEN type = 'income' THEN amount ELSE 0 END) AS income,
    sum(CASE WHEN type = 'expenditure' THEN amount ELSE 0 END) AS spent
  FROM transactions
  WHERE project_id IS NOT NULL
  GROUP BY project_id
),
continued AS (
  SELECT continues_project_id AS project_id, count(*) AS continued_by
  FROM projects
  WHERE continues_project_id IS NOT NULL
  GROUP BY continues_project_id
)
SELECT
  p.project_id,
  p.community_id,
  c.name AS community_name,
  p.title,
  p.category,
  p.mechanism,
  p.origin,
  p.operator_org_id,
  o.name AS operator_name,
  strftime(p.start_date, '%Y-%m-%d') AS start_date,
  strftime(p.end_date, '%Y-%m-%d') AS end_date,
  p.status,
  CAST(p.budget AS DOUBLE) AS budget,
  CAST(coalesce(m.income, 0) AS DOUBLE) AS income,
  CAST(coalesce(m.spent, 0) AS DOUBLE) AS spent,
  p.progress_pct,
  p.evaluation,
  p.continues_project_id,
  CAST(coalesce(k.continued_by, 0) AS INTEGER) AS continued_by
FROM projects p
JOIN communities c ON c.community_id = p.community_id
LEFT JOIN organizations o ON o.org_id = p.operator_org_id
LEFT JOIN money m ON m.project_id = p.project_id
LEFT JOIN continued k ON k.project_id = p.project_id
WHERE (CAST(? AS VARCHAR) IS NULL OR p.status = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.mechanism = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.category = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.origin = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.operator_org_id = ?)
  AND (CAST(? AS INTEGER) IS NULL OR year(p.start_date) = ?)
  AND (CAST(? AS DOUBLE) IS NULL OR p.budget >= ?)
  AND (CAST(? AS DOUBLE) IS NULL OR p.budget <= ?)
ORDER BY p.start_date DESC, p.project_id
LIMIT ? OFFSET ?
