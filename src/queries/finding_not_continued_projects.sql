-- Projects evaluated 优秀 or 良好 that have finished (completed, or their end date is before the
-- as-of date, parameter 1) and that no later project continues (continues_project_id).
-- Same rule as projectFlags() 'not_continued'.
SELECT
  p.project_id,
  p.title,
  c.name AS community_name,
  p.community_id,
  p.evaluation,
  strftime(p.end_date, '%Y-%m-%d') AS end_date
FROM projects p
JOIN communities c ON c.community_id = p.community_id
WHERE p.evaluation IN ('excellent', 'good')
  AND (p.status = 'completed' OR p.end_date < CAST(? AS DATE))
  AND NOT EXISTS (SELECT 1 FROM projects q WHERE q.continues_project_id = p.project_id)
ORDER BY p.end_date, p.project_id
