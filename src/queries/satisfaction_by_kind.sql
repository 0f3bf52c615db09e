-- Satisfaction per community kind, period and dimension (community-wide surveys), pooled.
SELECT
  c.kind,
  s.period,
  s.dimension,
  CAST(sum(s.respondents) AS INTEGER) AS respondents,
  CAST(sum(s.satisfied) AS INTEGER) AS satisfied
FROM surveys s
JOIN communities c ON c.community_id = s.community_id
WHERE s.project_id IS NULL
GROUP BY ALL
ORDER BY c.kind, s.period, s.dimension
