-- Every organization with its community's name, for /organizations/<id>/.
SELECT
  o.org_id,
  o.name,
  o.kind,
  strftime(o.registered_on, '%Y-%m-%d') AS registered_on,
  o.rating,
  o.community_id,
  c.name AS community_name,
  left(o.community_id, 9) AS street_code,
  c.street_name
FROM organizations o
LEFT JOIN communities c ON c.community_id = o.community_id
ORDER BY o.org_id
