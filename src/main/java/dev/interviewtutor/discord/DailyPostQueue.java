package dev.interviewtutor.discord;

import dev.interviewtutor.practice.DuePost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;

/**
 * Sends one tick's due daily posts within Discord's global limit (50 requests a second per bot,
 * across all its processes): every REST request of a post (each reveal's thread and messages, the
 * question) takes its slot from one {@link RequestPace}, {@link #REQUESTS_PER_SECOND} a second for
 * a process running every shard (15 a second stay free for the bot's other requests: JDA stops
 * every request of the process for a whole second after a global 429, since Discord's Retry-After
 * header counts whole seconds), so requests never bunch up into 429s and a retry storm; JDA's own
 * buckets still order the requests per channel and retry a 429. A process running part of the
 * shards takes its share of the rate. A few workers send the posts in order, so a post waits only
 * for the requests of the posts before it. At most {@link #MAX_PER_TICK} posts are taken per tick;
 * the rest, and any post that failed, wait for the next tick (never an immediate retry). Each
 * waiting post's expected time (from the requests queued before it) is in the {@link DailyBacklog}.
 */
final class DailyPostQueue {
  /** REST requests a second for a process running every shard. */
  static final double REQUESTS_PER_SECOND = 35;

  /**
   * Requests one reveal takes at most: its thread, the answer, and the shared answers when members
   * shared theirs. Waiting times are planned with it, so a post is expected no earlier than it goes
   * out.
   */
  static final int REQUESTS_PER_REVEAL = 3;

  static final int MAX_PER_TICK = 20_000;
  private static final int WORKERS = 4;

  /**
   * One post to send, on the shard holding its server; {@code reveals}: how many earlier posts it
   * reveals first.
   */
  record Job(JDA shard, DuePost due, int reveals) {
    /** The REST requests this post takes at most. */
    int requests() {
      return 1 + REQUESTS_PER_REVEAL * reveals;
    }
  }

  private final DailyPublisher publisher;
  private final DailyBacklog backlog;
  private final Clock clock;
  private final RequestPace pace;

  DailyPostQueue(
      DailyPublisher publisher, DailyBacklog backlog, Clock clock, double requestsPerSecond) {
    this.publisher = publisher;
    this.backlog = backlog;
    this.clock = clock;
    this.pace = RequestPace.perSecond(requestsPerSecond);
  }

  /**
   * The share of {@link #REQUESTS_PER_SECOND} of a process running {@code held} of {@code total}
   * shards.
   */
  static double paceFor(int held, int total) {
    return Math.max(1, REQUESTS_PER_SECOND * held / Math.max(1, total));
  }

  /** The time between two requests. */
  Duration interval() {
    return pace.interval();
  }

  /**
   * Sends the jobs at the pace, in order, and returns each one's outcome (in the same order);
   * blocks until all were tried. Interrupted (the scheduler stopping), it stops starting new ones
   * and returns what was done.
   */
  List<DailyPublisher.Outcome> publish(List<Job> all) {
    List<Job> jobs = all.size() > MAX_PER_TICK ? all.subList(0, MAX_PER_TICK) : all;
    if (jobs.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    long intervalNanos = pace.interval().toNanos();
    long requestsBefore = 0;
    for (Job job : jobs) {
      DuePost due = job.due();
      requestsBefore += job.requests();
      // Expected when its last request (the question) has its slot.
      backlog.add(
          due.settings().scope().key(),
          due.scheduledAt(),
          now.plusNanos((requestsBefore - 1) * intervalNanos));
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            Math.min(WORKERS, jobs.size()),
            r -> {
              Thread t = new Thread(r, "daily-post-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    List<Future<DailyPublisher.Outcome>> sent = new ArrayList<>();
    try {
      for (Job job : jobs) {
        sent.add(
            workers.submit(
                () -> {
                  String key = job.due().settings().scope().key();
                  try {
                    return publisher.publishScheduled(job.shard(), job.due(), pace);
                  } catch (RuntimeException e) {
                    Failures.log(
                        "daily post for server "
                            + key
                            + " on "
                            + job.due().date()
                            + " (retrying at the next"
                            + " tick)",
                        e);
                    return new DailyPublisher.Outcome.Retry(e.toString());
                  } finally {
                    backlog.done(key);
                  }
                }));
      }
      List<DailyPublisher.Outcome> outcomes = new ArrayList<>();
      for (Future<DailyPublisher.Outcome> f : sent) {
        try {
          outcomes.add(f.get());
        } catch (ExecutionException e) {
          outcomes.add(new DailyPublisher.Outcome.Retry(String.valueOf(e.getCause())));
        }
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      workers.shutdownNow();
      jobs.forEach(j -> backlog.done(j.due().settings().scope().key()));
    }
  }
}
