package dev.interviewtutor.discord;

import dev.interviewtutor.ops.TutorMetrics;
import dev.interviewtutor.practice.DailyQuiz;
import dev.interviewtutor.practice.DuePost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each server's daily question at its local time. Every tick asks the practice engine which
 * posts are due at the clock's instant (local time resolved per server and date, so DST changes are
 * honoured; a bot that was down posts the latest missed question once on return) and publishes
 * those of the servers on this process's gateway shards; the publisher's claim in the database
 * keeps a second process holding the same shard from posting it too. In production it ticks every
 * {@link #PERIOD}; tests call {@link #tick()} with a clock they move.
 */
public final class DailyQuizScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DailyQuizScheduler.class);
  public static final Duration PERIOD = Duration.ofSeconds(30);

  private final DailyQuiz daily;
  private final ShardManager shards;
  private final DailyPostQueue queue;
  private final Clock clock;
  private final TutorMetrics metrics;

  /**
   * Lapsed publishing claims are forgotten this long after they lapsed, at most once per {@link
   * #PRUNE_EVERY}.
   */
  static final Duration KEEP_CLAIMS = Duration.ofDays(3);

  static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private Instant lastPrune = Instant.MIN;

  /** How long {@link #close()} waits for a tick in progress. */
  static final Duration STOP_WAIT = Duration.ofSeconds(20);

  /**
   * Guards {@link #executor}; not the tick's monitor, so stopping never waits behind a tick to get
   * the executor.
   */
  private final Object lifecycle = new Object();

  private ScheduledExecutorService executor;

  public DailyQuizScheduler(
      DailyQuiz daily, DailyPublisher publisher, ShardManager shards, Clock clock) {
    this(daily, publisher, shards, clock, TutorMetrics.NONE);
  }

  /**
   * As {@link #DailyQuizScheduler(DailyQuiz, DailyPublisher, ShardManager, Clock)}, counting each
   * post's outcome.
   */
  public DailyQuizScheduler(
      DailyQuiz daily,
      DailyPublisher publisher,
      ShardManager shards,
      Clock clock,
      TutorMetrics metrics) {
    this.daily = daily;
    this.shards = shards;
    this.clock = clock;
    this.metrics = metrics;
    this.queue =
        new DailyPostQueue(
            publisher,
            DailyBacklog.of(daily),
            clock,
            DailyPostQueue.paceFor((int) shards.getShardCache().size(), shards.getShardsTotal()));
  }

  /**
   * Publishes everything due now on this process's shards, paced within Discord's rate limits (a
   * busy minute takes a while: {@link DailyPostQueue}); returns what happened to each post, in due
   * order (one per due server here; servers on other processes' shards are theirs).
   */
  public synchronized List<DailyPublisher.Outcome> tick() {
    Instant now = clock.instant();
    List<DailyPostQueue.Job> jobs = new ArrayList<>();
    List<DuePost> duePosts = daily.duePosts(now);
    Map<Long, Integer> reveals = duePosts.isEmpty() ? Map.of() : daily.unrevealedCounts();
    for (DuePost due : duePosts) {
      Optional<JDA> shard = TutorBot.shardOf(shards, Long.parseLong(due.settings().scope().key()));
      int toReveal = reveals.getOrDefault(due.settings().scope().id(), 0);
      shard.ifPresent(jda -> jobs.add(new DailyPostQueue.Job(jda, due, toReveal)));
    }
    // The longest-waiting first (a catch-up after downtime), then in the order they fell due.
    jobs.sort(java.util.Comparator.comparing(j -> j.due().scheduledAt()));
    List<DailyPublisher.Outcome> outcomes = queue.publish(jobs);
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
      lastPrune = now;
      daily.pruneClaims(now.minus(KEEP_CLAIMS));
    }
    for (DailyPublisher.Outcome outcome : outcomes) {
      metrics.dailyPost(
          outcome instanceof DailyPublisher.Outcome.Posted
              ? "posted"
              : outcome instanceof DailyPublisher.Outcome.Paused ? "paused" : "retry");
    }
    return outcomes;
  }

  /**
   * Ticks every {@code period} on a daemon thread, the first tick at once (catch-up after a
   * restart).
   */
  public DailyQuizScheduler start(Duration period) {
    synchronized (lifecycle) {
      startLocked(period);
    }
    return this;
  }

  private void startLocked(Duration period) {
    if (executor == null) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "daily-quiz-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::tickSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
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
   * Stops ticking and waits (up to {@link #STOP_WAIT}) for a tick in progress to finish its posts,
   * so the database is never closed under it; a tick still running then is interrupted.
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
        LOG.warn(
            "a daily post was still in progress after {} s; interrupting it",
            STOP_WAIT.toSeconds());
        running.shutdownNow();
        running.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.shutdownNow();
    }
  }
}
