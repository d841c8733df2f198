package dev.interviewtutor.discord;

import dev.interviewtutor.ops.TutorMetrics;
import dev.interviewtutor.practice.DailyQuiz;
import dev.interviewtutor.practice.DuePost;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each server's daily question at its local time. Every tick asks the practice engine which posts are due
 * at the clock's instant (local time resolved per server and date, so DST changes are honoured; a bot that was
 * down posts the latest missed question once on return) and publishes them. In production it ticks every
 * {@link #PERIOD}; tests call {@link #tick()} with a clock they move.
 */
public final class DailyQuizScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DailyQuizScheduler.class);
  public static final Duration PERIOD = Duration.ofSeconds(30);

  private final DailyQuiz daily;
  private final DailyPublisher publisher;
  private final JDA jda;
  private final Clock clock;
  private final TutorMetrics metrics;
  /** How long {@link #close()} waits for a tick in progress. */
  static final Duration STOP_WAIT = Duration.ofSeconds(20);
  /** Guards {@link #executor}; not the tick's monitor, so stopping never waits behind a tick to get the executor. */
  private final Object lifecycle = new Object();
  private ScheduledExecutorService executor;

  public DailyQuizScheduler(DailyQuiz daily, DailyPublisher publisher, JDA jda, Clock clock) {
    this(daily, publisher, jda, clock, TutorMetrics.NONE);
  }

  /** As {@link #DailyQuizScheduler(DailyQuiz, DailyPublisher, JDA, Clock)}, counting each post's outcome. */
  public DailyQuizScheduler(DailyQuiz daily, DailyPublisher publisher, JDA jda, Clock clock, TutorMetrics metrics) {
    this.daily = daily;
    this.publisher = publisher;
    this.jda = jda;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Publishes everything due now; returns what happened to each post (one per due server). */
  public synchronized List<DailyPublisher.Outcome> tick() {
    List<DailyPublisher.Outcome> outcomes = new ArrayList<>();
    for (DuePost due : daily.duePosts(clock.instant())) {
      try {
        outcomes.add(publisher.publishScheduled(jda, due));
      } catch (RuntimeException e) {
        Failures.log("daily post for server " + due.settings().scope().key() + " on " + due.date()
            + " (retrying at the next tick)", e);
        outcomes.add(new DailyPublisher.Outcome.Retry(e.toString()));
      }
      DailyPublisher.Outcome outcome = outcomes.get(outcomes.size() - 1);
      metrics.dailyPost(outcome instanceof DailyPublisher.Outcome.Posted ? "posted"
          : outcome instanceof DailyPublisher.Outcome.Paused ? "paused" : "retry");
    }
    return outcomes;
  }

  /** Ticks every {@code period} on a daemon thread, the first tick at once (catch-up after a restart). */
  public DailyQuizScheduler start(Duration period) {
    synchronized (lifecycle) {
      startLocked(period);
    }
    return this;
  }

  private void startLocked(Duration period) {
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "daily-quiz-scheduler");
        t.setDaemon(true);
        return t;
      });
      executor.scheduleWithFixedDelay(this::tickSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      Failures.log("daily scheduler tick", e);
    }
  }

  /**
   * Stops ticking and waits (up to {@link #STOP_WAIT}) for a tick in progress to finish its posts, so the
   * database is never closed under it; a tick still running then is interrupted.
   */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (lifecycle) {
      running = executor;
      executor = null;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a daily post was still in progress after {} s; interrupting it", STOP_WAIT.toSeconds());
        running.shutdownNow();
        running.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.shutdownNow();
    }
  }
}
