-- The years in which projects started, newest first (the year filter of /projects/).
SELECT DISTINCT CAST(year(start_date) AS INTEGER) AS year
FROM projects
ORDER BY year DESC
