-- One leaderboard across every server and DM of the bot (/leaderboard where:everywhere): a person's points from
-- all their Discord scopes, per period ('all', 'w:2026-W48', 'm:2026-11'), kept in the transaction of every
-- attempt like board_points, and read the same way through its ranked index. Terminal answers stay off it. This
-- version fills it from board_points (all topics, guild and DM scopes), which V10 rebuilt from the attempts.
CREATE TABLE everywhere_points (
  period    TEXT    NOT NULL,
  person_id BIGINT  NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  points    INTEGER NOT NULL,
  answers   INTEGER NOT NULL,
  PRIMARY KEY (period, person_id)
);
CREATE INDEX everywhere_points_ranked ON everywhere_points (period, points DESC, person_id);
CREATE INDEX everywhere_points_by_person ON everywhere_points (person_id);
INSERT INTO everywhere_points (period, person_id, points, answers)
SELECT b.period, b.person_id, SUM(b.points), SUM(b.answers)
FROM board_points b JOIN scopes s ON s.id = b.scope_id
WHERE b.topic = '' AND s.kind IN ('guild', 'dm')
GROUP BY b.period, b.person_id;
