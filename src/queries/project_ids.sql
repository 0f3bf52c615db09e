-- Every project page, with the region of its community.
SELECT project_id, left(community_id, 4) AS region_code
FROM projects
ORDER BY project_id
