-- Money of every street (街道/镇 = first 9 digits of the community code) by year: income by
-- source and expenditure by category. The city's figures are the sum over streets.
SELECT
  left(community_id, 9) AS street_code,
  CAST(year(date) AS INTEGER) AS year,
  type,
  coalesce(source, expense_category) AS code,
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(*) AS INTEGER) AS transactions
FROM transactions
GROUP BY ALL
ORDER BY street_code, year, type, code
