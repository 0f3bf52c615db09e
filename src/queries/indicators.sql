-- The indicators (issue 10; keys, Chinese names and formulas in src/lib/indicators.ts), computed
-- once for every community, every street (first 9 digits of community_id) and every city (first
-- 6 digits: the county-level city or district, e.g. 330482 平湖市) and every year, in long form.
-- The same text runs in the build (Node) and in the browser (DuckDB-wasm): core SQL over the
-- standard's tables only.
-- Parameter 1: the smallest sample read as a rate (MIN_RESPONDENTS, 30).
--
-- Each indicator is first counted per community and year as a numerator and a denominator (a
-- street or a city adds up its communities' counts: a ratio of sums, never a mean of ratios);
-- value = numerator ÷ denominator × scale (1 for shares, 10,000 or 1,000 per residents). Rows
-- appear where there is anything to count; value is empty where the denominator is 0 (or the
-- survey is too small). proposal_median_days is the exception: value is a median of days,
-- numerator is empty and denominator is the number of proposals it is taken over.
WITH params AS (
  SELECT CAST(? AS INTEGER) AS min_respondents
),
-- Income per community and year by kind of source (the standard's groups; `other` is neither).
money AS (
  SELECT
    community_id,
    CAST(year(date) AS INTEGER) AS year,
    coalesce(sum(amount) FILTER (WHERE source IN ('fiscal', 'government_purchase', 'venture_philanthropy', 'matching')), 0) AS government,
    coalesce(sum(amount) FILTER (WHERE source IN ('charity_donation', 'individual_donation', 'enterprise', 'community_fund', 'crowdfunding')), 0) AS charitable,
    sum(amount) AS income
  FROM transactions
  WHERE type = 'income'
  GROUP BY ALL
),
-- Per project: money in and out over its whole life, and whether charitable income reached it.
project_money AS (
  SELECT
    project_id,
    coalesce(sum(amount) FILTER (WHERE type = 'expenditure'), 0) AS spent,
    bool_or(type = 'income' AND source IN ('charity_donation', 'individual_donation', 'enterprise', 'community_fund', 'crowdfunding')) AS charitable
  FROM transactions
  WHERE project_id IS NOT NULL
  GROUP BY project_id
),
project_facts AS (
  SELECT
    p.project_id,
    p.community_id,
    -- A project only planned has not started (its start date may lie after the data's date).
    CASE WHEN p.status <> 'planned' THEN CAST(year(p.start_date) AS INTEGER) END AS start_year,
    CASE WHEN p.status = 'completed' THEN CAST(year(p.end_date) AS INTEGER) END AS completed_year,
    p.origin,
    p.budget,
    p.evaluation,
    coalesce(o.kind IN ('social_org', 'community_org', 'social_work_agency', 'charity'), false) AS social_org,
    coalesce(p.social_workers, 0) >= 1 AS social_worker,
    coalesce(p.volunteers, 0) >= 1 AS volunteer,
    coalesce(m.charitable, false) AS charitable,
    coalesce(m.spent, 0) AS spent,
    EXISTS (SELECT 1 FROM projects q WHERE q.continues_project_id = p.project_id) AS continued
  FROM projects p
  LEFT JOIN organizations o ON o.org_id = p.operator_org_id
  LEFT JOIN project_money m ON m.project_id = p.project_id
),
-- Sort key of a period, as periodKey() in src/lib/satisfaction.ts: the month it ends in, then its
-- length (a whole year after its Q4, a quarter after its last month).
survey_periods AS (
  SELECT
    community_id,
    period,
    CAST(left(period, 4) AS INTEGER) AS year,
    CASE
      WHEN length(period) = 4 THEN period || '-12-3'
      WHEN substr(period, 6, 1) = 'Q' THEN left(period, 4) || '-' || lpad(CAST(CAST(substr(period, 7, 1) AS INTEGER) * 3 AS VARCHAR), 2, '0') || '-2'
      ELSE period || '-1'
    END AS period_key,
    sum(respondents) AS respondents,
    sum(satisfied) AS satisfied
  FROM surveys
  WHERE project_id IS NULL AND dimension = 'overall'
  GROUP BY community_id, period
),
last_survey AS (
  SELECT community_id, year, respondents, satisfied
  FROM (
    SELECT *, row_number() OVER (PARTITION BY community_id, year ORDER BY period_key DESC) AS k
    FROM survey_periods
  )
  WHERE k = 1
),
work_periods AS (
  SELECT
    community_id,
    CAST(left(period, 4) AS INTEGER) AS year,
    -- 3 = the whole year, 2 = a quarter, 1 = a month
    CASE WHEN length(period) = 4 THEN 3 WHEN substr(period, 6, 1) = 'Q' THEN 2 ELSE 1 END AS span,
    CASE
      WHEN length(period) = 4 THEN period || '-12-3'
      WHEN substr(period, 6, 1) = 'Q' THEN left(period, 4) || '-' || lpad(CAST(CAST(substr(period, 7, 1) AS INTEGER) * 3 AS VARCHAR), 2, '0') || '-2'
      ELSE period || '-1'
    END AS period_key,
    social_workers_certified,
    volunteer_hours
  FROM workforce
),
-- Certified social workers: a head count, read from the year's last report.
last_work AS (
  SELECT community_id, year, social_workers_certified
  FROM (
    SELECT *, row_number() OVER (PARTITION BY community_id, year ORDER BY period_key DESC) AS k
    FROM work_periods
    WHERE social_workers_certified IS NOT NULL
  )
  WHERE k = 1
),
-- Volunteer hours: a flow, summed over the year's reports of its longest kind of period (a year's
-- report, else its quarters, else its months), so that no hour is counted twice.
year_hours AS (
  SELECT community_id, year, sum(volunteer_hours) AS hours
  FROM (
    SELECT *, max(span) OVER (PARTITION BY community_id, year) AS longest
    FROM work_periods
    WHERE volunteer_hours IS NOT NULL
  )
  WHERE span = longest
  GROUP BY community_id, year
),
-- One row per thing counted: community, year, indicator, numerator, denominator (and days).
items AS (
  SELECT community_id, year, 'government_share' AS indicator,
    CAST(government AS DOUBLE) AS num, CAST(income AS DOUBLE) AS den, CAST(NULL AS DOUBLE) AS days
  FROM money
  UNION ALL
  SELECT community_id, year, 'charitable_leverage', CAST(charitable AS DOUBLE), CAST(government AS DOUBLE), NULL
  FROM money
  UNION ALL
  SELECT community_id, start_year, 'linkage_index',
    1.0 + CAST(social_org AS INTEGER) + CAST(social_worker AS INTEGER) + CAST(volunteer AS INTEGER) + CAST(charitable AS INTEGER),
    5.0, NULL
  FROM project_facts
  WHERE start_year IS NOT NULL
  UNION ALL
  SELECT community_id, start_year, 'resident_origin', CASE WHEN origin = 'resident_proposal' THEN 1.0 ELSE 0.0 END, 1.0, NULL
  FROM project_facts
  WHERE start_year IS NOT NULL
  UNION ALL
  SELECT community_id, CAST(year(raised_on) AS INTEGER), 'proposal_conversion',
    CASE WHEN stage IN ('decided', 'evaluated', 'promoted') THEN 1.0 ELSE 0.0 END, 1.0, NULL
  FROM proposals
  UNION ALL
  -- Only a proposal whose current stage is 项目定事 has its decision date (stage_on) in the data.
  SELECT community_id, CAST(year(raised_on) AS INTEGER), 'proposal_median_days', NULL, 1.0,
    CAST(date_diff('day', raised_on, stage_on) AS DOUBLE)
  FROM proposals
  WHERE stage = 'decided'
  UNION ALL
  SELECT community_id, completed_year, 'execution', CAST(spent AS DOUBLE), CAST(budget AS DOUBLE), NULL
  FROM project_facts
  WHERE completed_year IS NOT NULL
  UNION ALL
  SELECT community_id, completed_year, 'continuity', CASE WHEN continued THEN 1.0 ELSE 0.0 END, 1.0, NULL
  FROM project_facts
  WHERE completed_year IS NOT NULL AND evaluation IN ('excellent', 'good')
  UNION ALL
  SELECT community_id, year, 'satisfaction', CAST(satisfied AS DOUBLE), CAST(respondents AS DOUBLE), NULL
  FROM last_survey
  UNION ALL
  SELECT w.community_id, w.year, 'social_workers_per_10k', CAST(w.social_workers_certified AS DOUBLE),
    CAST(c.resident_population AS DOUBLE), NULL
  FROM last_work w
  JOIN communities c ON c.community_id = w.community_id
  WHERE c.resident_population > 0
  UNION ALL
  SELECT h.community_id, h.year, 'volunteer_hours_per_1k', h.hours, CAST(c.resident_population AS DOUBLE), NULL
  FROM year_hours h
  JOIN communities c ON c.community_id = h.community_id
  WHERE c.resident_population > 0
),
scoped AS (
  SELECT 'community' AS scope, community_id AS scope_id, * FROM items
  UNION ALL
  SELECT 'street', left(community_id, 9), * FROM items
  UNION ALL
  SELECT 'city', left(community_id, 6), * FROM items
),
sums AS (
  SELECT
    scope,
    scope_id,
    year,
    indicator,
    CASE WHEN indicator = 'proposal_median_days' THEN NULL ELSE round(sum(num), 2) END AS numerator,
    round(sum(den), 2) AS denominator,
    median(days) AS days
  FROM scoped
  GROUP BY scope, scope_id, year, indicator
)
SELECT
  s.scope,
  s.scope_id,
  s.year,
  s.indicator,
  CAST(CASE
    WHEN s.indicator = 'proposal_median_days' THEN s.days
    WHEN s.indicator = 'satisfaction' AND s.denominator < params.min_respondents THEN NULL
    WHEN s.denominator > 0 THEN s.numerator / s.denominator * CASE s.indicator
      WHEN 'social_workers_per_10k' THEN 10000
      WHEN 'volunteer_hours_per_1k' THEN 1000
      ELSE 1
    END
  END AS DOUBLE) AS value,
  CAST(s.numerator AS DOUBLE) AS numerator,
  CAST(s.denominator AS DOUBLE) AS denominator,
  -- Wilson 95% interval (z = 1.959964, as wilsonInterval() in src/lib/format.ts).
  CAST(CASE WHEN s.indicator = 'satisfaction' AND s.denominator >= params.min_respondents THEN greatest(0.0,
    (s.numerator / s.denominator + pow(1.959964, 2) / (2 * s.denominator)
      - 1.959964 * sqrt(s.numerator / s.denominator * (1 - s.numerator / s.denominator) / s.denominator
        + pow(1.959964, 2) / (4 * pow(s.denominator, 2))))
    / (1 + pow(1.959964, 2) / s.denominator)) END AS DOUBLE) AS ci_low,
  CAST(CASE WHEN s.indicator = 'satisfaction' AND s.denominator >= params.min_respondents THEN least(1.0,
    (s.numerator / s.denominator + pow(1.959964, 2) / (2 * s.denominator)
      + 1.959964 * sqrt(s.numerator / s.denominator * (1 - s.numerator / s.denominator) / s.denominator
        + pow(1.959964, 2) / (4 * pow(s.denominator, 2))))
    / (1 + pow(1.959964, 2) / s.denominator)) END AS DOUBLE) AS ci_high
FROM sums s, params
WHERE s.denominator > 0 OR s.numerator > 0
ORDER BY
  CASE s.scope WHEN 'city' THEN 1 WHEN 'street' THEN 2 ELSE 3 END,
  s.scope_id,
  CASE s.indicator
    WHEN 'government_share' THEN 1
    WHEN 'charitable_leverage' THEN 2
    WHEN 'linkage_index' THEN 3
    WHEN 'resident_origin' THEN 4
    WHEN 'proposal_conversion' THEN 5
    WHEN 'proposal_median_days' THEN 6
    WHEN 'execution' THEN 7
    WHEN 'continuity' THEN 8
    WHEN 'satisfaction' THEN 9
    WHEN 'social_workers_per_10k' THEN 10
    WHEN 'volunteer_hours_per_1k' THEN 11
  END,
  s.year
