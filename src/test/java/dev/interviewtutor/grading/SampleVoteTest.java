package dev.interviewtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleVoteTest {

  @Test
  void should_follow_a_close_sample_and_ignore_far_ones() {
    // one incorrect sample almost the same as the answer: the vote follows it
    double close = SampleVote.vote(new double[] {0.97, 0.40}, new double[] {0, 1}, 0.8);
    assertTrue(close < 0.2, "vote " + close);
    // every sample far from the answer: the grader's own quality decides
    double far = SampleVote.vote(new double[] {0.25, 0.20}, new double[] {0, 0}, 0.8);
    assertEquals(0.8, far, 0.03);
  }

  @Test
  void should_let_only_the_nearest_samples_vote() {
    double[] cosines = new double[SampleVote.K + 5];
    double[] qualities = new double[cosines.length];
    for (int i = 0; i < cosines.length; i++) {
      // the K nearest are correct, the rest (farther) incorrect
      cosines[i] = i < SampleVote.K ? 0.9 : 0.89;
      qualities[i] = i < SampleVote.K ? 1 : 0;
    }
    assertTrue(SampleVote.vote(cosines, qualities, 0.5) > 0.95);
  }

  @Test
  void should_put_the_threshold_on_the_correct_line_and_never_raise_a_flagged_answer() {
    SampleVote v = new SampleVote(0.5, 0.6);
    // blended (0.4 + 0.8) / 2 = 0.6: exactly the threshold, so exactly "correct"
    assertEquals(70, v.score(40, 0.8, false));
    assertEquals(40, v.score(40, 1.0, true), "a flagged answer is not lifted");
    assertTrue(v.score(40, 0.0, true) < 40, "but it may be lowered");
    assertEquals(0, v.score(0, 0, false));
    assertEquals(100, v.score(100, 1, false));
  }

  @Test
  void should_fit_a_weight_that_uses_the_votes_when_they_tell_right_from_wrong() {
    // scores say nothing (all 50); votes separate the labels
    int n = 40;
    double[] scores = new double[n];
    double[] votes = new double[n];
    boolean[] correct = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = 50;
      correct[i] = i % 2 == 0;
      votes[i] = correct[i] ? 0.9 : 0.1;
    }
    SampleVote.Fit fit = SampleVote.fit(scores, votes, correct);
    assertEquals(1.0, fit.macroF1(), 1e-9);
    assertTrue(fit.vote().weight() > 0);
  }

  @Test
  void should_refuse_impossible_parameters() {
    assertThrows(IllegalArgumentException.class, () -> new SampleVote(1.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new SampleVote(0.5, 1.0));
  }
}
