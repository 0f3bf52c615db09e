-- How many projects pass the filters of /projects/ and their budgets added up (same parameters
-- as projects_filtered.sql, without LIMIT and OFFSET).
SELECT
  CAST(count(*) AS INTEGER) AS n,
  CAST(coalesce(sum(budget), 0) AS DOUBLE) AS budget
FROM projects p
WHERE (CAST(? AS VARCHAR) IS NULL OR p.status = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.mechanism = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.category = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.origin = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR p.operator_org_id = ?)
  AND (CAST(? AS INTEGER) IS NULL OR year(p.start_date) = ?)
  AND (CAST(? AS DOUBLE) IS NULL OR p.budget >= ?)
  AND (CAST(? AS DOUBLE) IS NULL OR p.budget <= ?)
