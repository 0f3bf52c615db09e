-- How many rows each published table holds, for the downloads page (/data/).
SELECT 'communities' AS table_name, CAST(count(*) AS INTEGER) AS row_count FROM communities
UNION ALL SELECT 'organizations', CAST(count(*) AS INTEGER) FROM organizations
UNION ALL SELECT 'proposals', CAST(count(*) AS INTEGER) FROM proposals
UNION ALL SELECT 'projects', CAST(count(*) AS INTEGER) FROM projects
UNION ALL SELECT 'transactions', CAST(count(*) AS INTEGER) FROM transactions
UNION ALL SELECT 'surveys', CAST(count(*) AS INTEGER) FROM surveys
UNION ALL SELECT 'workforce', CAST(count(*) AS INTEGER) FROM workforce
UNION ALL SELECT 'quality_warnings', CAST(count(*) AS INTEGER) FROM quality_warnings
