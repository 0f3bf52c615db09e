-- Every street (街道/镇 = the first 9 digits of the community code) page, with its region.
SELECT DISTINCT left(community_id, 9) AS street_code, left(community_id, 4) AS region_code
FROM communities
ORDER BY street_code
