-- The warnings of the quality report (data standard §4), in file and row order, for /data-quality/.
SELECT file, "row", "column", field, rule, message
FROM quality_warnings
ORDER BY rule, file, "row" NULLS FIRST, "column"
