-- Each Discord server's own question banks (/bank upload) and its switches for the shipped banks (/bank shipped).
-- The bank text is kept as uploaded: it is parsed again at start, and its question ids are mapped into the
-- server's namespace (s<scope id>/...), so they never collide with shipped ids or another server's.
CREATE TABLE server_banks (
  scope_id     BIGINT  NOT NULL REFERENCES scopes(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  content      TEXT    NOT NULL,
  questions    INTEGER NOT NULL,
  uploaded_by  TEXT    NOT NULL,
  uploaded_at  BIGINT  NOT NULL,
  PRIMARY KEY (scope_id, name)
);

-- A row means the shipped bank is switched off on that server; no row means on.
CREATE TABLE server_shipped_off (
  scope_id  BIGINT  NOT NULL REFERENCES scopes(id) ON DELETE CASCADE,
  name      TEXT    NOT NULL,
  PRIMARY KEY (scope_id, name)
);
