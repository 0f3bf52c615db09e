-- The organizations that run at least one project (the operator filter of /projects/).
SELECT DISTINCT o.org_id, o.name
FROM projects p
JOIN organizations o ON o.org_id = p.operator_org_id
ORDER BY o.name, o.org_id
