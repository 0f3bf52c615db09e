-- Projects still marked 实施中 (ongoing) although their end date is before the data's as-of date
-- (parameter 1, a DATE): their progress has not been updated. Same rule as projectFlags() 'overdue'.
SELECT
  p.project_id,
  p.title,
  c.name AS community_name,
  p.community_id,
  strftime(p.end_date, '%Y-%m-%d') AS end_date,
  p.progress_pct
FROM projects p
JOIN communities c ON c.community_id = p.community_id
WHERE p.status = 'ongoing' AND p.end_date < CAST(? AS DATE)
ORDER BY p.end_date, p.project_id
