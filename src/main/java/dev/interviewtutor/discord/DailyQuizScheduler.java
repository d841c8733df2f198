package dev.interviewtutor.discord;

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
  private ScheduledExecutorService executor;

  public DailyQuizScheduler(DailyQuiz daily, DailyPublisher publisher, JDA jda, Clock clock) {
    this.daily = daily;
    this.publisher = publisher;
    this.jda = jda;
    this.clock = clock;
  }

  /** Publishes everything due now; returns what happened to each post (one per due server). */
  public synchronized List<DailyPublisher.Outcome> tick() {
    List<DailyPublisher.Outcome> outcomes = new ArrayList<>();
    for (DuePost due : daily.duePosts(clock.instant())) {
      try {
        outcomes.add(publisher.publishScheduled(jda, due));
      } catch (RuntimeException e) {
        LOG.error("daily post for server {} on {} failed; retrying at the next tick", due.settings().scope().key(),
            due.date(), e);
        outcomes.add(new DailyPublisher.Outcome.Retry(e.toString()));
      }
    }
    return outcomes;
  }

  /** Ticks every {@code period} on a daemon thread, the first tick at once (catch-up after a restart). */
  public synchronized DailyQuizScheduler start(Duration period) {
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "daily-quiz-scheduler");
        t.setDaemon(true);
        return t;
      });
      executor.scheduleWithFixedDelay(this::tickSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("daily scheduler tick failed", e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
