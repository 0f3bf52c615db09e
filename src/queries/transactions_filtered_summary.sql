-- How many transactions pass the filters of /transactions/ and what they add up to (same
-- parameters as transactions_filtered.sql, without LIMIT and OFFSET).
SELECT
  CAST(count(*) AS INTEGER) AS n,
  CAST(coalesce(sum(amount) FILTER (WHERE type = 'income'), 0) AS DOUBLE) AS income,
  CAST(coalesce(sum(amount) FILTER (WHERE type = 'expenditure'), 0) AS DOUBLE) AS expenditure
FROM transactions t
WHERE (CAST(? AS VARCHAR) IS NULL OR t.type = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR t.source = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR t.expense_category = ?)
  AND (CAST(? AS INTEGER) IS NULL OR year(t.date) = ?)
  AND (CAST(? AS DOUBLE) IS NULL OR t.amount >= ?)
  AND (CAST(? AS DOUBLE) IS NULL OR t.amount <= ?)
