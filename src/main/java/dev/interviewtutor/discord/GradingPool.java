package dev.interviewtutor.discord;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (grading) off JDA's event threads, after the interaction has been acknowledged. Counts work in
 * flight so shutdown can let it finish.
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
    inFlight.incrementAndGet();
    Runnable tracked = () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", what, e);
      } finally {
        synchronized (inFlight) {
          inFlight.decrementAndGet();
          inFlight.notifyAll();
        }
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
