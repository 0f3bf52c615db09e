-- All transactions of one community (parameter 1: community_id), newest first.
SELECT *
FROM transactions
WHERE community_id = ?
ORDER BY date DESC, transaction_id DESC
