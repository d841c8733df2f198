package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeGuild;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Backend;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.DatabaseTarget;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.Sql;
import dev.interviewtutor.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes ({@code java} started from the test classpath, the real launcher) with shards
 * 0-0 and 1-1 of 2, one PostgreSQL database and one loopback Discord speaking the sharded gateway.
 * Each process gets only the servers of its shard; members on both shards answer; the shared
 * database holds every answer, and one leaderboard (every server and DM) shows them all whichever
 * process is asked; each server's daily question is posted exactly once, by the process holding its
 * shard; a process killed (SIGKILL) mid-answer loses no stored attempt while the other carries on;
 * SIGTERM stops a process cleanly.
 */
class ShardedProcessesTest {
  static final Duration START = Duration.ofSeconds(90);
  static final FakeUser ADA = FakeUser.member(1101, "Ada");
  static final FakeUser BOB = FakeUser.member(1102, "Bob");
  static final FakeUser CY = FakeUser.member(1103, "Cy");
  @TempDir Path dir;

  @Test
  void
      two_processes_split_the_servers_by_shard_share_one_database_and_post_each_daily_question_once()
          throws Exception {
    DatabaseTarget db = TestDatabases.newTarget(Backend.POSTGRESQL, dir);
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN, 2)) {
      // FakeGuild.MAIN is on shard 1 of 2; three more servers make two on each shard.
      FakeGuild s0a = fake.addGuild(FakeGuild.onShard(0, 2, 0));
      FakeGuild s0b = fake.addGuild(FakeGuild.onShard(0, 2, 1));
      FakeGuild s1a = FakeGuild.MAIN;
      FakeGuild s1b = fake.addGuild(FakeGuild.onShard(1, 2, 2));
      assertEquals(
          List.of(0, 0, 1, 1), List.of(s0a.shard(2), s0b.shard(2), s1a.shard(2), s1b.shard(2)));
      List<FakeGuild> servers = List.of(s0a, s0b, s1a, s1b);
      dailyQuestionDueNowIn(db, servers);

      List<Process> bots = new ArrayList<>();
      try {
        bots.add(startBot(fake, db, "0", dir.resolve("shard0.log")));
        bots.add(startBot(fake, db, "1", dir.resolve("shard1.log")));
        fake.awaitCount(
            "command registration by both processes", r -> r.is("PUT", "applications/"), 2, START);
        assertEquals(
            Set.of(List.of(0, 2), List.of(1, 2)),
            Set.copyOf(fake.identifiedShards()),
            "each process identified with its own shard");

        // Each server's daily question: posted once, by the process holding its shard.
        for (FakeGuild g : servers) {
          fake.await("the daily question in " + g.name(), r -> isDailyPost(r, g), WAIT);
        }

        // Members on both shards answer; each interaction reaches only the process holding its
        // server.
        answerAQuiz(fake, ADA, s0a);
        answerAQuiz(fake, BOB, s1a);
        answerAQuiz(fake, CY, s0a);
        answerAQuiz(fake, CY, s1a);

        String board0 = leaderboard(fake, ADA, s0a);
        assertTrue(
            board0.contains("Ada") && board0.contains("Cy") && !board0.contains("Bob"), board0);
        String board1 = leaderboard(fake, BOB, s1a);
        assertTrue(
            board1.contains("Bob") && board1.contains("Cy") && !board1.contains("Ada"), board1);

        // One leaderboard shows them all: the board of every server and DM lists the members who
        // answered through either process, asked in a server of each shard and in a DM (which
        // Discord sends to shard 0); Cy's answers in both servers add up on one line.
        List<String> everywhere =
            List.of(
                leaderboard(fake, ADA, s0a, Payloads.option("where", "everywhere")),
                leaderboard(fake, BOB, s1a, Payloads.option("where", "everywhere")),
                fake.awaitCallback(
                        fake.slashCommandInDm(BOB, "leaderboard", Payloads.option("period", "all")),
                        WAIT)
                    .text());
        for (String board : everywhere) {
          assertTrue(board.contains("everywhere"), board);
          assertEquals(
              List.of("Ada · 1 answers", "Bob · 1 answers", "Cy · 2 answers"),
              board
                  .lines()
                  .filter(l -> l.startsWith("`#"))
                  .map(l -> l.replaceAll("^`#\\d+` (\\S+) · \\d+ pts · ", "$1 · "))
                  .sorted()
                  .toList(),
              board);
        }

        // SIGKILL the shard-1 process while a grade is in flight there: nothing stored so far is
        // lost, and the
        // shard-0 process carries on.
        Set<Long> storedBeforeKill = attemptIds(db);
        assertEquals(4, storedBeforeKill.size(), "every answer of both processes stored");
        SentInteraction inFlight = startAnswer(fake, BOB, s1a);
        assertEquals(
            5,
            fake.awaitCallback(inFlight, WAIT).body().path("type").asInt(),
            "acknowledged, grading");
        bots.get(1).destroyForcibly();
        assertTrue(bots.get(1).waitFor(60, TimeUnit.SECONDS), "the shard-1 process was killed");
        assertTrue(attemptIds(db).containsAll(storedBeforeKill), "no stored attempt lost");
        answerAQuiz(fake, ADA, s0b);

        bots.get(0).destroy(); // SIGTERM: the process drains its own shard
        assertTrue(bots.get(0).waitFor(60, TimeUnit.SECONDS), "the shard-0 process stopped");
        assertEquals(0, bots.get(0).exitValue(), "graceful stop; log:\n" + log(0));
      } finally {
        bots.forEach(Process::destroyForcibly);
      }

      for (FakeGuild g : servers) {
        assertEquals(
            1,
            fake.requests().stream().filter(r -> isDailyPost(r, g)).count(),
            "exactly one daily question in " + g.name());
      }
      try (Database check = Database.open(db)) {
        assertTrue(
            count(check, "SELECT COUNT(*) FROM attempts") >= 5,
            "the answers before the kill and after it");
        assertEquals(
            4L, count(check, "SELECT COUNT(*) FROM daily_posts WHERE posted_at IS NOT NULL"));
        Map<String, String> holderOf =
            check.read(
                c -> {
                  Map<String, String> out = new HashMap<>();
                  for (String[] row :
                      Sql.list(
                          c,
                          "SELECT s.key, d.holder FROM daily_post_claims d JOIN scopes s ON"
                              + " s.id = d.scope_id",
                          rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                    out.put(row[0], row[1]);
                  }
                  return out;
                });
        assertEquals(
            holderOf.get(s0a.idString()), holderOf.get(s0b.idString()), "one process for shard 0");
        assertEquals(
            holderOf.get(s1a.idString()), holderOf.get(s1b.idString()), "one process for shard 1");
        assertTrue(
            !holderOf.get(s0a.idString()).equals(holderOf.get(s1a.idString())),
            "the two shards' posts came from two processes: " + holderOf);
      }
    }
  }

  private String log(int shard) throws java.io.IOException {
    return Files.readString(dir.resolve("shard" + shard + ".log"));
  }

  /**
   * Sets each server's daily question up (the day before yesterday) for a time already past today.
   */
  private static void dailyQuestionDueNowIn(DatabaseTarget target, List<FakeGuild> servers) {
    Instant now = Instant.now();
    Clock before = Clock.fixed(now.minus(Duration.ofDays(2)), ZoneOffset.UTC);
    LocalTime past =
        LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES);
    try (Database db = Database.open(target)) {
      PracticeService practice =
          new PracticeService(
              BotHarness.testBank(), QuestionRubrics::of, FixedGrader.fast(), db, before);
      for (FakeGuild g : servers) {
        practice
            .daily()
            .configure(
                practice.scope(ScopeKind.GUILD, g.idString(), g.name()),
                Long.toString(g.textChannelId()),
                past,
                ZoneOffset.UTC,
                null);
      }
    }
  }

  private static Process startBot(FakeDiscord fake, DatabaseTarget db, String shards, Path log)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), BotProcessMain.class.getName());
    Map<String, String> env = pb.environment();
    env.putAll(BotHarness.env(fake, log.getParent()));
    env.remove("DISCORD_GUILD_ID"); // global commands: each process registers them
    env.put("TUTOR_DB", db.jdbcUrl());
    env.put("TUTOR_DB_USER", db.user());
    env.put("TUTOR_DB_PASSWORD", db.password());
    env.put("DISCORD_SHARDS_TOTAL", "2");
    env.put("DISCORD_SHARDS", shards);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private static boolean isDailyPost(RecordedRequest r, FakeGuild g) {
    return r.method().equals("POST")
        && r.path().equals("channels/" + g.textChannelId() + "/messages")
        && r.body().path("components").toString().contains(":daily:");
  }

  /** {@code /quiz} in the server, then a full answer to the question shown, graded and stored. */
  private static void answerAQuiz(FakeDiscord fake, FakeUser who, FakeGuild where) {
    SentInteraction submit = startAnswer(fake, who, where);
    fake.await(
        who.name() + "'s grade",
        r -> r.path().startsWith(submit.webhookPath()) && r.text().contains("Score"),
        WAIT);
  }

  /**
   * {@code /quiz} in the server, then a full answer to the question shown submitted (the grade may
   * follow).
   */
  private static SentInteraction startAnswer(FakeDiscord fake, FakeUser who, FakeGuild where) {
    SentInteraction quiz = fake.slashCommandIn(who, where, "quiz");
    fake.awaitCallback(quiz, WAIT);
    JsonNode message = fake.originalMessage(quiz);
    Matcher id =
        Pattern.compile("^Q(\\S+)\\. ")
            .matcher(message.path("embeds").path(0).path("title").asText());
    assertTrue(id.find(), "a question: " + message);
    Question q =
        BotHarness.testBank().questions().stream()
            .filter(x -> x.id().equals(id.group(1)))
            .findFirst()
            .orElseThrow();
    String answer =
        QuestionRubrics.of(q).keyPoints().stream()
            .map(KeyPoint::text)
            .collect(Collectors.joining(". "));
    return QuizFlowTest.answerThroughModal(fake, who, message, answer);
  }

  private static Set<Long> attemptIds(DatabaseTarget target) {
    try (Database db = Database.open(target)) {
      return Set.copyOf(db.read(c -> Sql.list(c, "SELECT id FROM attempts", rs -> rs.getLong(1))));
    }
  }

  private static String leaderboard(
      FakeDiscord fake, FakeUser who, FakeGuild where, JsonNode... more) {
    List<JsonNode> options = new ArrayList<>(List.of(Payloads.option("period", "all")));
    options.addAll(List.of(more));
    SentInteraction ask =
        fake.slashCommandIn(who, where, "leaderboard", options.toArray(JsonNode[]::new));
    return fake.awaitCallback(ask, WAIT).text();
  }

  private static long count(Database db, String sql) {
    return db.read(c -> Sql.count(c, sql));
  }
}
