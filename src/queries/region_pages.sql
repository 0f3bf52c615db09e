-- How many community, project and organization pages each region (prefecture city: the first 4
-- digits of the division code) has: the weights by which a sharded build splits the regions.
SELECT region_code, CAST(count(*) AS INTEGER) AS pages
FROM (
  SELECT left(community_id, 4) AS region_code FROM communities
  UNION ALL
  SELECT left(community_id, 4) FROM projects
  UNION ALL
  SELECT left(community_id, 4) FROM organizations WHERE community_id IS NOT NULL
)
GROUP BY region_code
ORDER BY region_code
