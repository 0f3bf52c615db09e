-- Of the assigned (上级下派) projects surveyed by at least ? respondents (parameter 1), how many
-- there are, and how many rate below ? (parameter 2, the pooled rate of resident-proposal projects).
WITH rated AS (
  SELECT s.project_id, sum(s.respondents) AS respondents, sum(s.satisfied) AS satisfied
  FROM surveys s
  JOIN projects p ON p.project_id = s.project_id
  WHERE s.dimension IN ('project', 'overall') AND p.origin = 'assigned'
  GROUP BY s.project_id
),
params AS (SELECT CAST(? AS INTEGER) AS min_respondents, CAST(? AS DOUBLE) AS threshold)
SELECT
  CAST(count(*) AS INTEGER) AS surveyed,
  CAST(count(*) FILTER (WHERE r.satisfied / r.respondents < params.threshold) AS INTEGER) AS below
FROM rated r, params
WHERE r.respondents >= params.min_respondents
