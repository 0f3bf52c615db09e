-- How many resident proposals (六事法) each community has at each stage.
SELECT community_id, stage, CAST(count(*) AS INTEGER) AS proposals
FROM proposals
GROUP BY ALL
ORDER BY community_id, stage
