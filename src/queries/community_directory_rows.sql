-- Every community with the figures of the community list (/communities/): projects, total
-- expenditure and its community-wide overall satisfaction per period (a JSON list, read by
-- latestOverall in src/lib/satisfaction.ts), in code order (street code = first 9 digits), with
-- its place within its street (street_rank, 1 = the street's first community).
WITH project_counts AS (
  SELECT community_id, count(*) AS projects FROM projects GROUP BY community_id
),
spent AS (
  SELECT community_id, sum(amount) AS expenditure
  FROM transactions
  WHERE type = 'expenditure'
  GROUP BY community_id
),
overall AS (
  SELECT
    community_id,
    -- list_sort of the finished list (by period, the struct's first field), not an ordered
    -- aggregate: DuckDB keeps a sort buffer per group for those.
    CAST(to_json(list_sort(list({'period': period, 'dimension': dimension, 'respondents': respondents, 'satisfied': satisfied}))) AS VARCHAR) AS satisfaction
  FROM (
    SELECT community_id, period, dimension, CAST(sum(respondents) AS INTEGER) AS respondents, CAST(sum(satisfied) AS INTEGER) AS satisfied
    FROM surveys
    WHERE project_id IS NULL AND dimension = 'overall'
    GROUP BY ALL
  )
  GROUP BY community_id
)
SELECT
  c.community_id,
  c.name,
  left(c.community_id, 9) AS street_code,
  c.street_name,
  c.county_name,
  c.kind,
  c.resident_population,
  CAST(coalesce(p.projects, 0) AS INTEGER) AS projects,
  CAST(coalesce(s.expenditure, 0) AS DOUBLE) AS expenditure,
  coalesce(o.satisfaction, '[]') AS satisfaction,
  CAST(row_number() OVER (PARTITION BY left(c.community_id, 9) ORDER BY c.community_id) AS INTEGER) AS street_rank
FROM communities c
LEFT JOIN project_counts p ON p.community_id = c.community_id
LEFT JOIN spent s ON s.community_id = c.community_id
LEFT JOIN overall o ON o.community_id = c.community_id
ORDER BY c.community_id
