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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.dv8tion.jda.api.JDA;

/**
 * Sends one tick's due daily posts within Discord's global limit (50 requests a second per bot,
 * across all its processes): the posts start at a steady pace, {@code postsPerSecond} apart, on a
 * few workers, so requests never bunch up into 429s and a retry storm; JDA's own buckets still
 * order the requests per channel and retry a 429. A post takes at most four requests (reveal
 * thread, reveal, shared answers, the question), so the default pace of {@link #POSTS_PER_SECOND}
 * stays under 40 a second; a process running part of the shards takes its share of it. At most
 * {@link #MAX_PER_TICK} posts are taken per tick; the rest, and any post that failed, wait for the
 * next tick (never an immediate retry). Each waiting post's expected time is in the {@link
 * DailyBacklog}.
 */
final class DailyPostQueue {
  /** Posts a second for a process running every shard. */
  static final double POSTS_PER_SECOND = 10;

  static final int MAX_PER_TICK = 20_000;
  private static final int WORKERS = 4;

  /** One post to send, on the shard holding its server. */
  record Job(JDA shard, DuePost due) {}

  private final DailyPublisher publisher;
  private final DailyBacklog backlog;
  private final Clock clock;
  private final long intervalNanos;

  DailyPostQueue(
      DailyPublisher publisher, DailyBacklog backlog, Clock clock, double postsPerSecond) {
    this.publisher = publisher;
    this.backlog = backlog;
    this.clock = clock;
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / postsPerSecond);
  }

  /**
   * The share of {@link #POSTS_PER_SECOND} of a process running {@code held} of {@code total}
   * shards.
   */
  static double paceFor(int held, int total) {
    return Math.max(1, POSTS_PER_SECOND * held / Math.max(1, total));
  }

  Duration interval() {
    return Duration.ofNanos(intervalNanos);
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
    long start = System.nanoTime();
    for (int i = 0; i < jobs.size(); i++) {
      DuePost due = jobs.get(i).due();
      backlog.add(
          due.settings().scope().key(), due.scheduledAt(), now.plusNanos(i * intervalNanos));
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
      for (int i = 0; i < jobs.size(); i++) {
        Job job = jobs.get(i);
        long slot = start + i * intervalNanos;
        sent.add(
            workers.submit(
                () -> {
                  String key = job.due().settings().scope().key();
                  try {
                    waitUntil(slot);
                    return publisher.publishScheduled(job.shard(), job.due());
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

  private static void waitUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }
}
