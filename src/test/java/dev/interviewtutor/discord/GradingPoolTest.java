package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work stays in flight until the reply it handed to JDA was delivered, not only queued. */
class GradingPoolTest {
  final GradingPool pool = new GradingPool(1, "test-pool");

  /**
   * Submits work whose acknowledgement never comes, so it stays counted, and returns once it ran:
   * on one thread, in order, everything submitted before it has returned by then.
   */
  void afterEverythingBefore(CompletableFuture<Void> acknowledgement) throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    pool.submit("marker", acknowledgement, ran::countDown, failure -> {});
    assertTrue(ran.await(30, TimeUnit.SECONDS));
  }

  @Test
  void work_counts_in_flight_until_its_reply_is_delivered() throws Exception {
    CompletableFuture<Void> reply = new CompletableFuture<>();
    CompletableFuture<Void> markerAck = new CompletableFuture<>();

    // GIVEN work that hands a reply over (queued, Discord has not answered yet) and returns
    pool.submit("grade", () -> GradingPool.deliveryOf(reply), failure -> {});
    afterEverythingBefore(markerAck);

    // THEN it is still in flight (beside the marker, whose acknowledgement is pending), until
    // Discord answers
    assertEquals(2, pool.inFlight(), "the work waits for its reply's delivery");
    reply.complete(null);
    assertEquals(1, pool.inFlight(), "only the marker is left");
    markerAck.complete(null);
    assertTrue(pool.drain(Duration.ofSeconds(30)));
    assertEquals(0, pool.inFlight());
  }

  @Test
  void a_reply_that_failed_ends_the_work_too() throws Exception {
    CompletableFuture<Void> reply = new CompletableFuture<>();
    CompletableFuture<Void> markerAck = new CompletableFuture<>();

    pool.submit("grade", () -> GradingPool.deliveryOf(reply), failure -> {});
    afterEverythingBefore(markerAck);
    assertEquals(2, pool.inFlight());

    reply.completeExceptionally(new IllegalStateException("Discord refused it"));
    assertEquals(1, pool.inFlight(), "only the marker is left");
    markerAck.complete(null);
    assertTrue(pool.drain(Duration.ofSeconds(30)));
  }

  @Test
  void a_reply_sent_outside_pooled_work_is_not_counted() {
    GradingPool.deliveryOf(new CompletableFuture<>());

    assertEquals(0, pool.inFlight());
    assertTrue(pool.drain(Duration.ofSeconds(30)));
  }
}
