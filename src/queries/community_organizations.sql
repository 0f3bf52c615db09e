-- The organizations active in each community (for_community): those located there and those
-- running one of its projects, each once, with where it is located (community_id, may differ).
WITH active AS (
  SELECT community_id AS for_community, org_id FROM organizations WHERE community_id IS NOT NULL
  UNION
  SELECT community_id, operator_org_id FROM projects WHERE operator_org_id IS NOT NULL
)
SELECT a.for_community, o.org_id, o.name, o.kind, o.rating, o.community_id
FROM active a
JOIN organizations o ON o.org_id = a.org_id
ORDER BY a.for_community, o.org_id
