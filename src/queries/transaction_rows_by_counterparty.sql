-- The latest transactions whose counterparty is a listed organization, as TransactionRows
-- (src/lib/rows.ts), at most ? of each type (income it gave, payments it received) per
-- organization, newest first, for /organizations/<id>/. Totals over all rows: organization_money.sql.
SELECT
  t.counterparty_org_id AS org_id,
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
  o.name AS counterparty,
  t.donor_count,
  CAST(t.amount AS DOUBLE) AS amount,
  t.purpose,
  t.voucher_no
FROM transactions t
JOIN communities c ON c.community_id = t.community_id
JOIN organizations o ON o.org_id = t.counterparty_org_id
LEFT JOIN projects p ON p.project_id = t.project_id
QUALIFY row_number() OVER (PARTITION BY t.counterparty_org_id, t.type ORDER BY t.date DESC, t.transaction_id DESC) <= ?
ORDER BY t.counterparty_org_id, t.type DESC, t.date DESC, t.transaction_id DESC
