-- attempts.verdict held the display label ('partially correct'), read back with a silent fallback to
-- 'incorrect'. It now holds the enum name (PARTIALLY_CORRECT), read back strictly. Labels of every released
-- version are converted; anything else is left as it is and reported when read.
UPDATE attempts SET verdict = CASE verdict
    WHEN 'correct' THEN 'CORRECT'
    WHEN 'partially correct' THEN 'PARTIALLY_CORRECT'
    WHEN 'incorrect' THEN 'INCORRECT'
    WHEN 'off-topic' THEN 'OFF_TOPIC'
    ELSE verdict
  END
WHERE verdict IN ('correct', 'partially correct', 'incorrect', 'off-topic');
