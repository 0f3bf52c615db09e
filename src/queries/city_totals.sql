-- Counts of the whole release: communities, projects (and those ongoing), transactions.
SELECT
  CAST((SELECT count(*) FROM communities) AS INTEGER) AS communities,
  CAST((SELECT count(*) FROM projects) AS INTEGER) AS projects,
  CAST((SELECT count(*) FROM projects WHERE status = 'ongoing') AS INTEGER) AS ongoing_projects,
  CAST((SELECT count(*) FROM transactions) AS INTEGER) AS transactions
