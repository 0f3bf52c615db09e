-- Projects and their budgets by status, over the whole release.
SELECT status, CAST(count(*) AS INTEGER) AS projects, CAST(coalesce(sum(budget), 0) AS DOUBLE) AS budget
FROM projects
GROUP BY status
ORDER BY status
