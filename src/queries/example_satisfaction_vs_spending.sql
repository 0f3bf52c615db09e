-- 社区人均支出越多,居民越满意吗?
-- 每个社区:全部支出除以常住人口,以及最近一年社区总体满意度(满意人数 ÷ 有效样本,不含只针对单个项目的调查)。
WITH spending AS (
  SELECT community_id, sum(amount) AS expenditure
  FROM transactions
  WHERE type = 'expenditure'
  GROUP BY community_id
),
latest AS (
  SELECT community_id, max(left(period, 4)) AS survey_year
  FROM surveys
  WHERE dimension = 'overall' AND project_id IS NULL
  GROUP BY community_id
),
satisfaction AS (
  SELECT s.community_id, l.survey_year, sum(s.respondents) AS respondents, sum(s.satisfied) AS satisfied
  FROM surveys s
  JOIN latest l ON l.community_id = s.community_id AND left(s.period, 4) = l.survey_year
  WHERE s.dimension = 'overall' AND s.project_id IS NULL
  GROUP BY s.community_id, l.survey_year
)
SELECT
  c.community_id,
  c.name,
  round(sp.expenditure / nullif(c.resident_population, 0), 2) AS spending_per_resident,
  round(sa.satisfied / sa.respondents, 4) AS satisfaction,
  c.resident_population,
  sa.survey_year,
  sa.respondents
FROM communities c
LEFT JOIN spending sp ON sp.community_id = c.community_id
LEFT JOIN satisfaction sa ON sa.community_id = c.community_id
ORDER BY spending_per_resident DESC NULLS LAST, c.community_id
