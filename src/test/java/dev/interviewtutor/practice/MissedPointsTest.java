package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.Rubric;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which missed key points a front-end lists, in which order, and what it says about the rest. */
class MissedPointsTest {
  // rubric order is not weight order: kp5 (3) is the heaviest, then kp3 (2), then kp7 (1.5)
  static final Rubric RUBRIC = FixedCoverageGrader.rubric("1", 1, 1, 2, 1, 3, 1, 1.5, 1);

  static MissedPoints missed(String... covered) {
    Grade grade = new FixedCoverageGrader(Set.of(covered)).grade(RUBRIC, "an answer");
    return MissedPoints.of(grade, RUBRIC);
  }

  static List<String> ids(MissedPoints m) {
    return m.shown().stream().map(KeyPointResult::keyPointId).toList();
  }

  @Test
  void an_answer_that_covers_nothing_lists_the_three_heaviest_and_counts_the_rest() {
    MissedPoints m = missed();

    assertEquals(List.of("kp5", "kp3", "kp7"), ids(m));
    assertEquals(5, m.more());
    assertEquals(Optional.of("… and 5 more"), m.moreLine());
  }

  @Test
  void an_answer_that_covers_something_lists_up_to_five_heaviest_first_equal_weights_in_order() {
    MissedPoints m = missed("kp1");

    assertEquals(List.of("kp5", "kp3", "kp7", "kp2", "kp4"), ids(m));
    assertEquals(Optional.of("… and 2 more"), m.moreLine());
  }

  @Test
  void a_few_missed_points_are_all_listed_without_a_more_line() {
    MissedPoints m = missed("kp1", "kp2", "kp4", "kp6");

    assertEquals(List.of("kp5", "kp3", "kp7", "kp8"), ids(m));
    assertEquals(0, m.more());
    assertEquals(Optional.empty(), m.moreLine());
  }

  @Test
  void a_partly_covered_point_counts_as_covered_for_the_cap() {
    Grade grade =
        new Grade(
            "1",
            10,
            Verdict.INCORRECT,
            RUBRIC.keyPoints().stream()
                .map(
                    k ->
                        new KeyPointResult(
                            k.id(),
                            k.text(),
                            k.id().equals("kp8") ? Coverage.PARTIAL : Coverage.MISSED,
                            ""))
                .toList(),
            List.of(),
            "",
            "",
            "test",
            List.of());

    MissedPoints m = MissedPoints.of(grade, RUBRIC);

    assertEquals(List.of("kp5", "kp3", "kp7", "kp1", "kp2"), ids(m));
    assertEquals(2, m.more());
  }

  @Test
  void a_stored_point_the_rubric_no_longer_has_weighs_like_a_plain_bullet() {
    Grade grade =
        new Grade(
            "1",
            0,
            Verdict.INCORRECT,
            List.of(
                new KeyPointResult("gone", "a point since edited away", Coverage.MISSED, ""),
                new KeyPointResult("kp5", "point 5", Coverage.MISSED, ""),
                new KeyPointResult("kp1", "point 1", Coverage.MISSED, ""),
                new KeyPointResult("kp2", "point 2", Coverage.MISSED, "")),
            List.of(),
            "",
            "",
            "test",
            List.of());

    MissedPoints m = MissedPoints.of(grade, RUBRIC);

    assertEquals(List.of("kp5", "gone", "kp1"), ids(m));
    assertEquals(1, m.more());
  }
}
