package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeGuild;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many servers due in the same minute, against a Discord that answers 429 beyond 50 requests a
 * second: the posting queue paces the requests so that every server gets its question exactly once
 * (and, the next day, its reveal), no request is refused twice in a row, and {@code /daily status}
 * of the last server shows when its post is expected, as planned from the requests queued before
 * it. This class runs 150 servers over two days; {@link DailyAtScaleIT} runs the 2,000 for
 * one day in {@code mvn verify}. {@code -Ddaily.servers=N} changes this one's size.
 */
class DailyAtScaleTest {
  static final int SERVERS = Integer.getInteger("daily.servers", 150);

  private static final Pattern EXPECTED = Pattern.compile("expected <t:(\\d+):T>");

  @TempDir Path dir;

  @Test
  void servers_due_in_the_same_minute_all_get_their_post_within_discords_global_limit()
      throws Exception {
    // More than the 15 a second the queue leaves free: some requests are refused, none twice.
    run(dir, SERVERS, 2, Integer.getInteger("daily.other", 20));
  }

  /**
   * {@code servers} servers (the fake's main one and {@code servers - 1} more) due at 09:00 UTC on
   * {@code days} days in a row, while the bot's other processes send {@code otherPerSecond}
   * requests a second; asserts the behaviour and prints what was measured.
   */
  static void run(Path dir, int servers, int days, int otherPerSecond) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-05T08:00:00Z"));
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      List<FakeGuild> guilds = new ArrayList<>(List.of(FakeGuild.MAIN));
      for (int i = 1; i < servers; i++) {
        guilds.add(fake.addGuild(FakeGuild.onShard(0, 1, i)));
      }
      fake.enforceGlobalRateLimit(50);
      // Requests of the bot's other processes share the limit: beyond the 15 a second the queue
      // leaves them, some of this process's requests are refused, and must not be refused again.
      fake.otherClientsSend(otherPerSecond);
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
          for (FakeGuild g : guilds) {
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
          Instant due = clock.instant();

          long tickStart = System.nanoTime();
          CompletableFuture<List<DailyPublisher.Outcome>> day1 =
              CompletableFuture.supplyAsync(scheduler::tick);
          FakeGuild last = guilds.get(guilds.size() - 1);
          DailyBacklog backlog = DailyBacklog.of(practice.daily());
          // Every post is queued before the first is sent; the last one waits its turn.
          StudyHarness.awaitTrue(
              "the last server waits in the queue",
              () -> backlog.waiting(last.idString()).isPresent());
          DailyBacklog.Queued waiting = backlog.waiting(last.idString()).orElseThrow();
          // The first day reveals nothing: one request per server, so the last one is planned
          // after the (servers - 1) requests before it.
          Duration interval =
              Duration.ofNanos(
                  (long)
                      (TimeUnit.SECONDS.toNanos(1)
                          / DailyPostQueue.paceFor(1, bot.shards().getShardsTotal())));
          assertEquals(
              due.plus(interval.multipliedBy(servers - 1L)),
              waiting.expected(),
              "the last server's post is planned after every request before it");
          SentInteraction status =
              fake.slashCommandIn(
                  FakeUser.admin(1201, "Admin"), last, "daily", Payloads.subcommand("status"));
          String reply = fake.awaitCallback(status, WAIT).text();
          Matcher expected = EXPECTED.matcher(reply);
          assertTrue(reply.contains("posting queue") && expected.find(), reply);
          assertEquals(
              waiting.expected().getEpochSecond(),
              Long.parseLong(expected.group(1)),
              "/daily status shows the planned time");
          assertAllPosted(day1.get(10, TimeUnit.MINUTES), servers, "day 1");
          long day1Nanos = System.nanoTime() - tickStart;
          int refusedDay1 = fake.rateLimited();
          Map<String, List<RecordedRequest>> questions = questionsByChannel(fake);
          long latestNanos =
              questions.values().stream()
                  .mapToLong(r -> r.get(0).atNanos() - tickStart)
                  .max()
                  .orElseThrow();
          long lastNanos =
              questions.get(Long.toString(last.textChannelId())).get(0).atNanos() - tickStart;

          for (int day = 2; day <= days; day++) {
            clock.advance(Duration.ofDays(1)); // each post reveals the previous one first
            assertAllPosted(scheduler.tick(), servers, "day " + day);
          }
          questions = questionsByChannel(fake);
          for (FakeGuild g : guilds) {
            assertEquals(
                days,
                questions.getOrDefault(Long.toString(g.textChannelId()), List.of()).size(),
                "one question a day in " + g.name());
          }
          assertEquals(
              (long) servers * (days - 1),
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
          System.out.printf(
              Locale.ROOT,
              "daily at scale: %d servers at %.0f requests/s (other clients %d/s); day 1 sent in %.1f s, %d refused"
                  + " (429); the latest post went out %.1f s after its time; the last server's"
                  + " %.1f s after (planned %.1f s); %d days: %d refused in all, most in a row"
                  + " %d%n",
              servers,
              DailyPostQueue.paceFor(1, 1),
              otherPerSecond,
              day1Nanos / 1e9,
              refusedDay1,
              latestNanos / 1e9,
              lastNanos / 1e9,
              Duration.between(due, waiting.expected()).toMillis() / 1e3,
              days,
              fake.rateLimited(),
              fake.mostRejectionsInARow());
        } finally {
          scheduler.close();
          bot.close();
        }
      }
    }
  }

  /** The daily questions posted, by channel id, in the order they arrived. */
  private static Map<String, List<RecordedRequest>> questionsByChannel(FakeDiscord fake) {
    return fake.requests().stream()
        .filter(
            r ->
                r.method().equals("POST")
                    && r.path().matches("channels/\\d+/messages")
                    && r.body().path("components").toString().contains(":daily:"))
        .collect(Collectors.groupingBy(r -> r.path().split("/")[1]));
  }

  private static void assertAllPosted(
      List<DailyPublisher.Outcome> outcomes, int servers, String day) {
    assertEquals(servers, outcomes.size(), day);
    List<DailyPublisher.Outcome> notPosted =
        outcomes.stream().filter(o -> !(o instanceof DailyPublisher.Outcome.Posted)).toList();
    assertTrue(notPosted.isEmpty(), day + ": " + notPosted);
  }
}
