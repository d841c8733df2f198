package dev.interviewtutor.ops;

import java.util.Optional;
import java.util.function.Supplier;

/** One condition of readiness (the database is reachable, the Discord gateway is connected). */
public interface HealthCheck {
  /** Short and stable: the key in {@code /health/ready}'s JSON. */
  String name();

  /**
   * Empty when ready, otherwise why not, in a short sentence for an operator (no secrets: it is
   * served over HTTP). May throw; a thrown exception counts as not ready.
   */
  Optional<String> problem();

  /** A check from a name and a function. */
  static HealthCheck of(String name, Supplier<Optional<String>> problem) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> problem() {
        return problem.get();
      }
    };
  }

  /**
   * A check that is ready when {@code probe} returns, and not ready (with the exception's message)
   * when it throws.
   */
  static HealthCheck succeeds(String name, Runnable probe) {
    return of(
        name,
        () -> {
          probe.run();
          return Optional.empty();
        });
  }
}
