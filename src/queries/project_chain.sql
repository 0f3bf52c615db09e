-- For each project that continues another or is continued (for_project), every project of its
-- continuation chain: those it continues, back to the first, and those continuing it, directly or
-- through others. Validation refuses loops; the depth bound only guards against a bad release.
WITH RECURSIVE up(project_id, ancestor, depth) AS (
  SELECT project_id, project_id, 0 FROM projects
  UNION ALL
  SELECT up.project_id, p.continues_project_id, up.depth + 1
  FROM up
  JOIN projects p ON p.project_id = up.ancestor
  WHERE p.continues_project_id IS NOT NULL AND up.depth < 1000
),
roots AS (
  SELECT project_id, arg_max(ancestor, depth) AS root FROM up GROUP BY project_id
),
chained AS (
  SELECT root FROM roots GROUP BY root HAVING count(*) > 1
)
SELECT a.project_id AS for_project, b.project_id
FROM roots a
JOIN chained USING (root)
JOIN roots b ON b.root = a.root
ORDER BY for_project, b.project_id
