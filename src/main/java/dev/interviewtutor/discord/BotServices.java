package dev.interviewtutor.discord;

import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.ops.HealthCheck;
import dev.interviewtutor.ops.TutorMetrics;
import dev.interviewtutor.practice.PracticeService;
import java.time.Clock;
import java.util.List;

/**
 * What the bot works with: the practice engine (banks, grader, database), a clock, resources to close on
 * shutdown (the database), where to report metrics, and what must hold for the bot to be ready (besides the
 * Discord gateway: the database). Built once by the launcher (or a test).
 */
public record BotServices(PracticeService practice, Clock clock, List<AutoCloseable> closeables,
    TutorMetrics metrics, List<HealthCheck> healthChecks) {
  public BotServices {
    closeables = List.copyOf(closeables);
    healthChecks = List.copyOf(healthChecks);
  }

  /** Without metrics or health checks. */
  public BotServices(PracticeService practice, Clock clock, List<AutoCloseable> closeables) {
    this(practice, clock, closeables, TutorMetrics.NONE, List.of());
  }

  public QuestionBank bank() {
    return practice.bank();
  }
}
