-- Satisfaction of every community, per period and dimension, from community-wide surveys (surveys
-- of a single project are left out): respondents and satisfied residents summed over surveys.
SELECT
  community_id,
  period,
  dimension,
  CAST(sum(respondents) AS INTEGER) AS respondents,
  CAST(sum(satisfied) AS INTEGER) AS satisfied,
  CAST(count(*) AS INTEGER) AS surveys
FROM surveys
WHERE project_id IS NULL
GROUP BY ALL
ORDER BY community_id, period, dimension
