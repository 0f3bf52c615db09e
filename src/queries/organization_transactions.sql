-- Every transaction whose counterparty is one organization (parameter: org_id), newest first:
-- the full list behind the money section of /organizations/<id>/ (for /explore/).
SELECT
  t.transaction_id,
  t.date,
  t.community_id,
  c.name AS community_name,
  t.project_id,
  t.type,
  t.source,
  t.expense_category,
  t.amount,
  t.purpose,
  t.voucher_no
FROM transactions t
JOIN communities c ON c.community_id = t.community_id
WHERE t.counterparty_org_id = ?
ORDER BY t.date DESC, t.transaction_id DESC
