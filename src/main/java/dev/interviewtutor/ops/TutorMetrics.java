package dev.interviewtutor.ops;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where the program reports what operators count and time. Every method is a no-op by default
 * ({@link #NONE}), so code that reports costs nothing when the HTTP endpoint is off; {@link
 * MicrometerMetrics} turns the reports into meters. Implementations are thread-safe and never
 * throw. Tag values are from small fixed sets (command names, failure kinds), never member input.
 */
public interface TutorMetrics {
  /** Reports nothing. */
  TutorMetrics NONE = new TutorMetrics() {};

  /**
   * An interaction reached the bot.
   *
   * @param command the command it belongs to ({@code quiz}, {@code daily}, ...; {@code unknown} for
   *     anything else)
   * @param kind {@code slash}, {@code button}, {@code modal} or {@code autocomplete}
   */
  default void interaction(String command, String kind) {}

  /** Discord confirmed an acknowledgement, {@code latency} after it created the interaction. */
  default void acknowledged(Duration latency) {}

  /**
   * An answer was graded in {@code took}; {@code grader} is the grade's grader (offline, llm,
   * hybrid).
   */
  default void graded(String grader, Duration took) {}

  /**
   * The LLM grader could not grade and the offline grade was used; {@code reason} is the failure
   * kind.
   */
  default void gradingFellBack(String reason) {}

  /** One call to the LLM service answered. */
  default void llmCallSucceeded() {}

  /**
   * One call to the LLM service failed; {@code reason} is the failure kind (timeout, rate_limited,
   * ...).
   */
  default void llmCallFailed(String reason) {}

  /** A scheduled daily question was {@code posted}, or not: {@code paused} or {@code retry}. */
  default void dailyPost(String outcome) {}

  /**
   * The database's connections, read whenever the meters are read. {@code backend} is sqlite or
   * postgresql.
   */
  default void databasePool(String backend, Supplier<PoolUsage> usage) {}
}
