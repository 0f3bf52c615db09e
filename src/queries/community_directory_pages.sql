-- The pages of the community list when cut into pages of ? communities (parameter 1) in code
-- order: where each starts, how many it holds, and its first and last street (county + street).
WITH numbered AS (
  SELECT row_number() OVER (ORDER BY community_id) - 1 AS i, county_name || street_name AS street
  FROM communities
)
SELECT
  CAST(i // ? + 1 AS INTEGER) AS page,
  CAST(min(i) AS INTEGER) AS start,
  CAST(count(*) AS INTEGER) AS count,
  arg_min(street, i) AS first_street,
  arg_max(street, i) AS last_street
FROM numbered
GROUP BY 1
ORDER BY 1
