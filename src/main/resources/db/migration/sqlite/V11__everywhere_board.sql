-- One leaderboard across every server and DM of the bot (/leaderboard where:everywhere): a person's points from
-- all their Discord scopes, per period ('all', 'w:2026-W48', 'm:2026-11'), kept in the transaction of every
-- attempt like board_points, and read the same way through its ranked index. Terminal answers stay off it. Its
-- primary key leads with the person (forget-me deletes by person; the ranked index serves the boards). This
-- version fills it from board_points (all topics, guild and DM scopes), which V10 rebuilt from the attempts.
CREATE TABLE everywhere_points (
  period    TEXT    NOT NULL,
  person_id INTEGER  NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  points    INTEGER NOT NULL,
  answers   INTEGER NOT NULL,
  PRIMARY KEY (person_id, period)
) WITHOUT ROWID;
CREATE INDEX everywhere_points_ranked ON everywhere_points (period, points DESC, person_id);
INSERT INTO everywhere_points (period, person_id, points, answers)
SELECT b.period, b.person_id, SUM(b.points), SUM(b.answers)
FROM board_points b JOIN scopes s ON s.id = b.scope_id
WHERE b.topic = '' AND s.kind IN ('guild', 'dm')
GROUP BY b.period, b.person_id;

-- How many people are on each board, kept by triggers as rows are added to or removed from a board (an upsert
-- that updates a row fires no INSERT trigger), so a leaderboard reads its size as one row instead of counting
-- the board's entries on every request.
CREATE TABLE board_sizes (
  scope_id INTEGER NOT NULL,
  period   TEXT    NOT NULL,
  topic    TEXT    NOT NULL,
  people   INTEGER NOT NULL,
  PRIMARY KEY (scope_id, period, topic)
) WITHOUT ROWID;
CREATE TABLE everywhere_sizes (
  period TEXT    NOT NULL PRIMARY KEY,
  people INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO board_sizes (scope_id, period, topic, people)
SELECT scope_id, period, topic, COUNT(*) FROM board_points GROUP BY scope_id, period, topic;
INSERT INTO everywhere_sizes (period, people) SELECT period, COUNT(*) FROM everywhere_points GROUP BY period;
CREATE TRIGGER board_points_added AFTER INSERT ON board_points
BEGIN
  INSERT OR IGNORE INTO board_sizes (scope_id, period, topic, people) VALUES (NEW.scope_id, NEW.period, NEW.topic, 0);
  UPDATE board_sizes SET people = people + 1
   WHERE scope_id = NEW.scope_id AND period = NEW.period AND topic = NEW.topic;
END;
CREATE TRIGGER board_points_removed AFTER DELETE ON board_points
BEGIN
  UPDATE board_sizes SET people = people - 1
   WHERE scope_id = OLD.scope_id AND period = OLD.period AND topic = OLD.topic;
END;
CREATE TRIGGER everywhere_points_added AFTER INSERT ON everywhere_points
BEGIN
  INSERT OR IGNORE INTO everywhere_sizes (period, people) VALUES (NEW.period, 0);
  UPDATE everywhere_sizes SET people = people + 1 WHERE period = NEW.period;
END;
CREATE TRIGGER everywhere_points_removed AFTER DELETE ON everywhere_points
BEGIN
  UPDATE everywhere_sizes SET people = people - 1 WHERE period = OLD.period;
END;
