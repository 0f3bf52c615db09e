-- 全市每年的收入各来自哪种资金来源?
-- 按年份和资金来源汇总全部收入流水,可以看出政府资金和慈善资源各年的变化。金额单位:元。
SELECT
  CAST(year(date) AS INTEGER) AS year,
  source,
  sum(amount) AS income,
  count(*) AS transactions
FROM transactions
WHERE type = 'income'
GROUP BY year, source
ORDER BY year, income DESC, source
