package dev.interviewtutor.grading.llm;

import static dev.interviewtutor.grading.llm.LlmStub.json;
import static dev.interviewtutor.grading.llm.LlmStub.kp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.SqliteGradeCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same answer keeps its LLM grade across a restart, from the SQLite cache, with no new request.
 */
class PersistentGradeCacheTest {
  private static final String ANSWER =
      "Node.js runs JavaScript on a single thread with an event loop.";

  private static LlmServices services(LlmStub stub, Database db) {
    return LlmServices.fromConfig(
            Fixtures.config("openai", stub.baseUrl(), Duration.ofSeconds(10), 100),
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> {}),
            Clock.systemUTC())
        .orElseThrow()
        .withPersistentCache(new SqliteGradeCache(db, Clock.systemUTC()));
  }

  @Test
  void should_keep_grades_across_a_restart(@TempDir Path dir) throws Exception {
    try (LlmStub stub = LlmStub.start(LlmStub.Shape.OPENAI)) {
      stub.content(
          json(
              Map.of(
                  "keyPoints",
                  List.of(
                      kp("kp1", "covered", "runs JavaScript on a single thread with an event loop"),
                      kp("kp2", "missed", ""),
                      kp("kp3", "missed", "")),
                  "misconceptions",
                  List.of(),
                  "score",
                  50,
                  "feedback",
                  "Now add clustering.")));
      Grade first;
      try (Database db = Database.open(dir.resolve("tutor.db"))) {
        first = services(stub, db).grader().grade(Fixtures.nodeScaling(), ANSWER);
      }

      Grade again;
      try (Database db = Database.open(dir.resolve("tutor.db"))) {
        again = services(stub, db).grader().grade(Fixtures.nodeScaling(), ANSWER);
      }

      assertEquals(first, again);
      assertEquals(50, again.score());
      assertEquals(1, stub.requests().size(), "the second process answered from the database");
    }
  }
}
