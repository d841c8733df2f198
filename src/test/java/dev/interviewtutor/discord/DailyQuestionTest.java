package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily question end to end: real JDA against the loopback Discord, scheduler ticked with a
 * moved clock.
 */
class DailyQuestionTest {
  static final Duration WAIT = BotHarness.WAIT;
  static final FakeUser ADMIN = FakeUser.admin(601, "Admin");
  static final FakeUser ADA = FakeUser.member(602, "Ada");
  static final FakeUser BOB = FakeUser.member(603, "Bob @everyone");
  static final String CHANNEL = "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages";
  @TempDir Path dir;

  static JsonNode[] setupOptions(String time, String zone) {
    return new JsonNode[] {
      Payloads.subcommand(
          "setup",
          Payloads.idOption("channel", 7, FakeDiscord.TEXT_CHANNEL_ID),
          Payloads.option("time", time),
          Payloads.option("timezone", zone))
    };
  }

  static String setUp(StudyHarness h, String time, String zone) {
    SentInteraction setup = h.fake.slashCommand(ADMIN, "daily", setupOptions(time, zone));
    return h.fake.awaitCallback(setup, WAIT).text();
  }

  @Test
  void setup_needs_manage_server_on_the_definition_and_in_the_bot_and_validates_its_options()
      throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T12:00:00Z"))) {
      RecordedRequest put =
          h.fake.await("command registration", r -> r.is("PUT", "applications/"), WAIT);
      JsonNode daily = null;
      for (JsonNode c : put.body()) {
        if (c.path("name").asText().equals("daily")) {
          daily = c;
        }
      }
      assertTrue(daily != null, "daily registered");
      assertEquals(
          "32",
          daily.path("default_member_permissions").asText(),
          "Manage Server on the definition");

      SentInteraction byMember =
          h.fake.slashCommand(ADA, "daily", setupOptions("09:00", "Europe/Berlin"));
      String refusal = h.fake.awaitCallback(byMember, WAIT).text();
      assertTrue(refusal.contains("Manage Server"), refusal);
      Scope guild = h.practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
      assertTrue(h.practice.daily().settings(guild).isEmpty(), "nothing set up by a member");

      String badZone = setUp(h, "09:00", "Mars/Olympus_Mons");
      assertTrue(
          badZone.contains("IANA time zone") && badZone.contains("Mars/Olympus_Mons"), badZone);
      String badTime = setUp(h, "9am", "Europe/Berlin");
      assertTrue(badTime.contains("24-hour time"), badTime);
      assertTrue(h.practice.daily().settings(guild).isEmpty(), "invalid options change nothing");

      String ok = setUp(h, "09:00", "Europe/Berlin");
      assertTrue(ok.contains("Daily question set up") && ok.contains("Europe/Berlin"), ok);
      var settings = h.practice.daily().settings(guild).orElseThrow();
      assertEquals("09:00", settings.time().toString());
      assertEquals(Long.toString(FakeDiscord.TEXT_CHANNEL_ID), settings.channelId());

      SentInteraction zones =
          h.fake.autocomplete(
              ADMIN, "daily", Payloads.subcommand("setup", Payloads.focused("timezone", "berl")));
      String choices = h.fake.awaitCallback(zones, WAIT).text();
      assertTrue(choices.contains("Europe/Berlin"), choices);
    }
  }

  @Test
  void posts_at_local_time_across_dst_with_sealed_answers_and_a_reveal_thread() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-28T06:00:00Z"))) {
      setUp(h, "09:00", "Europe/Berlin");
      // Saturday 28 March: CET, 09:00 local = 08:00Z.
      h.clock.set(Instant.parse("2026-03-28T07:59:00Z"));
      assertTrue(h.scheduler.tick().isEmpty(), "not before the local time");
      h.clock.set(Instant.parse("2026-03-28T08:00:00Z"));
      var first = h.scheduler.tick();
      assertEquals(1, first.size());
      var posted = assertInstanceOf(DailyPublisher.Outcome.Posted.class, first.get(0));
      assertEquals(1, h.channelPosts().size());
      JsonNode message = h.fake.message(posted.messageId());
      assertTrue(message.toString().contains(posted.post().question().title()), message.toString());
      String answerId = "v1:daily:0:answer:" + posted.post().id();
      assertTrue(message.toString().contains(answerId), "public Answer button: " + message);

      String adaText =
          "ADA-SECRET the stack and the heap and garbage collection clustering worker threads";
      String bobText = "BOB-SHARED my answer about processes, threads and event loop phases";
      answer(h, ADA, message, answerId, adaText);
      RecordedRequest bobGrade = answer(h, BOB, message, answerId, bobText);
      String shareId = "v1:daily:" + BOB.id() + ":share:" + posted.post().id();
      assertTrue(bobGrade.toString().contains(shareId), "share button offered: " + bobGrade);
      JsonNode bobGradeMessage = h.fake.messageContaining(shareId);
      SentInteraction share = h.fake.clickButton(BOB, bobGradeMessage, shareId);
      assertTrue(h.fake.awaitCallback(share, WAIT).text().contains("will be shown"));
      SentInteraction notYours = h.fake.clickButton(ADA, bobGradeMessage, shareId);
      assertTrue(h.fake.awaitCallback(notYours, WAIT).text().contains("isn't yours"));

      SentInteraction again = h.fake.clickButton(ADA, message, answerId);
      RecordedRequest sealedAgain = h.fake.awaitCallback(again, WAIT);
      assertEquals(64, sealedAgain.body().path("data").path("flags").asInt() & 64, "ephemeral");
      assertTrue(sealedAgain.text().contains("Only your first answer counts"), sealedAgain.text());

      assertTrue(
          h.fake.requests().stream()
              .filter(r -> r.path().startsWith("channels/"))
              .noneMatch(
                  r -> r.toString().contains("SECRET") || r.toString().contains("BOB-SHARED")),
          "no answer text in any channel before the reveal");

      // Sunday 29 March: CEST from 02:00, so 09:00 local = 07:00Z (an hour earlier in UTC).
      h.clock.set(Instant.parse("2026-03-29T06:59:00Z"));
      assertTrue(h.scheduler.tick().isEmpty());
      h.clock.set(Instant.parse("2026-03-29T07:00:00Z"));
      var second = h.scheduler.tick();
      var posted2 = assertInstanceOf(DailyPublisher.Outcome.Posted.class, second.get(0));
      assertEquals(1, posted2.revealed(), "the previous question revealed first");
      assertEquals(2, h.channelPosts().size());

      RecordedRequest thread =
          h.fake.await(
              "reveal thread",
              r -> r.is("POST", CHANNEL + "/" + posted.messageId() + "/threads"),
              WAIT);
      assertTrue(thread.body().path("name").asText().startsWith("Results"), thread.toString());
      long threadId = h.fake.threads().keySet().iterator().next();
      List<RecordedRequest> inThread = h.exactly("POST", "channels/" + threadId + "/messages");
      assertEquals(2, inThread.size(), "result and shared answers: " + inThread);
      String result = inThread.get(0).text();
      assertTrue(result.contains("2 answered"), result);
      assertTrue(result.contains("Most missed") || result.contains("Top scorers"), result);
      assertTrue(
          result.contains("Ada") && result.contains("Bob"), "top scorers by name: " + result);
      assertTrue(result.contains("Model answer"), result);
      assertFalse(result.contains("ADA-SECRET"), "no answer text in the result");
      String shared = inThread.get(1).text();
      assertTrue(shared.contains("BOB-SHARED"), "Bob ticked share: " + shared);
      assertFalse(shared.contains("ADA-SECRET"), "Ada did not: " + shared);
      for (RecordedRequest r : inThread) {
        assertEquals(0, r.body().path("allowed_mentions").path("parse").size(), "no pings: " + r);
        assertFalse(r.text().contains("@everyone"), "mention text neutralised: " + r.text());
      }

      SentInteraction late = h.fake.clickButton(ADA, message, answerId);
      assertTrue(
          h.fake.awaitCallback(late, WAIT).text().contains("Only your first answer counts"),
          "after the reveal Ada still sees her own result");
      h.clock.set(Instant.parse("2026-03-29T12:00:00Z"));
      assertTrue(h.scheduler.tick().isEmpty(), "one post per day");
    }
  }

  @Test
  void a_bot_that_was_down_at_posting_time_posts_once_on_return() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-06-01T06:00:00Z"))) {
      setUp(h, "08:30", "America/New_York");
      h.stopBot();
      h.clock.set(Instant.parse("2026-06-04T18:00:00Z")); // missed 1, 2, 3 and 4 June (12:30Z each)
      var whileDown = h.scheduler.tick();
      assertInstanceOf(
          DailyPublisher.Outcome.Retry.class, whileDown.get(0), "a stopped bot retries later");
      Scope guild = h.practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
      assertFalse(
          h.practice.daily().settings(guild).orElseThrow().paused(), "being down never pauses");
      h.startBot();
      var outcomes = h.scheduler.tick();
      assertEquals(1, outcomes.size());
      var posted = assertInstanceOf(DailyPublisher.Outcome.Posted.class, outcomes.get(0));
      assertEquals(
          "2026-06-04",
          posted.post().scheduledFor().orElseThrow().toString(),
          "the latest missed day");
      assertTrue(h.scheduler.tick().isEmpty(), "never twice");
      h.clock.advance(Duration.ofMinutes(30));
      assertTrue(h.scheduler.tick().isEmpty());
      assertEquals(1, h.channelPosts().size(), "exactly one post after the downtime");
      String catchUp = h.channelPosts().get(0).body().path("content").asText();
      assertTrue(
          catchUp.contains("missed 3 daily questions"),
          "the catch-up post says what was skipped: " + catchUp);

      // The next day's post is an ordinary one: nothing was missed since the catch-up.
      h.clock.set(Instant.parse("2026-06-05T12:30:00Z"));
      assertInstanceOf(DailyPublisher.Outcome.Posted.class, h.scheduler.tick().get(0));
      assertEquals(2, h.channelPosts().size());
      assertEquals(
          "", h.channelPosts().get(1).body().path("content").asText(""), "no catch-up note");
    }
  }

  @Test
  void a_deleted_channel_pauses_the_schedule_and_tells_whoever_set_it_up() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      setUp(h, "09:00", "UTC");
      h.fake.deleteChannel(FakeDiscord.TEXT_CHANNEL_ID);
      StudyHarness.awaitTrue(
          "JDA saw the channel deletion",
          () -> h.bot.jda().getTextChannelById(FakeDiscord.TEXT_CHANNEL_ID) == null);
      h.clock.set(Instant.parse("2026-03-27T09:00:00Z"));
      var outcome =
          assertInstanceOf(DailyPublisher.Outcome.Paused.class, h.scheduler.tick().get(0));
      assertTrue(outcome.reason().contains("deleted"), outcome.reason());
      RecordedRequest dm =
          h.fake.await(
              "DM to the admin",
              r -> r.is("POST", "channels/" + h.fake.dmChannelOf(ADMIN) + "/messages"),
              WAIT);
      assertTrue(dm.text().contains("paused") && dm.text().contains("/daily setup"), dm.text());
      Scope guild = h.practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
      assertTrue(h.practice.daily().settings(guild).orElseThrow().paused());

      h.clock.set(Instant.parse("2026-03-28T09:00:00Z"));
      assertTrue(h.scheduler.tick().isEmpty(), "paused: not retried every day");
      h.clock.set(Instant.parse("2026-03-29T09:00:00Z"));
      assertTrue(h.scheduler.tick().isEmpty());
      assertEquals(
          1,
          h.exactly("POST", "channels/" + h.fake.dmChannelOf(ADMIN) + "/messages").size(),
          "told once");
      assertTrue(h.channelPosts().isEmpty());
    }
  }

  @Test
  void a_missing_permission_at_posting_time_pauses_and_the_admin_hears_about_it() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      setUp(h, "09:00", "UTC");
      h.fake.denyChannel(FakeDiscord.TEXT_CHANNEL_ID);
      h.clock.set(Instant.parse("2026-03-27T09:00:00Z"));
      var outcome =
          assertInstanceOf(DailyPublisher.Outcome.Paused.class, h.scheduler.tick().get(0));
      assertTrue(outcome.reason().contains("not allowed"), outcome.reason());
      RecordedRequest dm =
          h.fake.await(
              "DM to the admin",
              r -> r.is("POST", "channels/" + h.fake.dmChannelOf(ADMIN) + "/messages"),
              WAIT);
      assertTrue(dm.text().contains("paused"), dm.text());
      h.clock.set(Instant.parse("2026-03-28T09:00:00Z"));
      assertTrue(h.scheduler.tick().isEmpty(), "paused");
    }
  }

  @Test
  void daily_now_and_reveal_work_on_demand() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      SentInteraction early = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("now"));
      assertTrue(h.fake.replyText(early, WAIT).contains("/daily setup"));
      setUp(h, "09:00", "UTC");
      SentInteraction now = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("now"));
      assertTrue(h.fake.awaitWebhook(now, WAIT).text().contains("Posted"));
      assertEquals(1, h.channelPosts().size());
      SentInteraction reveal = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("reveal"));
      assertTrue(h.fake.awaitWebhook(reveal, WAIT).text().contains("Revealed in"));
      h.fake.await(
          "reveal thread", r -> r.method().equals("POST") && r.path().endsWith("/threads"), WAIT);
      SentInteraction nothing = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("reveal"));
      assertTrue(h.fake.awaitWebhook(nothing, WAIT).text().contains("no unrevealed"));
      SentInteraction off = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("off"));
      assertTrue(h.fake.awaitCallback(off, WAIT).text().contains("off"));
      h.clock.set(Instant.parse("2026-03-27T09:00:00Z"));
      assertTrue(h.scheduler.tick().isEmpty(), "off: nothing scheduled");
    }
  }

  /**
   * Clicks Answer, submits the form, returns the ephemeral grade (the edit of the deferred reply).
   */
  static RecordedRequest answer(
      StudyHarness h, FakeUser who, JsonNode message, String answerId, String text) {
    SentInteraction click = h.fake.clickButton(who, message, answerId);
    RecordedRequest modal = h.fake.awaitCallback(click, WAIT);
    assertEquals(9, modal.body().path("type").asInt(), "a modal opens: " + modal);
    String modalId = modal.body().path("data").path("custom_id").asText();
    assertTrue(modalId.startsWith("v1:daily:" + who.id() + ":submit:"), modalId);
    SentInteraction submit =
        h.fake.submitModal(
            who, FakeDiscord.TEXT_CHANNEL_ID, modalId, Map.of(DailyAnswers.ANSWER_FIELD, text));
    RecordedRequest deferred = h.fake.awaitCallback(submit, WAIT);
    assertEquals(64, deferred.body().path("data").path("flags").asInt() & 64, "sealed: ephemeral");
    RecordedRequest grade = h.fake.awaitWebhook(submit, WAIT);
    assertTrue(grade.text().contains("Sealed"), grade.text());
    return grade;
  }
}
