-- Satisfaction with each surveyed project (surveys that name a project; dimensions 项目服务 and
-- 总体), with the project's origin and community, summed over its surveys.
SELECT
  s.project_id,
  p.title,
  p.community_id,
  p.origin,
  CAST(sum(s.respondents) AS INTEGER) AS respondents,
  CAST(sum(s.satisfied) AS INTEGER) AS satisfied
FROM surveys s
JOIN projects p ON p.project_id = s.project_id
WHERE s.dimension IN ('project', 'overall')
GROUP BY ALL
ORDER BY s.project_id
