-- Every community with its profile fields, ordered by code (street code = first 9 digits).
SELECT
  community_id,
  left(community_id, 9) AS street_code,
  name,
  street_name,
  county_name,
  city_name,
  province_name,
  kind,
  area_km2,
  households,
  registered_population,
  resident_population,
  grids,
  micro_grids,
  resident_groups,
  strftime(as_of, '%Y-%m-%d') AS as_of,
  description
FROM communities
ORDER BY community_id
