-- Every transaction that belongs to a project, as TransactionRows (src/lib/rows.ts), grouped by
-- project and in date order, for the ledger on /projects/<id>/.
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
JOIN projects p ON p.project_id = t.project_id
LEFT JOIN organizations o ON o.org_id = t.counterparty_org_id
ORDER BY t.project_id, t.date, t.transaction_id
