-- Who is publishing a server's scheduled daily post: one row per server and local date, inserted atomically by
-- the process that posts it (the one holding the server's gateway shard). A second process holding the same shard
-- (a rolling restart, a reconnect) finds the row and leaves the post alone; a holder that died mid-post lets its
-- claim lapse at claimed_until, after which another process takes it over, so no day is skipped.
CREATE TABLE daily_post_claims (
  scope_id      BIGINT NOT NULL REFERENCES scopes (id) ON DELETE CASCADE,
  scheduled_for TEXT    NOT NULL,                -- the server-local date (yyyy-MM-dd) of the scheduled post
  holder        TEXT    NOT NULL,                -- the process publishing it (pid and a random tag)
  claimed_until BIGINT NOT NULL,                -- epoch millis; a claim not renewed by then may be taken over
  PRIMARY KEY (scope_id, scheduled_for)
);
