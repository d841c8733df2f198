-- From V5 on the history is kept by Flyway (in flyway_schema_history). The tutor's runner before Flyway read
-- schema_version; a row above the last version it knew (5) makes that older program refuse this file with "written
-- by a newer Interview Tutor" instead of running on a schema it does not know.
CREATE TABLE IF NOT EXISTS schema_version (
  version     INTEGER PRIMARY KEY,
  description TEXT    NOT NULL,
  applied_at  INTEGER NOT NULL
);
INSERT INTO schema_version (version, description, applied_at)
  VALUES (6, 'later versions are in flyway_schema_history', 0) ON CONFLICT (version) DO NOTHING;
