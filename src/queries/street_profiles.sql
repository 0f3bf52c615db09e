-- Every street (街道/镇 = first 9 digits of the community code): its name, county and how many
-- communities it has.
SELECT
  left(community_id, 9) AS street_code,
  arg_min(street_name, community_id) AS street_name,
  arg_min(county_name, community_id) AS county_name,
  CAST(count(*) AS INTEGER) AS communities
FROM communities
GROUP BY 1
ORDER BY 1
