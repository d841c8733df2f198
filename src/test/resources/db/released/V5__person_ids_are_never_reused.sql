-- migration: foreign_keys=OFF
-- Person ids are never reused. Without AUTOINCREMENT SQLite gives a new row the largest id + 1, so after
-- forget-me removed the newest person the next one got the same id, and anything still keyed by that id (a
-- cache, in-memory state) would be read as theirs. AUTOINCREMENT keeps the largest id ever used in
-- sqlite_sequence. SQLite cannot add it in place: the table is rebuilt (create, copy, drop, rename) with foreign
-- keys off around the transaction, so dropping the old table does not cascade into every table that references
-- people; the runner checks every foreign key before the commit. The ids are copied as they are, so every
-- reference stays valid. Ids of people forgotten before this version and above today's largest id are unknown
-- here, so sqlite_sequence starts at the largest id present.
CREATE TABLE people_v5 (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  key          TEXT    NOT NULL UNIQUE,           -- 'discord:<user id>' or 'local:<os user>'
  display_name TEXT    NOT NULL,
  time_zone    TEXT    NOT NULL DEFAULT 'UTC',    -- IANA zone id
  created_at   INTEGER NOT NULL
);
INSERT INTO people_v5 (id, key, display_name, time_zone, created_at)
  SELECT id, key, display_name, time_zone, created_at FROM people ORDER BY id;
DROP TABLE people;
ALTER TABLE people_v5 RENAME TO people;
