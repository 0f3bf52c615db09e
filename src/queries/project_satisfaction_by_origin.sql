-- Satisfaction with surveyed projects pooled by the projects' origin (dimensions 项目服务 and 总体,
-- as project_satisfaction.sql): how many projects, respondents and satisfied residents.
SELECT
  p.origin,
  CAST(count(DISTINCT s.project_id) AS INTEGER) AS projects,
  CAST(sum(s.respondents) AS INTEGER) AS respondents,
  CAST(sum(s.satisfied) AS INTEGER) AS satisfied
FROM surveys s
JOIN projects p ON p.project_id = s.project_id
WHERE s.dimension IN ('project', 'overall')
GROUP BY p.origin
ORDER BY p.origin
