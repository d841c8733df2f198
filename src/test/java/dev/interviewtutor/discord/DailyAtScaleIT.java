package dev.interviewtutor.discord;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size, run by {@code mvn verify} (failsafe): 2,000 servers due in the same minute,
 * against a fake Discord that answers 429 beyond 50 requests a second, all get their question
 * exactly once, with no request refused twice in a row while the bot's other processes send 10
 * requests a second, and {@code /daily status} of the last one shows its planned time. One day (one
 * request a server, about 50 s at the queue's pace); the reveals of the next day are covered at 150
 * servers by {@link DailyAtScaleTest}.
 */
class DailyAtScaleIT {
  @TempDir Path dir;

  @Test
  void two_thousand_servers_due_in_the_same_minute_all_get_their_post() throws Exception {
    // The bot's other requests use the 10 a second the queue leaves free: Discord's limit is
    // reached
    // exactly, so requests are refused now and then (more of them, over budget, in the 150-server
    // test).
    DailyAtScaleTest.run(
        dir,
        Integer.getInteger("daily.it.servers", 2000),
        1,
        Integer.getInteger("daily.other", 10));
  }
}
