-- State that must hold across processes (several bot processes share one PostgreSQL database) and restarts.

-- Graded answers per person in the last minute: one row per granted answer, older rows pruned as new ones come.
CREATE TABLE answer_rate_events (
  person_key TEXT   NOT NULL,                    -- people.key ('discord:<user id>')
  at         BIGINT NOT NULL                     -- epoch millis
);
CREATE INDEX answer_rate_events_by_person ON answer_rate_events (person_key, at);

-- LLM calls used per scope (server, DM, terminal) and UTC day; the daily budget is checked against it.
CREATE TABLE llm_budget (
  scope_key TEXT    NOT NULL,
  day       TEXT    NOT NULL,                    -- yyyy-MM-dd (UTC)
  used      INTEGER NOT NULL,
  PRIMARY KEY (scope_key, day)
);

-- An interview's pending follow-up question (at most one per session), so it survives a restart and is answered
-- in whichever process receives the reply. The payload is the front-end's JSON (the question and its rubric).
CREATE TABLE interview_follow_ups (
  session_id BIGINT  PRIMARY KEY REFERENCES interview_sessions (id) ON DELETE CASCADE,
  person_id  BIGINT  NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  scope_id   BIGINT  NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,                   -- the interview item it follows up
  payload    TEXT    NOT NULL,
  created_at BIGINT  NOT NULL
);
CREATE INDEX interview_follow_ups_by_person ON interview_follow_ups (person_id, scope_id);
