-- Every organization page, with a region: the community it is located in, else the first
-- community (by code) where it runs a project; an organization with neither has region '' (the
-- shards share those by the organization's id: src/build/shard.ts shardOfPage).
WITH operated AS (
  SELECT operator_org_id AS org_id, min(community_id) AS community_id
  FROM projects
  WHERE operator_org_id IS NOT NULL
  GROUP BY operator_org_id
)
SELECT o.org_id, coalesce(left(coalesce(o.community_id, p.community_id), 4), '') AS region_code
FROM organizations o
LEFT JOIN operated p ON p.org_id = o.org_id
ORDER BY o.org_id
