-- The city-wide transaction list (/transactions/) filtered in the browser: each filter twice,
-- NULL = any, in the order of FILTER_FIELDS.transactions (src/lib/filter-state.ts): type, source,
-- expense category, year, minimum and maximum amount; then LIMIT and OFFSET. Newest first.
-- Columns as TransactionRow (src/lib/rows.ts).
SELECT
  t.transaction_id,
  strftime(t.date, '%Y-%m-%d') AS date,
  t.community_id,
  c.name AS community_name,
  t.project_id,
  p.title AS project_title,
  t.type,
  t.source,
  t.expense_category,
  t.counterparty_org_id,
  coalesce(o.name, t.counterparty_name) AS counterparty,
  t.donor_count,
  CAST(t.amount AS DOUBLE) AS amount,
  t.purpose,
  t.voucher_no
FROM transactions t
JOIN communities c ON c.community_id = t.community_id
LEFT JOIN projects p ON p.project_id = t.project_id
LEFT JOIN organizations o ON o.org_id = t.counterparty_org_id
WHERE (CAST(? AS VARCHAR) IS NULL OR t.type = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR t.source = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR t.expense_category = ?)
  AND (CAST(? AS INTEGER) IS NULL OR year(t.date) = ?)
  AND (CAST(? AS DOUBLE) IS NULL OR t.amount >= ?)
  AND (CAST(? AS DOUBLE) IS NULL OR t.amount <= ?)
ORDER BY t.date DESC, t.transaction_id DESC
LIMIT ? OFFSET ?
