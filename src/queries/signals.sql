-- Accountability signals (issue 10; names and explanations in src/lib/indicators.ts SIGNALS): one
-- row per signal, about a project (project_id set) or about a community as a whole (project_id
-- empty). Ordered by street, community, kind of signal, project. The as-of date is the release's
-- (period end, else creation date), as on every page. Build-time only (reads the release table).
-- Parameter 1: the smallest survey sample (MIN_RESPONDENTS, 30).
--
--   fail_twice        evaluated 不合格 right after an earlier project of the same operator in the
--                     same community was also evaluated 不合格 (the plan's exit rule)
--   over_income       expenditure recorded above the project's income
--   over_budget       expenditure recorded above the project's budget
--   no_expenditure    completed, with no expenditure recorded
--   overdue           still 实施中 after its end date
--   small_survey      a survey (of the project, or community-wide) with fewer than 30 respondents
--   no_recent_survey  no community-wide survey of a period ending in the three calendar months up
--                     to the as-of date's month (the plan asks for monthly surveys)
WITH params AS (
  SELECT
    CAST(? AS INTEGER) AS min_respondents,
    (SELECT coalesce(period_end, created) FROM release LIMIT 1) AS as_of
),
m AS (
  SELECT
    project_id,
    coalesce(sum(amount) FILTER (WHERE type = 'income'), 0) AS income,
    coalesce(sum(amount) FILTER (WHERE type = 'expenditure'), 0) AS spent,
    count(*) FILTER (WHERE type = 'expenditure') AS expenditures
  FROM transactions
  WHERE project_id IS NOT NULL
  GROUP BY project_id
),
evaluated AS (
  SELECT
    project_id,
    community_id,
    operator_org_id,
    evaluation,
    lag(evaluation) OVER w AS previous_evaluation,
    lag(project_id) OVER w AS previous_project_id
  FROM projects
  WHERE evaluation IS NOT NULL AND operator_org_id IS NOT NULL
  WINDOW w AS (PARTITION BY community_id, operator_org_id ORDER BY evaluated_on, project_id)
),
surveys_small AS (
  SELECT survey_id, community_id, project_id, period, min(respondents) AS respondents
  FROM surveys
  GROUP BY survey_id, community_id, project_id, period
),
survey_ends AS (
  SELECT
    community_id,
    period,
    CASE
      WHEN length(period) = 4 THEN make_date(CAST(period AS INTEGER), 12, 1)
      WHEN substr(period, 6, 1) = 'Q' THEN make_date(CAST(left(period, 4) AS INTEGER), CAST(substr(period, 7, 1) AS INTEGER) * 3, 1)
      ELSE make_date(CAST(left(period, 4) AS INTEGER), CAST(substr(period, 6, 2) AS INTEGER), 1)
    END AS end_month,
    CASE
      WHEN length(period) = 4 THEN make_date(CAST(period AS INTEGER), 1, 1)
      WHEN substr(period, 6, 1) = 'Q' THEN make_date(CAST(left(period, 4) AS INTEGER), CAST(substr(period, 7, 1) AS INTEGER) * 3 - 2, 1)
      ELSE make_date(CAST(left(period, 4) AS INTEGER), CAST(substr(period, 6, 2) AS INTEGER), 1)
    END AS start_month
  FROM surveys
  WHERE project_id IS NULL
),
hits AS (
  SELECT 'fail_twice' AS signal, e.community_id, e.project_id, e.previous_project_id AS related_id,
    CAST(NULL AS DOUBLE) AS amount, CAST(NULL AS DOUBLE) AS reference, CAST(NULL AS VARCHAR) AS period,
    CAST(NULL AS INTEGER) AS respondents
  FROM evaluated e
  WHERE e.evaluation = 'fail' AND e.previous_evaluation = 'fail'
  UNION ALL
  SELECT 'over_income', p.community_id, p.project_id, NULL, CAST(m.spent AS DOUBLE), CAST(m.income AS DOUBLE), NULL, NULL
  FROM projects p JOIN m ON m.project_id = p.project_id
  WHERE m.spent > m.income
  UNION ALL
  SELECT 'over_budget', p.community_id, p.project_id, NULL, CAST(m.spent AS DOUBLE), CAST(p.budget AS DOUBLE), NULL, NULL
  FROM projects p JOIN m ON m.project_id = p.project_id
  WHERE m.spent > p.budget
  UNION ALL
  SELECT 'no_expenditure', p.community_id, p.project_id, NULL, NULL, CAST(p.budget AS DOUBLE), NULL, NULL
  FROM projects p LEFT JOIN m ON m.project_id = p.project_id
  WHERE p.status = 'completed' AND coalesce(m.expenditures, 0) = 0
  UNION ALL
  SELECT 'overdue', p.community_id, p.project_id, NULL, NULL, NULL, strftime(p.end_date, '%Y-%m-%d'), NULL
  FROM projects p, params
  WHERE p.status = 'ongoing' AND p.end_date < params.as_of
  UNION ALL
  SELECT 'small_survey', s.community_id, s.project_id, s.survey_id, NULL, NULL, s.period, CAST(s.respondents AS INTEGER)
  FROM surveys_small s, params
  WHERE s.respondents < params.min_respondents
  UNION ALL
  SELECT 'no_recent_survey', c.community_id, NULL, NULL, NULL, NULL,
    (SELECT arg_max(e.period, e.end_month) FROM survey_ends e WHERE e.community_id = c.community_id AND e.start_month <= params.as_of),
    NULL
  FROM communities c, params
  WHERE NOT EXISTS (
    SELECT 1 FROM survey_ends e
    WHERE e.community_id = c.community_id
      AND e.end_month >= date_trunc('month', params.as_of) - INTERVAL 2 MONTH
      AND e.start_month <= params.as_of
  )
)
SELECT
  h.signal,
  h.community_id,
  c.name AS community_name,
  left(h.community_id, 9) AS street_code,
  c.street_name,
  c.kind,
  h.project_id,
  p.title AS project_title,
  p.operator_org_id,
  o.name AS operator_name,
  h.related_id,
  h.amount,
  h.reference,
  h.period,
  h.respondents
FROM hits h
JOIN communities c ON c.community_id = h.community_id
LEFT JOIN projects p ON p.project_id = h.project_id
LEFT JOIN organizations o ON o.org_id = p.operator_org_id
ORDER BY
  h.community_id,
  CASE h.signal
    WHEN 'fail_twice' THEN 1
    WHEN 'over_income' THEN 2
    WHEN 'over_budget' THEN 3
    WHEN 'no_expenditure' THEN 4
    WHEN 'overdue' THEN 5
    WHEN 'small_survey' THEN 6
    WHEN 'no_recent_survey' THEN 7
  END,
  h.project_id NULLS FIRST,
  h.related_id
