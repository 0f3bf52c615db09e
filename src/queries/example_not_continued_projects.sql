-- 哪些评估为优秀或良好的项目已经结束,却没有后续项目延续?
-- “结束”指状态为已完成,或结束日期早于数据截至日期(各社区统计日期中最晚的一天);“延续”指有后来的项目在“延续项目”一栏填写了它的编号。
SELECT
  p.project_id,
  p.title,
  c.name AS community_name,
  p.evaluation,
  p.status,
  p.end_date,
  p.budget
FROM projects p
JOIN communities c ON c.community_id = p.community_id
WHERE p.evaluation IN ('excellent', 'good')
  AND (p.status = 'completed' OR p.end_date < (SELECT max(as_of) FROM communities))
  AND NOT EXISTS (SELECT 1 FROM projects q WHERE q.continues_project_id = p.project_id)
ORDER BY p.end_date DESC, p.project_id
