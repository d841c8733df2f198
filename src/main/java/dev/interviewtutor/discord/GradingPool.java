package dev.interviewtutor.discord;

import dev.interviewtutor.ops.TutorMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (grading) off JDA's event threads, after the interaction has been acknowledged.
 * Counts work in flight until its reply has been delivered (Discord answered the request {@link
 * Replies} sent for it, see {@link #deliveryOf}), so a stop can let it finish and deliver before
 * JDA is shut down. Work that fails is never silent: {@link #deferred} edits the deferred reply
 * with a sentence saying what happened ({@link Failures}), so no member is left looking at
 * "thinking…" until the token expires.
 */
public final class GradingPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GradingPool.class);

  /** The pooled work running on this thread, if any. */
  private static final ThreadLocal<Parts> CURRENT = new ThreadLocal<>();

  private final ExecutorService executor;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final TutorMetrics metrics;

  public GradingPool(int threads) {
    this(threads, "tutor-grading");
  }

  /** A pool of {@code threads} daemon threads named {@code name-1}, {@code name-2}, ... */
  public GradingPool(int threads, String name) {
    this(threads, name, TutorMetrics.NONE);
  }

  /**
   * As {@link #GradingPool(int, String)}, reporting how long acknowledgements took to {@code
   * metrics}.
   */
  public GradingPool(int threads, String name, TutorMetrics metrics) {
    this.metrics = metrics;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Acknowledges the interaction with a deferred reply first, then runs {@code work} with its hook
   * on the pool. If the work throws, the deferred reply is edited to say what happened: the message
   * of an error the member can fix, "the tutor is busy" for an operator's problem (logged with its
   * details), an apology for a bug.
   */
  public void deferred(
      String what, IReplyCallback event, boolean ephemeral, Consumer<InteractionHook> work) {
    InteractionHook hook = event.getHook();
    Instant created = event.getTimeCreated().toInstant();
    CompletableFuture<InteractionHook> acknowledged = event.deferReply(ephemeral).submit();
    // From the interaction's id (Discord's clock) to Discord's answer: what Discord's 3 s limit is
    // about.
    acknowledged.thenRun(() -> metrics.acknowledged(Duration.between(created, Instant.now())));
    submit(
        what,
        acknowledged,
        () -> work.accept(hook),
        failure -> Replies.editOriginal(hook, Failures.forMember(what, failure)));
  }

  /**
   * Runs work that answers by other means than a hook (a plain message); {@code tell} gets the
   * failure's sentence.
   */
  public void submit(String what, Runnable work, Consumer<String> tell) {
    submit(
        what,
        CompletableFuture.completedFuture(null),
        work,
        failure -> tell.accept(Failures.forMember(what, failure)));
  }

  /**
   * Keeps the pooled work running on this thread in flight until {@code delivery} (a request it
   * handed to JDA: its reply) completes, whichever way. Handing a request to JDA only queues it; a
   * stop that went on to shut JDA down at that moment would race the request's sending (JDA's shard
   * manager stops its shared request threads at once), so the stop waits for the delivery itself.
   * Outside pooled work (an event handler replying directly) it does nothing.
   */
  static void deliveryOf(CompletionStage<?> delivery) {
    Parts parts = CURRENT.get();
    if (parts == null) {
      return;
    }
    // The work is still running (it holds a part), so the count cannot have reached 0 yet.
    parts.left.incrementAndGet();
    delivery.whenComplete((ok, err) -> parts.done());
  }

  /**
   * Runs {@code work} and counts it in flight until the work finished, {@code acknowledged} (the
   * deferred reply the work answers through) completed and every reply it sent through {@link
   * Replies} was delivered ({@link #deliveryOf}). JDA holds requests made through an interaction
   * hook until Discord confirmed the acknowledgement; work that finishes before that has only
   * parked its reply in the hook, and a stop at that moment would shut JDA's requester before the
   * reply is handed to it, losing it.
   */
  void submit(
      String what, CompletionStage<?> acknowledged, Runnable work, Consumer<Throwable> onFailure) {
    inFlight.incrementAndGet();
    // the work itself and the acknowledgement; deliveryOf adds one per reply
    Parts parts = new Parts(2);
    Runnable partDone = parts::done;
    acknowledged.whenComplete(
        (ok, err) -> {
          if (err != null) {
            LOG.warn("{}: acknowledging the interaction failed: {}", what, err.toString());
          }
          partDone.run();
        });
    Runnable tracked =
        () -> {
          // Saved and restored: work rejected by a stopped pool runs on the caller's thread, which
          // may itself be running pooled work.
          Parts outer = CURRENT.get();
          CURRENT.set(parts);
          try {
            work.run();
          } catch (RuntimeException | Error e) {
            try {
              onFailure.accept(e);
            } catch (RuntimeException again) {
              Failures.logBug(what + ": telling the member it failed", again);
            }
          } finally {
            if (outer == null) {
              CURRENT.remove();
            } else {
              CURRENT.set(outer);
            }
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

  /** What one piece of work still waits for; it leaves the in-flight count with its last part. */
  private final class Parts {
    final AtomicInteger left;

    Parts(int parts) {
      left = new AtomicInteger(parts);
    }

    void done() {
      if (left.decrementAndGet() == 0) {
        synchronized (inFlight) {
          inFlight.decrementAndGet();
          inFlight.notifyAll();
        }
      }
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
      return executor.awaitTermination(
          Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
