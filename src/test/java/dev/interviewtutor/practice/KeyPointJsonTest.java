package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.KeyPointResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPointJsonTest {
  @Test
  void should_keep_each_points_confidence_through_the_store() {
    List<KeyPointResult> results =
        List.of(
            new KeyPointResult(
                "kp1", "Heap holds objects", Coverage.PARTIAL, "the heap has objects", 0.3),
            new KeyPointResult("kp2", "Stack holds frames", Coverage.MISSED, "", 1.0));
    assertEquals(results, KeyPointJson.read(KeyPointJson.write(results)));
  }

  @Test
  void should_read_rows_stored_before_confidence_existed_as_sure() {
    String old =
        "[{\"id\":\"kp1\",\"text\":\"Heap holds objects\",\"coverage\":\"COVERED\",\"evidence\":\"objects\"}]";
    KeyPointResult r = KeyPointJson.read(old).get(0);
    assertEquals(1.0, r.confidence());
    assertEquals(Coverage.COVERED, r.coverage());
  }
}
