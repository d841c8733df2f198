-- Interview Tutor schema, version 1. Times are epoch milliseconds (UTC); local days are ISO dates (yyyy-MM-dd)
-- in the person's time zone at the time of the event. Every row that belongs to a person references people(id)
-- with ON DELETE CASCADE so that forget-me is one DELETE (plus explicit deletes, in one transaction).

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  key          TEXT    NOT NULL UNIQUE,           -- 'discord:<user id>' or 'local:<os user>'
  display_name TEXT    NOT NULL,
  time_zone    TEXT    NOT NULL DEFAULT 'UTC',    -- IANA zone id
  created_at   INTEGER NOT NULL
);

CREATE TABLE scopes (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('guild', 'dm', 'terminal')),
  key         TEXT NOT NULL,                       -- guild id, DM channel/user id, 'local'
  name        TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, key)
);

CREATE TABLE attempts (
  id          INTEGER PRIMARY KEY,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  scope_id    INTEGER NOT NULL REFERENCES scopes (id),
  question_id TEXT    NOT NULL,
  topic       TEXT    NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('practice', 'daily', 'review', 'interview')),
  answer      TEXT    NOT NULL,
  score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  verdict     TEXT    NOT NULL,
  key_points  TEXT    NOT NULL,                    -- JSON array: [{"id","text","coverage","evidence"}]
  grader      TEXT    NOT NULL,
  hints       INTEGER NOT NULL DEFAULT 0,
  answered_at INTEGER NOT NULL,
  local_day   TEXT    NOT NULL,
  counted     INTEGER NOT NULL,                    -- 1 if this answer earned the question's points for the day
  points      INTEGER NOT NULL
);
CREATE INDEX attempts_by_person_time ON attempts (person_id, answered_at);
CREATE INDEX attempts_by_person_question_day ON attempts (person_id, question_id, local_day);
CREATE INDEX attempts_by_scope_question ON attempts (scope_id, question_id);

-- Leaderboard summary, maintained in the same transaction as each attempt. period: 'all', 'w:2026-W48',
-- 'm:2026-11' (week and month of the attempt's local day); topic: '' for all topics, else the topic.
CREATE TABLE board_points (
  scope_id  INTEGER NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  period    TEXT    NOT NULL,
  topic     TEXT    NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  points    INTEGER NOT NULL,
  answers   INTEGER NOT NULL,
  PRIMARY KEY (scope_id, period, topic, person_id)
) WITHOUT ROWID;
CREATE INDEX board_points_ranked ON board_points (scope_id, period, topic, points DESC, person_id);
CREATE INDEX board_points_by_person ON board_points (person_id);

CREATE TABLE streaks (
  person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  current   INTEGER NOT NULL,
  best      INTEGER NOT NULL,
  last_day  TEXT    NOT NULL
);

-- SM-2 state per person and question. due_day is a local day in the person's zone.
CREATE TABLE reviews (
  person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  question_id   TEXT    NOT NULL,
  repetitions   INTEGER NOT NULL,
  interval_days INTEGER NOT NULL,
  ease          REAL    NOT NULL,
  due_day       TEXT    NOT NULL,
  last_score    INTEGER NOT NULL,
  reviewed_at   INTEGER NOT NULL,
  PRIMARY KEY (person_id, question_id)
) WITHOUT ROWID;
CREATE INDEX reviews_due ON reviews (person_id, due_day);

CREATE TABLE interview_sessions (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  scope_id   INTEGER NOT NULL REFERENCES scopes (id),
  topic      TEXT    NOT NULL,                     -- '' for any topic
  status     TEXT    NOT NULL CHECK (status IN ('active', 'finished', 'abandoned')),
  position   INTEGER NOT NULL,                     -- index of the current item (0-based)
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX interview_sessions_active ON interview_sessions (person_id, scope_id, status);

CREATE TABLE interview_items (
  session_id  INTEGER NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  question_id TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('pending', 'answered', 'skipped')),
  hints       INTEGER NOT NULL DEFAULT 0,
  attempt_id  INTEGER REFERENCES attempts (id) ON DELETE SET NULL,
  score       INTEGER,
  PRIMARY KEY (session_id, position)
) WITHOUT ROWID;

CREATE TABLE daily_settings (
  scope_id     INTEGER PRIMARY KEY REFERENCES scopes (id) ON DELETE CASCADE,
  channel_id   TEXT    NOT NULL,
  local_time   TEXT    NOT NULL,                   -- HH:mm
  time_zone    TEXT    NOT NULL,
  enabled      INTEGER NOT NULL,
  paused       INTEGER NOT NULL DEFAULT 0,
  pause_reason TEXT    NOT NULL DEFAULT '',
  set_up_by    INTEGER REFERENCES people (id) ON DELETE SET NULL,
  active_from  INTEGER NOT NULL                    -- no scheduled post is due before this instant
);

CREATE TABLE daily_posts (
  id            INTEGER PRIMARY KEY,
  scope_id      INTEGER NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  question_id   TEXT    NOT NULL,
  scheduled_for TEXT,                              -- local date of a scheduled post; NULL for /daily now
  claimed_at    INTEGER NOT NULL,
  posted_at     INTEGER,                           -- NULL until the front-end confirms delivery
  message_id    TEXT,
  revealed_at   INTEGER,
  UNIQUE (scope_id, scheduled_for)
);
CREATE INDEX daily_posts_by_scope ON daily_posts (scope_id, claimed_at);

CREATE TABLE daily_answers (
  post_id    INTEGER NOT NULL REFERENCES daily_posts (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  share      INTEGER NOT NULL,
  PRIMARY KEY (post_id, person_id)
) WITHOUT ROWID;
CREATE INDEX daily_answers_by_person ON daily_answers (person_id);
