-- Fewer random index pages touched per recorded attempt (measured by tutor bench-store, docs/store-benchmark.md):
-- a person's attempts are found through (person_id, question_id, local_day); a board page is a top-N over its
-- (scope, period, topic) primary-key range, small enough (one row per person) to sort per query.
DROP INDEX IF EXISTS attempts_by_person_time;
DROP INDEX IF EXISTS board_points_ranked;
-- Due reviews of one person are read through the primary key prefix (person_id): ~one row per question.
DROP INDEX IF EXISTS reviews_due;
