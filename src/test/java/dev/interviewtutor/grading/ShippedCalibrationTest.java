package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.eval.Calibration;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedCalibrationTest {
  private static final ShippedCalibration SHIPPED = ShippedCalibration.shipped();

  @Test
  void should_ship_a_calibration_fitted_on_public_training_data_only_with_its_provenance() {
    ShippedCalibration.Spec spec = SHIPPED.spec();
    assertEquals("calibration-v1", spec.version());
    assertEquals(
        OfflineGrader.FEATURE_NAMES,
        spec.features(),
        "re-run tutor train after changing the features");
    assertTrue(spec.command().startsWith("tutor train --out "), spec.command());
    assertFalse(spec.created().isBlank());
    assertFalse(spec.datasets().isEmpty());
    for (ShippedCalibration.DatasetUse d : spec.datasets()) {
      assertTrue(
          List.of(
                  "mohler/mohler_2273.tsv",
                  "scientsbank/scientsbank_train.tsv",
                  "beetle/beetle_train.tsv")
              .contains(d.file()),
          "a training file, never bank-dev or a test split: " + d.file());
      assertTrue(d.rows() > 100, d + " has too few rows for the shipped fit");
    }
    assertTrue(spec.target().contains("0-1 quality"), spec.target());
  }

  @Test
  void should_be_what_every_default_grader_uses() {
    assertSame(SHIPPED, OfflineGrader.withDefaultModel().calibration());
    assertSame(
        SHIPPED,
        new OfflineGrader(OnnxSentenceEncoder.shared(EmbeddingModelChoice.DEFAULT)).calibration());
  }

  @Test
  void should_never_lift_a_flagged_answer_above_its_hand_set_score() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double[] features = randomFeatures(random);
      int hand = random.nextInt(101);
      int calibrated = SHIPPED.score(features, hand, false);
      assertEquals((int) Math.round(100 * SHIPPED.quality(features)), calibrated);
      assertEquals(Math.min(hand, calibrated), SHIPPED.score(features, hand, true));
      assertTrue(calibrated >= 0 && calibrated <= 100);
    }
  }

  @Test
  void should_keep_a_stated_misconception_below_correct_after_calibration() {
    Rubric rubric =
        new Rubric(
            "t1",
            "How does a web server handle many requests at once?",
            "",
            List.of(
                new dev.interviewtutor.knowledge.KeyPoint(
                    "kp1",
                    "An event loop handles many connections on one thread "
                        + "with non-blocking I/O",
                    1.0,
                    List.of(),
                    "explanation")),
            List.of(
                new dev.interviewtutor.knowledge.Misconception(
                    "m1",
                    "The server starts a new thread for every "
                        + "request, so each request runs in parallel",
                    "Threads per request is what the event loop avoids",
                    "test")),
            List.of(),
            Map.of(),
            "An event loop handles many connections on one thread with non-blocking I/O.",
            "",
            "v1");
    String answer =
        "The server starts a new thread for every request, so each request runs in parallel.";
    OfflineGrader shipped = OfflineGrader.withDefaultModel();
    OfflineGrader hand = new OfflineGrader(shipped.encoder(), ScoreCalibration.NONE);
    Grade g = shipped.grade(rubric, answer);
    assertFalse(g.misconceptions().isEmpty(), "the misconception is named: " + g);
    assertTrue(g.score() < 70 && g.verdict() != Verdict.CORRECT, "score " + g.score());
    assertTrue(
        g.score() <= hand.grade(rubric, answer).score(),
        "calibration never lifts a flagged answer");
  }

  @Test
  void should_grade_an_unflagged_answer_with_the_fitted_mapping_of_its_features() {
    Rubric rubric =
        ReferenceAnswerRubrics.of(
            "q", "What is a stack?", "A stack is a last-in, first-out structure.");
    OfflineGrader grader = OfflineGrader.withDefaultModel();
    OfflineGrader.Analysis a =
        grader.analyse(rubric, "A stack is last in, first out: you pop what you pushed last.");
    assertTrue(a.grade().misconceptions().isEmpty());
    assertEquals((int) Math.round(100 * SHIPPED.quality(a.features())), a.grade().score());
  }

  @Test
  void should_write_and_read_back_a_fitted_calibration(@TempDir Path dir) throws Exception {
    Random random = new Random(3);
    List<double[]> x = new ArrayList<>();
    double[] y = new double[300];
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double[] f = randomFeatures(random);
      x.add(f);
      y[i] = Math.max(0, Math.min(1, 0.8 * f[1] + 0.2 * f[2]));
      groups.add("g" + i % 5);
    }
    int[] interacting =
        OfflineGrader.INTERACTING_FEATURES.stream()
            .mapToInt(OfflineGrader.FEATURE_NAMES::indexOf)
            .toArray();
    Calibration.Regressor r = Calibration.fitRegressor(x, y, groups, 1.0, interacting);
    ShippedCalibration written =
        ShippedCalibration.of(
            r,
            "calibration-test",
            "2026-12-02T00:00:00Z",
            "tutor train --out x",
            "0-1 quality",
            List.of(new ShippedCalibration.DatasetUse("mohler", "m.tsv", 300, 0, "s/5")),
            Map.of("rows", 300),
            new SampleVote(0.6, 0.525));
    Path file = dir.resolve("sub/cal.json");
    written.write(file);
    ShippedCalibration read = ShippedCalibration.read(file);
    assertEquals("calibration-test", read.version());
    assertEquals(new SampleVote(0.6, 0.525), read.sampleVote().orElseThrow());
    for (double[] f : x.subList(0, 50)) {
      assertEquals(r.predict(f), read.quality(f), 1e-12);
    }
    // the fit learnt the relation: more coverage, higher quality
    double[] low = x.get(0).clone();
    double[] high = x.get(0).clone();
    low[1] = 0.1;
    high[1] = 0.9;
    assertTrue(read.quality(high) > read.quality(low));
  }

  @Test
  void should_refuse_a_file_fitted_on_other_features_with_a_clear_message(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("old.json");
    String json =
        Files.readString(Path.of("src/main/resources/grading/calibration-v1.json"))
            .replaceFirst("\"score\"", "\"old_score\"");
    Files.writeString(file, json);
    UserFacingException e =
        assertThrows(UserFacingException.class, () -> ShippedCalibration.read(file));
    assertTrue(e.getMessage().contains("re-run `tutor train`"), e.getMessage());
    UserFacingException missing =
        assertThrows(
            UserFacingException.class, () -> ShippedCalibration.read(dir.resolve("no.json")));
    assertTrue(missing.getMessage().contains("no such calibration file"), missing.getMessage());
  }

  private static double[] randomFeatures(Random random) {
    double[] f = new double[OfflineGrader.FEATURE_NAMES.size()];
    for (int j = 0; j < f.length; j++) {
      f[j] = random.nextDouble();
    }
    f[OfflineGrader.FEATURE_NAMES.indexOf("log_tokens")] = 1 + 4 * random.nextDouble();
    f[OfflineGrader.FEATURE_NAMES.indexOf("misconceptions")] = random.nextInt(2);
    f[OfflineGrader.FEATURE_NAMES.size() - 1] = 0;
    return f;
  }
}
