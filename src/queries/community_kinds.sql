-- The kinds of community that occur in the release.
SELECT DISTINCT kind FROM communities ORDER BY kind
