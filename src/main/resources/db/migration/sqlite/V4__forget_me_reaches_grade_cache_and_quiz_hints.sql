-- Forget-me must also remove LLM grades that quote a person's answers. The cache is keyed by question, rubric
-- version and answer hash (not by person), so each row now carries its answer's SHA-256 (indexed), and forget-me
-- deletes the rows whose hash matches one of the person's attempts or follow-up replies. Rows written before
-- this version have no hash; they are dropped (a cache: the only cost is grading those answers again).
DELETE FROM llm_grade_cache;
ALTER TABLE llm_grade_cache ADD COLUMN answer_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX llm_grade_cache_by_answer ON llm_grade_cache (answer_hash);

-- Replies to interview follow-ups are graded (and cached) but not recorded as attempts: keep only their hash,
-- so forget-me can find their cached grades.
CREATE TABLE follow_up_answers (
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  answer_hash TEXT    NOT NULL,
  PRIMARY KEY (person_id, answer_hash)
) WITHOUT ROWID;

-- Hints shown for a single question (/quiz, /review) before it is answered: the score cap survives a restart.
-- Interview hints live in interview_items.hints.
CREATE TABLE question_hints (
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  question_id TEXT    NOT NULL,
  shown       INTEGER NOT NULL,
  PRIMARY KEY (person_id, question_id)
) WITHOUT ROWID;
