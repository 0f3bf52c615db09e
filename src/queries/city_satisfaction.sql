-- Satisfaction of the whole release per period and dimension, from community-wide surveys
-- (surveys of a single project left out), summed over communities: the pooled rate.
SELECT
  period,
  dimension,
  CAST(sum(respondents) AS INTEGER) AS respondents,
  CAST(sum(satisfied) AS INTEGER) AS satisfied
FROM surveys
WHERE project_id IS NULL
GROUP BY ALL
ORDER BY period, dimension
