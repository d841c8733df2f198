package dev.interviewtutor.discord;

import dev.interviewtutor.config.TutorConfig;
import java.time.Instant;

/**
 * Shared by every command of one running bot.
 *
 * @param config the configuration
 * @param services banks, grader, clock, resources
 * @param limiter graded answers per person per minute
 * @param grading where slow work runs after an interaction is acknowledged
 * @param adminWork where {@code /daily now} and {@code /daily reveal} run: blocking REST calls for
 *     one server (a rate-limit stall can hold them for minutes), kept off the grading pool
 * @param startedAt when the bot started
 */
public record BotContext(
    TutorConfig config,
    BotServices services,
    AnswerRateLimiter limiter,
    GradingPool grading,
    GradingPool adminWork,
    Instant startedAt) {

  /** The application version from the jar manifest, "dev" when run from classes. */
  public static String version() {
    String v = BotContext.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
