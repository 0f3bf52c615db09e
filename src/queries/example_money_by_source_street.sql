-- 各街道(镇)的收入来自哪里?
-- 按街道(社区代码前9位)和资金来源汇总全部收入流水。金额单位:元。
SELECT
  left(t.community_id, 9) AS street_code,
  any_value(c.street_name) AS street_name,
  t.source,
  sum(t.amount) AS income,
  count(*) AS transactions
FROM transactions t
JOIN communities c ON c.community_id = t.community_id
WHERE t.type = 'income'
GROUP BY street_code, t.source
ORDER BY street_code, income DESC, t.source
