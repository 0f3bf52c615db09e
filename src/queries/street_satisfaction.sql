-- Satisfaction per street, period and dimension (community-wide surveys), pooled.
SELECT
  left(community_id, 9) AS street_code,
  period,
  dimension,
  CAST(sum(respondents) AS INTEGER) AS respondents,
  CAST(sum(satisfied) AS INTEGER) AS satisfied
FROM surveys
WHERE project_id IS NULL
GROUP BY ALL
ORDER BY street_code, period, dimension
