package dev.interviewtutor.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the readiness checks, each within {@link #timeout}: a database server that does not answer
 * makes the process "not ready" in seconds instead of holding the health request for its connection
 * timeout. Thread-safe.
 */
public final class Readiness implements AutoCloseable {
  /** How long one check may take before it counts as not ready. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private final List<HealthCheck> checks;
  private final Duration timeout;
  private final ExecutorService executor;

  public Readiness(List<HealthCheck> checks) {
    this(checks, DEFAULT_TIMEOUT);
  }

  public Readiness(List<HealthCheck> checks, Duration timeout) {
    this.checks = List.copyOf(checks);
    this.timeout = timeout;
    AtomicInteger n = new AtomicInteger();
    // A few threads: a hung check is abandoned after its timeout and must not starve the next
    // request's checks.
    this.executor =
        Executors.newFixedThreadPool(
            Math.max(2, this.checks.size() * 2),
            r -> {
              Thread t = new Thread(r, "tutor-health-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The result of one round of checks.
   *
   * @param ready whether every check passed
   * @param checks per check, in order: "ok" or why not
   */
  public record Report(boolean ready, Map<String, String> checks) {
    public Report {
      checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }
  }

  /** Runs every check (concurrently) and reports. */
  public Report check() {
    Map<String, Future<Optional<String>>> running = new LinkedHashMap<>();
    for (HealthCheck check : checks) {
      running.put(check.name(), CompletableFuture.supplyAsync(check::problem, executor));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> results = new LinkedHashMap<>();
    boolean ready = true;
    for (Map.Entry<String, Future<Optional<String>>> entry : running.entrySet()) {
      Optional<String> problem = outcome(entry.getValue(), deadline);
      ready &= problem.isEmpty();
      results.put(entry.getKey(), problem.orElse("ok"));
    }
    return new Report(ready, results);
  }

  private Optional<String> outcome(Future<Optional<String>> future, long deadline) {
    try {
      Optional<String> problem =
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return problem == null ? Optional.empty() : problem;
    } catch (TimeoutException e) {
      future.cancel(true);
      return Optional.of("no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = cause.getMessage();
      return Optional.of(
          message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
