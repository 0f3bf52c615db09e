-- Satisfaction with surveyed projects (surveys that name a project; dimensions 项目服务 and 总体),
-- project by project, with the project's origin (上级下派, 居民自主提事 …), lowest rate first.
SELECT
  p.project_id,
  p.title,
  p.origin,
  c.name AS community_name,
  sum(s.respondents) AS respondents,
  sum(s.satisfied) AS satisfied,
  round(100.0 * sum(s.satisfied) / sum(s.respondents), 1) AS rate_pct
FROM surveys s
JOIN projects p ON p.project_id = s.project_id
JOIN communities c ON c.community_id = p.community_id
WHERE s.dimension IN ('project', 'overall')
GROUP BY ALL
ORDER BY rate_pct, p.project_id
