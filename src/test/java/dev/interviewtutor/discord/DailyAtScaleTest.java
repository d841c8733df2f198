package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeGuild;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many servers due in the same minute, against a Discord that answers 429 beyond 50 requests a
 * second: the posting queue paces the posts so that every server gets its question (and, the next
 * day, its reveal), no request is refused twice in a row, and {@code /daily status} shows a waiting
 * server when its post is expected. {@code -Ddaily.servers=2000} runs the size (the default
 * keeps the suite short).
 */
class DailyAtScaleTest {
  static final int SERVERS = Integer.getInteger("daily.servers", 150);
  @TempDir Path dir;

  @Test
  void servers_due_in_the_same_minute_all_get_their_post_within_discords_global_limit()
      throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-05T08:00:00Z"));
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      List<FakeGuild> servers = new ArrayList<>(List.of(FakeGuild.MAIN));
      for (int i = 1; i < SERVERS; i++) {
        servers.add(fake.addGuild(FakeGuild.onShard(0, 1, i)));
      }
      fake.enforceGlobalRateLimit(50);
      TutorConfig config = TutorConfig.fromEnvironment(BotHarness.env(fake, dir));
      try (Database db = Database.open(config.db())) {
        PracticeService practice =
            new PracticeService(
                BotHarness.testBank(), QuestionRubrics::of, FixedGrader.fast(), db, clock);
        TutorBot bot = TutorBot.start(config, new BotServices(practice, clock, List.of()), false);
        DailyQuizScheduler scheduler =
            new DailyQuizScheduler(
                practice.daily(), new DailyPublisher(practice), bot.shards(), clock);
        try {
          for (FakeGuild g : servers) {
            practice
                .daily()
                .configure(
                    practice.scope(ScopeKind.GUILD, g.idString(), g.name()),
                    Long.toString(g.textChannelId()),
                    LocalTime.of(9, 0),
                    ZoneOffset.UTC,
                    null);
          }
          clock.advance(Duration.ofHours(25)); // 09:00 the next day: every server is due

          CompletableFuture<List<DailyPublisher.Outcome>> day1 =
              CompletableFuture.supplyAsync(scheduler::tick);
          FakeGuild last = servers.get(servers.size() - 1);
          DailyBacklog backlog = DailyBacklog.of(practice.daily());
          // Every post is queued before the first is sent; the last one waits its turn for seconds.
          StudyHarness.awaitTrue("the posts are queued", () -> backlog.size() > 0);
          assertTrue(
              backlog.waiting(last.idString()).isPresent(), "the last server waits in the queue");
          SentInteraction status =
              fake.slashCommandIn(
                  FakeUser.admin(1201, "Admin"), last, "daily", Payloads.subcommand("status"));
          String reply = fake.awaitCallback(status, WAIT).text();
          assertTrue(reply.contains("posting queue") && reply.contains("expected <t:"), reply);
          assertAllPosted(day1.get(5, TimeUnit.MINUTES), "day 1");

          clock.advance(
              Duration.ofDays(1)); // the next day: each post reveals the previous one first
          assertAllPosted(scheduler.tick(), "day 2");
          for (FakeGuild g : servers) {
            assertEquals(
                2,
                fake.requests().stream()
                    .filter(
                        r ->
                            r.method().equals("POST")
                                && r.path().equals("channels/" + g.textChannelId() + "/messages")
                                && r.body().path("components").toString().contains(":daily:"))
                    .count(),
                "two questions in " + g.name());
          }
          assertEquals(
              SERVERS,
              fake.requests().stream()
                  .filter(
                      r ->
                          r.method().equals("POST")
                              && r.path().matches("channels/\\d+/messages/\\d+/threads"))
                  .count(),
              "every reveal has its thread");
          assertTrue(
              fake.mostRejectionsInARow() <= 1,
              "no request refused twice in a row (" + fake.rateLimited() + " refused in all)");
          assertEquals(0, backlog.size(), "nothing left waiting");
        } finally {
          scheduler.close();
          bot.close();
        }
      }
    }
  }

  private static void assertAllPosted(List<DailyPublisher.Outcome> outcomes, String day) {
    assertEquals(SERVERS, outcomes.size(), day);
    List<DailyPublisher.Outcome> notPosted =
        outcomes.stream().filter(o -> !(o instanceof DailyPublisher.Outcome.Posted)).toList();
    assertTrue(notPosted.isEmpty(), day + ": " + notPosted);
  }
}
