-- How many organizations of each kind the release lists.
SELECT kind, CAST(count(*) AS INTEGER) AS organizations
FROM organizations
GROUP BY kind
ORDER BY kind
