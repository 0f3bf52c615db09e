-- Every organization: its kind, rating and the community it is located in (if any).
SELECT org_id, name, kind, rating, community_id
FROM organizations
ORDER BY org_id
