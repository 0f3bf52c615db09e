-- The latest transactions of the whole city as TransactionRows (src/lib/rows.ts), at most ? of
-- them (newest first): the static first page of /transactions/. Every transaction is in
-- /data/transactions.csv, and the page's filters query all of them in the browser.
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
ORDER BY t.date DESC, t.transaction_id DESC
LIMIT ?
