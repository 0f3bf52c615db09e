-- Each project's money as MoneyRows (src/lib/money.ts): per year, income summed by source and
-- expenditure summed by expense category, with the number of transactions behind each sum.
-- Feeds the money section of /projects/<id>/.
SELECT
  project_id,
  CAST(year(date) AS INTEGER) AS year,
  type,
  coalesce(source, expense_category) AS code,
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(*) AS INTEGER) AS transactions
FROM transactions
WHERE project_id IS NOT NULL
GROUP BY ALL
ORDER BY project_id, year, type, code
