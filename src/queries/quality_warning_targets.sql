-- For the data-quality page: the data rows that break a §4 warning rule, each with the row it
-- held in the publisher's file assuming row = position + 2 (header on row 1, no blank line
-- skipped), and the community / project it is about. A warning is linked only when its file row
-- and rule meet a row here, so a shifted position never links to the wrong place.
-- Parameters: minimum respondents (30), population ratio (1.5). Build-time only (uses rowid).
WITH m AS (
  SELECT
    project_id,
    sum(amount) FILTER (WHERE type = 'income') AS income,
    sum(amount) FILTER (WHERE type = 'expenditure') AS spent
  FROM transactions
  WHERE project_id IS NOT NULL
  GROUP BY project_id
),
params AS (SELECT CAST(? AS INTEGER) AS min_respondents, CAST(? AS DOUBLE) AS population_ratio),
hits AS (
  SELECT 'communities' AS table_name, CAST(c.rowid + 2 AS INTEGER) AS "row", 'population-ratio' AS rule,
    c.community_id, CAST(NULL AS VARCHAR) AS project_id
  FROM communities c, params
  WHERE c.registered_population > params.population_ratio * c.resident_population
  UNION ALL
  SELECT 'surveys', CAST(s.rowid + 2 AS INTEGER), 'survey-small-sample', s.community_id, s.project_id
  FROM surveys s, params
  WHERE s.respondents < params.min_respondents
  UNION ALL
  SELECT 'projects', CAST(p.rowid + 2 AS INTEGER), 'project-no-expenditure', p.community_id, p.project_id
  FROM projects p LEFT JOIN m ON m.project_id = p.project_id
  WHERE p.status = 'completed' AND m.spent IS NULL
  UNION ALL
  SELECT 'projects', CAST(p.rowid + 2 AS INTEGER), 'project-expenditure-over-income', p.community_id, p.project_id
  FROM projects p JOIN m ON m.project_id = p.project_id
  WHERE m.spent > coalesce(m.income, 0)
  UNION ALL
  SELECT 'projects', CAST(p.rowid + 2 AS INTEGER), 'project-expenditure-over-budget', p.community_id, p.project_id
  FROM projects p JOIN m ON m.project_id = p.project_id
  WHERE m.spent > p.budget
)
SELECT h.table_name, h."row", h.rule, h.community_id, c.name AS community_name, h.project_id, p.title AS project_title
FROM hits h
JOIN communities c ON c.community_id = h.community_id
LEFT JOIN projects p ON p.project_id = h.project_id
ORDER BY h.table_name, h."row", h.rule
