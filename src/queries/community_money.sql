-- Money of every community by year: income by source and expenditure by category, split into
-- rows that belong to a project and community-level rows (project_id empty). Amounts are summed
-- exactly (DECIMAL) and handed over in yuan.
SELECT
  community_id,
  CAST(year(date) AS INTEGER) AS year,
  type,
  coalesce(source, expense_category) AS code,
  project_id IS NOT NULL AS in_project,
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(*) AS INTEGER) AS transactions
FROM transactions
GROUP BY ALL
ORDER BY community_id, year, type, code, in_project
