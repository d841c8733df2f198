-- One leaderboard across every server and DM of the bot (/leaderboard where:everywhere): a person's points from
-- all their Discord scopes, per period ('all', 'w:2026-W48', 'm:2026-11'), kept in the transaction of every
-- attempt like board_points, and read the same way through its ranked index. Terminal answers stay off it. Its
-- primary key leads with the person (forget-me deletes by person; the ranked index serves the boards). This
-- version fills it from board_points (all topics, guild and DM scopes), which V10 rebuilt from the attempts.
CREATE TABLE everywhere_points (
  period    TEXT    NOT NULL,
  person_id BIGINT  NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  points    INTEGER NOT NULL,
  answers   INTEGER NOT NULL,
  PRIMARY KEY (person_id, period)
);
CREATE INDEX everywhere_points_ranked ON everywhere_points (period, points DESC, person_id);
INSERT INTO everywhere_points (period, person_id, points, answers)
SELECT b.period, b.person_id, SUM(b.points), SUM(b.answers)
FROM board_points b JOIN scopes s ON s.id = b.scope_id
WHERE b.topic = '' AND s.kind IN ('guild', 'dm')
GROUP BY b.period, b.person_id;

-- How many people are on each board, kept by triggers as rows are added to or removed from a board (an upsert
-- that updates a row fires no AFTER INSERT trigger), so a leaderboard reads its size as one row instead of
-- counting the board's entries on every request.
CREATE TABLE board_sizes (
  scope_id BIGINT  NOT NULL,
  period   TEXT    NOT NULL,
  topic    TEXT    NOT NULL,
  people   INTEGER NOT NULL,
  PRIMARY KEY (scope_id, period, topic)
);
CREATE TABLE everywhere_sizes (
  period TEXT    NOT NULL PRIMARY KEY,
  people INTEGER NOT NULL
);
INSERT INTO board_sizes (scope_id, period, topic, people)
SELECT scope_id, period, topic, COUNT(*) FROM board_points GROUP BY scope_id, period, topic;
INSERT INTO everywhere_sizes (period, people) SELECT period, COUNT(*) FROM everywhere_points GROUP BY period;
CREATE FUNCTION board_sizes_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO board_sizes (scope_id, period, topic, people) VALUES (NEW.scope_id, NEW.period, NEW.topic, 1)
      ON CONFLICT (scope_id, period, topic) DO UPDATE SET people = board_sizes.people + 1;
  ELSE
    UPDATE board_sizes SET people = people - 1
     WHERE scope_id = OLD.scope_id AND period = OLD.period AND topic = OLD.topic;
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION everywhere_sizes_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO everywhere_sizes (period, people) VALUES (NEW.period, 1)
      ON CONFLICT (period) DO UPDATE SET people = everywhere_sizes.people + 1;
  ELSE
    UPDATE everywhere_sizes SET people = people - 1 WHERE period = OLD.period;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER board_points_sizes AFTER INSERT OR DELETE ON board_points
  FOR EACH ROW EXECUTE FUNCTION board_sizes_follow();
CREATE TRIGGER everywhere_points_sizes AFTER INSERT OR DELETE ON everywhere_points
  FOR EACH ROW EXECUTE FUNCTION everywhere_sizes_follow();
-- Index-only reads of the ranked boards skip the table only on pages the visibility map marks all-visible; every
-- answer updates six board rows, so vacuum these tables after 2% of their rows changed instead of 20%.
ALTER TABLE board_points SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE everywhere_points SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
