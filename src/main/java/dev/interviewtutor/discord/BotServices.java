package dev.interviewtutor.discord;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.ops.HealthCheck;
import dev.interviewtutor.ops.TutorMetrics;
import dev.interviewtutor.practice.PracticeService;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the bot works with: the practice engine (banks, grader, database), a clock, resources to
 * close on shutdown (the database), where to report metrics, what must hold for the bot to be ready
 * (besides the Discord gateway: the database), and how to read the knowledge directory again
 * ({@code /tutoradmin reload}). Built once by the launcher (or a test).
 *
 * @param knowledge reads the knowledge directory again (throws {@link
 *     dev.interviewtutor.knowledge.BankException} naming every problem when a bank is bad)
 */
public record BotServices(
    PracticeService practice,
    Clock clock,
    List<AutoCloseable> closeables,
    TutorMetrics metrics,
    List<HealthCheck> healthChecks,
    Supplier<QuestionBank> knowledge) {
  public BotServices {
    closeables = List.copyOf(closeables);
    healthChecks = List.copyOf(healthChecks);
  }

  /**
   * Services whose banks cannot be re-read (tests that build their bank in code), without metrics.
   */
  public BotServices(PracticeService practice, Clock clock, List<AutoCloseable> closeables) {
    this(practice, clock, closeables, TutorMetrics.NONE, List.of());
  }

  /** Without metrics or health checks. */
  public BotServices(
      PracticeService practice,
      Clock clock,
      List<AutoCloseable> closeables,
      Supplier<QuestionBank> knowledge) {
    this(practice, clock, closeables, TutorMetrics.NONE, List.of(), knowledge);
  }

  /** Services whose banks cannot be re-read. */
  public BotServices(
      PracticeService practice,
      Clock clock,
      List<AutoCloseable> closeables,
      TutorMetrics metrics,
      List<HealthCheck> healthChecks) {
    this(
        practice,
        clock,
        closeables,
        metrics,
        healthChecks,
        () -> {
          throw new UserFacingException(
              "This bot's banks were not read from a knowledge directory, so there is"
                  + " nothing to reload.");
        });
  }

  public QuestionBank bank() {
    return practice.bank();
  }
}
