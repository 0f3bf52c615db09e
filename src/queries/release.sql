-- The release being shown: who published it, as of when, and whether it is demonstration data.
SELECT
  name,
  title,
  version,
  strftime(created, '%Y-%m-%d') AS created,
  publisher_name,
  publisher_contact,
  license,
  coverage_area,
  strftime(period_start, '%Y-%m-%d') AS period_start,
  strftime(period_end, '%Y-%m-%d') AS period_end,
  sample,
  strftime(built_at, '%Y-%m-%d') AS built_on
FROM release
