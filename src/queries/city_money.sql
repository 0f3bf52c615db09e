-- Money of the whole release by year: income by source and expenditure by category.
SELECT
  CAST(year(date) AS INTEGER) AS year,
  type,
  coalesce(source, expense_category) AS code,
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(*) AS INTEGER) AS transactions
FROM transactions
GROUP BY ALL
ORDER BY year, type, code
