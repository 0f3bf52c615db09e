-- Every community page, by key, with the region (prefecture city: the first 4 digits of the
-- division code) that decides which shard of a sharded build renders it (src/build/shard.ts).
SELECT community_id, left(community_id, 4) AS region_code
FROM communities
ORDER BY community_id
