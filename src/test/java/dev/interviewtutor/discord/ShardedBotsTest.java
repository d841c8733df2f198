package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeGuild;
import dev.interviewtutor.discord.fake.RecordedRequest;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bot instances in one JVM against the sharded loopback Discord, each with its own practice engine
 * and database connection (nothing shared in memory), as separate processes would be: each gets the
 * servers of its shard, and two that briefly run the same shard (a rolling restart) post a server's
 * daily question once between them.
 */
class ShardedBotsTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-05T08:00:00Z"));

  /** One "process": a database connection, a practice engine, a bot and its scheduler. */
  private final class Instance implements AutoCloseable {
    final Database db;
    final PracticeService practice;
    final TutorBot bot;
    final DailyQuizScheduler scheduler;

    Instance(FakeDiscord fake, Map<String, String> extraEnv) throws InterruptedException {
      Map<String, String> env = new HashMap<>(BotHarness.env(fake, dir));
      env.putAll(extraEnv);
      TutorConfig config = TutorConfig.fromEnvironment(env);
      db = Database.open(config.db());
      practice =
          new PracticeService(
              BotHarness.testBank(), QuestionRubrics::of, FixedGrader.fast(), db, clock);
      bot = TutorBot.start(config, new BotServices(practice, clock, List.of()), false);
      scheduler =
          new DailyQuizScheduler(
              practice.daily(), new DailyPublisher(practice), bot.shards(), clock);
    }

    @Override
    public void close() {
      scheduler.close();
      bot.close();
      db.close();
    }
  }

  private void dailyAtNineIn(PracticeService practice, FakeGuild g) {
    practice
        .daily()
        .configure(
            practice.scope(ScopeKind.GUILD, g.idString(), g.name()),
            Long.toString(g.textChannelId()),
            LocalTime.of(9, 0),
            ZoneOffset.UTC,
            null);
  }

  private static List<RecordedRequest> dailyPosts(FakeDiscord fake, FakeGuild g) {
    return fake.requests().stream()
        .filter(
            r ->
                r.method().equals("POST")
                    && r.path().equals("channels/" + g.textChannelId() + "/messages")
                    && r.body().path("components").toString().contains(":daily:"))
        .toList();
  }

  @Test
  void unset_shards_run_as_many_as_discord_recommends_all_in_this_process() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN, 2)) {
      FakeGuild onShard0 = fake.addGuild(FakeGuild.onShard(0, 2, 0));
      try (Instance all = new Instance(fake, Map.of())) {
        assertEquals("shards 0-1 of 2", all.bot.describeShards());
        assertEquals(
            List.of(List.of(0, 2), List.of(1, 2)),
            fake.identifiedShards(),
            "IDENTIFY carries the shard");
        assertNotNull(all.bot.shards().getGuildById(onShard0.id()));
        assertNotNull(all.bot.shards().getGuildById(FakeGuild.MAIN.id()));
      }
    }
  }

  @Test
  void each_instance_gets_only_the_servers_of_its_shard_and_posts_only_their_daily_questions()
      throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN, 2)) {
      FakeGuild onShard0 = fake.addGuild(FakeGuild.onShard(0, 2, 0));
      FakeGuild onShard1 = FakeGuild.MAIN;
      try (Instance zero =
              new Instance(fake, Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARDS", "0"));
          Instance one =
              new Instance(fake, Map.of("DISCORD_SHARDS_TOTAL", "2", "DISCORD_SHARDS", "1"))) {
        assertNotNull(zero.bot.shards().getGuildById(onShard0.id()));
        assertNull(
            zero.bot.shards().getGuildById(onShard1.id()),
            "shard 1's server never reached shard 0");
        assertNotNull(one.bot.shards().getGuildById(onShard1.id()));
        assertNull(
            one.bot.shards().getGuildById(onShard0.id()), "shard 0's server never reached shard 1");
        assertEquals("shard 0 of 2", zero.bot.describeShards());

        dailyAtNineIn(zero.practice, onShard0);
        dailyAtNineIn(zero.practice, onShard1);
        clock.advance(Duration.ofHours(25)); // 09:00 the next day: both are due
        List<DailyPublisher.Outcome> byZero = zero.scheduler.tick();
        assertEquals(1, byZero.size(), "instance 0 handles only its own server: " + byZero);
        assertInstanceOf(DailyPublisher.Outcome.Posted.class, byZero.get(0));
        assertEquals(1, dailyPosts(fake, onShard0).size());
        assertEquals(
            0, dailyPosts(fake, onShard1).size(), "shard 1's server waits for its own process");
        List<DailyPublisher.Outcome> byOne = one.scheduler.tick();
        assertInstanceOf(DailyPublisher.Outcome.Posted.class, byOne.get(0));
        assertEquals(1, dailyPosts(fake, onShard1).size());
      }
    }
  }

  @Test
  void two_instances_briefly_running_the_same_shard_post_a_daily_question_once() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      try (Instance old = new Instance(fake, Map.of());
          Instance fresh = new Instance(fake, Map.of())) {
        dailyAtNineIn(old.practice, FakeGuild.MAIN);
        clock.advance(Duration.ofHours(25));

        // The old instance is sending (Discord holds its post, as in a long rate limit) when the
        // new one ticks.
        Runnable release = fake.holdChannelPosts();
        CompletableFuture<List<DailyPublisher.Outcome>> sending =
            CompletableFuture.supplyAsync(old.scheduler::tick);
        StudyHarness.awaitTrue(
            "the old instance's post is in flight", () -> fake.heldChannelPosts() == 1);
        List<DailyPublisher.Outcome> byFresh = fresh.scheduler.tick();
        assertEquals(
            List.of(new DailyPublisher.Outcome.Elsewhere()),
            byFresh,
            "the new one leaves it alone");
        release.run();
        assertInstanceOf(
            DailyPublisher.Outcome.Posted.class,
            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS).get(0));

        // Both tick again, at once: nothing is due any more.
        List<CompletableFuture<List<DailyPublisher.Outcome>>> again = new ArrayList<>();
        again.add(CompletableFuture.supplyAsync(old.scheduler::tick));
        again.add(CompletableFuture.supplyAsync(fresh.scheduler::tick));
        for (var f : again) {
          assertTrue(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).isEmpty());
        }
        assertEquals(1, dailyPosts(fake, FakeGuild.MAIN).size(), "exactly one daily question");
      }
    }
  }

  @Test
  void instances_racing_for_the_same_due_posts_send_each_once() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      List<FakeGuild> servers = new ArrayList<>(List.of(FakeGuild.MAIN));
      for (int i = 0; i < 5; i++) {
        servers.add(fake.addGuild(FakeGuild.onShard(0, 1, i)));
      }
      try (Instance a = new Instance(fake, Map.of());
          Instance b = new Instance(fake, Map.of())) {
        servers.forEach(g -> dailyAtNineIn(a.practice, g));
        clock.advance(Duration.ofHours(25));
        var ticks =
            List.of(
                CompletableFuture.supplyAsync(a.scheduler::tick),
                CompletableFuture.supplyAsync(b.scheduler::tick));
        long posted = 0;
        for (var t : ticks) {
          posted +=
              t.get(WAIT.toSeconds(), TimeUnit.SECONDS).stream()
                  .filter(o -> o instanceof DailyPublisher.Outcome.Posted)
                  .count();
        }
        assertEquals(servers.size(), posted, "every server posted, by one or the other");
        for (FakeGuild g : servers) {
          assertEquals(1, dailyPosts(fake, g).size(), "once in " + g.name());
        }
      }
    }
  }
}
