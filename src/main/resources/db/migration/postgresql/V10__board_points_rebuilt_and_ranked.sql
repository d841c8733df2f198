-- Leaderboards at any number of attempts (docs/store-benchmark.md). board_points holds one row per scope, period
-- ('all', 'w:2026-W48', 'm:2026-11' of the attempt's local day), topic ('' = all topics) and person, kept in the
-- transaction of every attempt write. This version rebuilds it from the attempts themselves, so an upgraded
-- database starts with totals that equal the aggregate over its attempts, and adds the ranked index that serves
-- a board's top N (an index range read in order) and a person's rank (a count of the entries above theirs)
-- without sorting or scanning the whole board.
DELETE FROM board_points;
INSERT INTO board_points (scope_id, period, topic, person_id, points, answers)
SELECT scope_id, period, topic, person_id, SUM(points), COUNT(*) FROM (
    SELECT scope_id, 'all' AS period, '' AS topic, person_id, points FROM attempts
  UNION ALL
    SELECT scope_id, 'w:' || to_char(local_day::date, 'IYYY-"W"IW'), '', person_id, points FROM attempts
  UNION ALL
    SELECT scope_id, 'm:' || substr(local_day, 1, 7), '', person_id, points FROM attempts
  UNION ALL
    SELECT scope_id, 'all', topic, person_id, points FROM attempts WHERE topic <> ''
  UNION ALL
    SELECT scope_id, 'w:' || to_char(local_day::date, 'IYYY-"W"IW'), topic, person_id, points FROM attempts WHERE topic <> ''
  UNION ALL
    SELECT scope_id, 'm:' || substr(local_day, 1, 7), topic, person_id, points FROM attempts WHERE topic <> ''
) AS a GROUP BY scope_id, period, topic, person_id;
CREATE INDEX board_points_ranked ON board_points (scope_id, period, topic, points DESC, person_id);
