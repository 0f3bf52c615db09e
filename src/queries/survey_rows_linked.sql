-- Survey results tied to a project or to the organization that conducted them, with the names a
-- page needs (community, project, conductor). Feeds /projects/<id>/ (surveys of the project) and
-- /organizations/<id>/ (surveys it conducted). Aggregates only: no single answer exists here.
SELECT
  s.survey_id,
  s.community_id,
  c.name AS community_name,
  s.project_id,
  p.title AS project_title,
  s.period,
  s.dimension,
  s.respondents,
  s.satisfied,
  s.mean_score,
  s.scale_max,
  s.method,
  s.conducted_by,
  o.name AS conductor_name
FROM surveys s
JOIN communities c ON c.community_id = s.community_id
LEFT JOIN projects p ON p.project_id = s.project_id
LEFT JOIN organizations o ON o.org_id = s.conducted_by
WHERE s.project_id IS NOT NULL OR s.conducted_by IS NOT NULL
ORDER BY s.period DESC, s.survey_id, s.dimension
