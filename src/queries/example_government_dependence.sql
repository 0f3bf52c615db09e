-- 各街道(镇)的收入有多大比例来自政府?
-- 政府资金指财政拨款、政府购买服务、公益创投和政府配套(fiscal、government_purchase、venture_philanthropy、matching);比例越高,对政府资金的依赖越大。
SELECT
  left(t.community_id, 9) AS street_code,
  any_value(c.street_name) AS street_name,
  sum(t.amount) AS income,
  coalesce(sum(t.amount) FILTER (WHERE t.source IN ('fiscal', 'government_purchase', 'venture_philanthropy', 'matching')), 0) AS government,
  round(government / income, 4) AS government_share
FROM transactions t
JOIN communities c ON c.community_id = t.community_id
WHERE t.type = 'income'
GROUP BY street_code
ORDER BY government_share DESC, street_code
