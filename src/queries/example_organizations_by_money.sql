-- 哪些组织承接项目经手的资金最多?
-- 按承接组织汇总其承接的项目:项目数、涉及社区数、预算合计和这些项目的实际支出合计(项目资金由承接组织使用)。金额单位:元。
WITH spent AS (
  SELECT project_id, sum(amount) AS expenditure
  FROM transactions
  WHERE type = 'expenditure' AND project_id IS NOT NULL
  GROUP BY project_id
)
SELECT
  o.org_id,
  o.name,
  o.kind,
  o.rating,
  count(*) AS projects,
  count(DISTINCT p.community_id) AS communities,
  sum(p.budget) AS budget,
  coalesce(sum(s.expenditure), 0) AS expenditure
FROM projects p
JOIN organizations o ON o.org_id = p.operator_org_id
LEFT JOIN spent s ON s.project_id = p.project_id
GROUP BY o.org_id, o.name, o.kind, o.rating
ORDER BY expenditure DESC, o.org_id
LIMIT 100
