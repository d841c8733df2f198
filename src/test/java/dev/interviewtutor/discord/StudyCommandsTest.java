package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedFile;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.Leaderboard;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /leaderboard, /stats, /explain and /forget-me end to end through the real JDA client and the fake
 * Discord.
 */
class StudyCommandsTest {
  static final Duration WAIT = BotHarness.WAIT;
  static final FakeUser ASKER = FakeUser.member(700, "Asker");
  static final FakeUser OTHER = FakeUser.member(701, "Other");
  @TempDir Path dir;

  static String fullAnswer(Question q) {
    return QuestionRubrics.of(q).keyPoints().stream()
        .map(KeyPoint::text)
        .collect(Collectors.joining(". "));
  }

  static Scope guild(StudyHarness h) {
    return h.practice.scope(
        ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "Fake Study Group");
  }

  @Test
  void leaderboard_pages_for_its_owner_refuses_others_and_shows_the_askers_rank_off_the_page()
      throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-10T12:00:00Z"))) {
      Scope guild = guild(h);
      Question q = h.practice.bank().questions().get(0);
      for (int i = 0; i < 12; i++) {
        Person p =
            h.practice.person(Person.discordKey(800 + i), i == 0 ? "@everyone" : "Member " + i);
        h.practice.answer(p, guild, q, fullAnswer(q), AttemptKind.PRACTICE, 0);
      }
      Person asker = h.practice.person(Person.discordKey(ASKER.id()), "Asker");
      h.practice.answer(
          asker, guild, q, "I am not sure about this one at all", AttemptKind.PRACTICE, 0);
      Leaderboard expected = h.practice.leaderboard(guild, Period.ALL, null, 0, 10, asker);
      int myRank = expected.asker().orElseThrow().rank();
      assertTrue(myRank > 10, "the asker is off the first page: " + myRank);

      SentInteraction ask =
          h.fake.slashCommand(ASKER, "leaderboard", Payloads.option("period", "all"));
      RecordedRequest reply = h.fake.awaitCallback(ask, WAIT);
      String page1 = reply.text();
      assertEquals(
          10, page1.lines().filter(l -> l.startsWith("`#")).count(), "10 per page: " + page1);
      assertTrue(page1.contains("#" + myRank + " of 13"), "own rank shown: " + page1);
      assertTrue(page1.contains("Page 1 of 2"), page1);
      assertEquals(
          0, reply.body().path("data").path("allowed_mentions").path("parse").size(), "no pings");
      assertFalse(
          page1.contains("@everyone"), "a name that looks like a mention is neutralised: " + page1);

      JsonNode message = h.fake.replyMessage(ask, WAIT);
      String next = "v1:leaderboard:" + ASKER.id() + ":page:all:10:-";
      assertTrue(message.toString().contains(next), message.toString());
      SentInteraction stranger = h.fake.clickButton(OTHER, message, next);
      RecordedRequest refusal = h.fake.awaitCallback(stranger, WAIT);
      assertTrue(refusal.text().contains("isn't yours"), refusal.text());
      assertEquals(64, refusal.body().path("data").path("flags").asInt() & 64, "ephemeral refusal");

      SentInteraction owner = h.fake.clickButton(ASKER, message, next);
      RecordedRequest page2 = h.fake.awaitCallback(owner, WAIT);
      assertEquals(7, page2.body().path("type").asInt(), "the message is updated in place");
      assertTrue(page2.text().contains("Page 2 of 2"), page2.text());
      assertEquals(3, page2.text().lines().filter(l -> l.startsWith("`#")).count(), page2.text());
      assertTrue(page2.text().contains("Asker"), page2.text());
    }
  }

  @Test
  void the_everywhere_board_adds_up_servers_and_dms_pages_from_a_dm_and_takes_no_topic()
      throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-10T12:00:00Z"))) {
      Scope guild = guild(h);
      Scope other = h.practice.scope(ScopeKind.GUILD, "424242", "Other server");
      Scope terminal = h.practice.scope(ScopeKind.TERMINAL, "local", "");
      Question q = h.practice.bank().questions().get(0);
      for (int i = 0; i < 12; i++) {
        Person p = h.practice.person(Person.discordKey(900 + i), "Member " + i);
        h.practice.answer(p, i % 2 == 0 ? guild : other, q, fullAnswer(q), AttemptKind.PRACTICE, 0);
      }
      Person asker = h.practice.person(Person.discordKey(ASKER.id()), "Asker");
      h.practice.answer(asker, guild, q, fullAnswer(q), AttemptKind.PRACTICE, 0);
      Question q2 = h.practice.bank().questions().get(1);
      Question q3 = h.practice.bank().questions().get(2);
      h.practice.answer(asker, other, q2, fullAnswer(q2), AttemptKind.PRACTICE, 0);
      h.practice.answer(asker, terminal, q3, fullAnswer(q3), AttemptKind.PRACTICE, 0);

      // In a DM: the board of every server (the asker's two servers add up; the terminal's
      // answer is not on it), 10 a page, the Next button pages it.
      SentInteraction ask =
          h.fake.slashCommandInDm(ASKER, "leaderboard", Payloads.option("period", "all"));
      String page1 = h.fake.awaitCallback(ask, WAIT).text();
      assertTrue(page1.contains("Leaderboard · everywhere · all time"), page1);
      assertTrue(page1.contains("Page 1 of 2 · 13 people"), page1);
      assertTrue(
          page1.lines().anyMatch(l -> l.startsWith("`#1` Asker ·") && l.endsWith("· 2 answers")),
          "two servers on one line, the terminal's answer left out: " + page1);
      String next = "v1:leaderboard:" + ASKER.id() + ":page:all:10:-:e";
      JsonNode message = h.fake.replyMessage(ask, WAIT);
      assertTrue(message.toString().contains(next), message.toString());
      RecordedRequest page2 = h.fake.awaitCallback(h.fake.clickButton(ASKER, message, next), WAIT);
      assertTrue(page2.text().contains("Page 2 of 2"), page2.text());
      assertEquals(3, page2.text().lines().filter(l -> l.startsWith("`#")).count(), page2.text());

      // A topic belongs to a server's banks: the everywhere board refuses one.
      SentInteraction topic =
          h.fake.slashCommand(
              ASKER,
              "leaderboard",
              Payloads.option("where", "everywhere"),
              Payloads.option("topic", q.topic()));
      RecordedRequest refusal = h.fake.awaitCallback(topic, WAIT);
      assertTrue(refusal.text().contains("counts all topics"), refusal.text());
      assertEquals(64, refusal.body().path("data").path("flags").asInt() & 64, "ephemeral");
    }
  }

  @Test
  void stats_replies_with_numbers_and_an_attached_png_chart() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-10T12:00:00Z"))) {
      Scope guild = guild(h);
      Person asker = h.practice.person(Person.discordKey(ASKER.id()), "Asker");
      for (Question q : h.practice.bank().questions()) {
        h.practice.answer(asker, guild, q, fullAnswer(q), AttemptKind.PRACTICE, 0);
        h.clock.advance(Duration.ofDays(1));
      }
      SentInteraction stats = h.fake.slashCommand(ASKER, "stats");
      RecordedRequest edit = h.fake.awaitWebhook(stats, WAIT);
      String text = edit.text();
      assertTrue(
          text.contains("Answers")
              && text.contains("Best streak")
              && text.contains("Mastery per topic"),
          text);
      assertTrue(text.contains("attachment://stats.png"), "the chart is the embed image: " + text);
      RecordedFile file =
          h.fake.files().stream()
              .filter(f -> f.fileName().equals("stats.png"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no stats.png uploaded: " + h.fake.files()));
      assertTrue(file.path().startsWith(stats.webhookPath()), file.path());
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(file.bytes(), 4));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
      assertEquals(StatsChart.WIDTH, image.getWidth());
      assertEquals(StatsChart.HEIGHT, image.getHeight());

      SentInteraction nobody =
          h.fake.slashCommand(
              FakeUser.admin(998, "Admin"),
              "stats",
              Payloads.userOption("user", FakeUser.member(999, "Newcomer"), true));
      assertTrue(h.fake.awaitWebhook(nobody, WAIT).text().contains("no graded answers"));
    }
  }

  @Test
  void explain_shows_the_best_matching_question_with_its_explanation_and_tip() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-10T12:00:00Z"))) {
      SentInteraction explain =
          h.fake.slashCommand(
              ASKER,
              "explain",
              Payloads.option("query", "how do I run CPU heavy javascript in parallel"));
      String text = h.fake.awaitWebhook(explain, WAIT).text();
      assertTrue(text.contains("What Are Worker Threads?"), text);
      assertTrue(
          text.contains("Worker threads run JavaScript in parallel threads"),
          "explanation: " + text);
      assertTrue(text.contains("Use worker threads for CPU-bound work"), "tip: " + text);
    }
  }

  @Test
  void forget_me_asks_for_confirmation_then_deletes_every_row_of_that_person() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-10T12:00:00Z"))) {
      Scope guild = guild(h);
      Question q = h.practice.bank().questions().get(0);
      Person asker = h.practice.person(Person.discordKey(ASKER.id()), "Asker");
      Person other = h.practice.person(Person.discordKey(OTHER.id()), "Other");
      h.practice.answer(asker, guild, q, fullAnswer(q), AttemptKind.PRACTICE, 0);
      h.practice.answer(other, guild, q, fullAnswer(q), AttemptKind.PRACTICE, 0);

      SentInteraction forget = h.fake.slashCommand(ASKER, "forget-me");
      RecordedRequest ask = h.fake.awaitCallback(forget, WAIT);
      assertEquals(64, ask.body().path("data").path("flags").asInt() & 64, "ephemeral");
      assertTrue(
          h.practice.findPerson(asker.key()).isPresent(), "nothing deleted before confirming");
      JsonNode message = h.fake.replyMessage(forget, WAIT);
      String confirm = "v1:forget-me:" + ASKER.id() + ":confirm";

      SentInteraction stranger = h.fake.clickButton(OTHER, message, confirm);
      assertTrue(h.fake.awaitCallback(stranger, WAIT).text().contains("isn't yours"));
      assertTrue(h.practice.findPerson(asker.key()).isPresent());

      SentInteraction yes = h.fake.clickButton(ASKER, message, confirm);
      assertEquals(
          6,
          h.fake.awaitCallback(yes, WAIT).body().path("type").asInt(),
          "the click is acknowledged first");
      RecordedRequest done = h.fake.awaitWebhook(yes, WAIT);
      assertTrue(done.text().contains("deleted everything"), done.text());
      assertTrue(h.practice.findPerson(asker.key()).isEmpty(), "the person is gone");
      assertTrue(h.practice.findPerson(other.key()).isPresent(), "others stay");
      assertEquals(
          1,
          h.practice.leaderboard(guild, Period.ALL, null, 0, 10, null).total(),
          "only Other on the board");
    }
  }
}
