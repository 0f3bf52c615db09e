-- Every workforce row (social workers, community workers, volunteers) of every community and period.
SELECT
  community_id,
  period,
  social_workers_certified,
  community_workers,
  community_orgs_filed,
  volunteers_registered,
  volunteer_hours,
  resident_leaders
FROM workforce
ORDER BY community_id, period
