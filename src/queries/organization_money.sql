-- The money that passed through each organization as a counterparty: income it gave (by fund
-- source) and payments it received (by expense category), with transaction and community counts.
-- Totals over ALL rows; the page lists only the latest rows (transaction_rows_by_counterparty.sql).
SELECT
  counterparty_org_id AS org_id,
  type,
  coalesce(source, expense_category) AS code,
  CAST(sum(amount) AS DOUBLE) AS amount,
  CAST(count(*) AS INTEGER) AS transactions,
  CAST(count(DISTINCT community_id) AS INTEGER) AS communities
FROM transactions
WHERE counterparty_org_id IS NOT NULL
GROUP BY ALL
ORDER BY org_id, type DESC, amount DESC, code
