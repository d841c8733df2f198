package dev.interviewtutor.discord;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (grading) off JDA's event threads, after the interaction has been acknowledged. Counts work in
 * flight, until its reply is handed to JDA, so shutdown can let it finish and deliver.
 */
public final class GradingPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GradingPool.class);
  private final ExecutorService executor;
  private final AtomicInteger inFlight = new AtomicInteger();

  public GradingPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tutor-grading-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public void submit(String what, Runnable work) {
    submit(what, CompletableFuture.completedFuture(null), work);
  }

  /**
   * Runs {@code work} and counts it in flight until both the work finished and {@code acknowledged} (the deferred
   * reply the work answers through) completed. JDA holds requests made through an interaction hook until Discord
   * confirmed the acknowledgement; work that finishes before that has only parked its reply in the hook, and a
   * stop at that moment would shut JDA's requester before the reply is handed to it, losing it.
   */
  public void submit(String what, CompletionStage<?> acknowledged, Runnable work) {
    inFlight.incrementAndGet();
    AtomicInteger parts = new AtomicInteger(2);
    Runnable partDone = () -> {
      if (parts.decrementAndGet() == 0) {
        synchronized (inFlight) {
          inFlight.decrementAndGet();
          inFlight.notifyAll();
        }
      }
    };
    acknowledged.whenComplete((ok, err) -> {
      if (err != null) {
        LOG.warn("{}: acknowledging the interaction failed: {}", what, err.toString());
      }
      partDone.run();
    });
    Runnable tracked = () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", what, e);
      } finally {
        partDone.run();
      }
    };
    try {
      executor.execute(tracked);
    } catch (RejectedExecutionException e) {
      // Accepted just before the stop (already acknowledged): finish it here rather than drop it.
      tracked.run();
    }
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** Stops taking work and waits for work in flight; returns false if it did not finish in time. */
  public boolean drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      synchronized (inFlight) {
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
          inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      }
      executor.shutdown();
      return executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    drain(Duration.ofSeconds(30));
  }
}
