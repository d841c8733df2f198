package dev.interviewtutor.grading.llm;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Misconception;
import dev.interviewtutor.knowledge.Rubric;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written rubric, configurations pointing at a stub, and a tiny deterministic offline
 * grader.
 */
final class Fixtures {
  static final Path PROMPTS = Path.of("prompts");

  private Fixtures() {}

  static Rubric nodeScaling() {
    return new Rubric(
        "71",
        "How does Node.js scale?",
        "node",
        List.of(
            new KeyPoint(
                "kp1",
                "Node.js runs JavaScript on a single thread with an event loop",
                2.0,
                List.of(),
                "explanation"),
            new KeyPoint(
                "kp2",
                "The cluster module runs several Node processes, one per CPU core",
                1.0,
                List.of(),
                "section:Scaling Methods"),
            new KeyPoint(
                "kp3",
                "Worker threads are for CPU-heavy work",
                1.0,
                List.of(),
                "section:Scaling Methods")),
        List.of(
            new Misconception(
                "m1",
                "use worker threads for I/O operations",
                "I/O is already non-blocking in the event loop",
                "bad-use")),
        List.of("cluster", "new Worker"),
        Map.of(),
        "Node.js runs JavaScript on one thread with an event loop; the cluster module forks one process per core;"
            + " worker threads take CPU-heavy work.",
        "Mention both clustering and worker threads.",
        "v1");
  }

  /**
   * Covers kp1 on "event loop", kp2 on "cluster", kp3 on "worker thread"; m1 on "worker threads for
   * i/o".
   */
  static Grader keywordGrader() {
    Map<String, String> words = Map.of("kp1", "event loop", "kp2", "cluster", "kp3", "cpu");
    return new Grader() {
      @Override
      public Grade grade(Rubric rubric, String answer) {
        String a = answer.toLowerCase(Locale.ROOT);
        List<KeyPointResult> results = new ArrayList<>();
        double total = 0;
        double got = 0;
        for (KeyPoint kp : rubric.keyPoints()) {
          String w = words.getOrDefault(kp.id(), kp.text().toLowerCase(Locale.ROOT));
          boolean hit = a.contains(w);
          total += kp.weight();
          got += hit ? kp.weight() : 0;
          results.add(
              new KeyPointResult(
                  kp.id(), kp.text(), hit ? Coverage.COVERED : Coverage.MISSED, hit ? w : ""));
        }
        List<MisconceptionHit> hits =
            a.contains("worker threads for i/o")
                ? List.of(
                    new MisconceptionHit(
                        "m1",
                        rubric.misconceptions().get(0).text(),
                        rubric.misconceptions().get(0).reason(),
                        "worker threads for I/O"))
                : List.of();
        int score = Math.max(0, (int) Math.round(100 * got / total) - 20 * hits.size());
        Verdict v =
            score >= 75
                ? Verdict.CORRECT
                : score >= 40 ? Verdict.PARTIALLY_CORRECT : Verdict.INCORRECT;
        return new Grade(
            rubric.questionId(),
            score,
            v,
            results,
            hits,
            "offline feedback",
            rubric.tip(),
            "offline",
            List.of());
      }

      @Override
      public String name() {
        return "offline";
      }
    };
  }

  static TutorConfig config(String provider, String baseUrl, Duration timeout, int budget) {
    return new TutorConfig(
        dev.interviewtutor.store.DatabaseTarget.sqlite(Path.of("unused.db")),
        Path.of("knowledge"),
        PROMPTS,
        provider,
        "test-model",
        Optional.ofNullable(baseUrl).map(URI::create),
        "sk-test-secret-123",
        timeout,
        budget,
        true,
        "all",
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        6,
        false,
        new dev.interviewtutor.config.HttpEndpoint(
            dev.interviewtutor.config.HttpEndpoint.DEFAULT_HOST,
            dev.interviewtutor.config.HttpEndpoint.OFF),
        dev.interviewtutor.config.DiscordShards.ALL);
  }
}
