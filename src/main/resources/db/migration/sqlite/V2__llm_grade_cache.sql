-- LLM grades remembered across restarts: the same question, rubric version and answer get the same grade
-- without another (paid, rate-limited) call. Key = question id, rubric version, SHA-256 of the answer.
CREATE TABLE llm_grade_cache (
  cache_key  TEXT PRIMARY KEY,
  grader     TEXT NOT NULL,
  grade_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
