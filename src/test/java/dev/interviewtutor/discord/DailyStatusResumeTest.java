package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.DailyQuestionTest.ADA;
import static dev.interviewtutor.discord.DailyQuestionTest.ADMIN;
import static dev.interviewtutor.discord.DailyQuestionTest.WAIT;
import static dev.interviewtutor.discord.DailyQuestionTest.setUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /daily status and /daily resume (and /daily setup lifting a pause), with the Manage Server rules.
 */
class DailyStatusResumeTest {
  @TempDir Path dir;

  private static String daily(StudyHarness h, FakeUser user, String subcommand) {
    return h.fake
        .awaitCallback(h.fake.slashCommand(user, "daily", Payloads.subcommand(subcommand)), WAIT)
        .text();
  }

  private static Scope guild(StudyHarness h) {
    return h.practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
  }

  @Test
  void status_and_resume_are_defined_under_manage_server_and_refused_to_members() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      RecordedRequest put =
          h.fake.await("command registration", r -> r.is("PUT", "applications/"), WAIT);
      List<String> subcommands = new ArrayList<>();
      for (JsonNode c : put.body()) {
        if (c.path("name").asText().equals("daily")) {
          assertEquals(
              "32",
              c.path("default_member_permissions").asText(),
              "Manage Server on the definition");
          c.path("options").forEach(o -> subcommands.add(o.path("name").asText()));
        }
      }
      assertTrue(
          subcommands.containsAll(List.of("setup", "status", "resume", "off", "now", "reveal")),
          subcommands.toString());

      assertTrue(daily(h, ADMIN, "status").contains("not set up"));
      setUp(h, "09:00", "UTC");
      for (String sub : List.of("status", "resume")) {
        String refusal = daily(h, ADA, sub);
        assertTrue(refusal.contains("Manage Server"), sub + " checked by the bot: " + refusal);
      }
    }
  }

  @Test
  void status_shows_a_pause_and_its_reason_and_resume_lifts_it_with_a_confirmation()
      throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      setUp(h, "09:00", "Europe/Berlin");
      String running = daily(h, ADMIN, "status");
      assertTrue(
          running.contains("<#" + FakeDiscord.TEXT_CHANNEL_ID + ">")
              && running.contains("9:00")
              && running.contains("Europe/Berlin")
              && running.contains("Running"),
          running);
      assertTrue(daily(h, ADMIN, "resume").contains("isn't paused"));

      h.fake.denyChannel(FakeDiscord.TEXT_CHANNEL_ID);
      h.clock.set(Instant.parse("2026-03-27T08:00:00Z"));
      var paused = assertInstanceOf(DailyPublisher.Outcome.Paused.class, h.scheduler.tick().get(0));
      String status = daily(h, ADMIN, "status");
      assertTrue(status.contains("Paused") && status.contains(paused.reason()), status);
      assertTrue(status.contains("/daily resume"), status);

      h.fake.allowChannel(FakeDiscord.TEXT_CHANNEL_ID);
      String resumed = daily(h, ADMIN, "resume");
      assertTrue(resumed.contains("Resumed") && resumed.contains(paused.reason()), resumed);
      assertFalse(h.practice.daily().settings(guild(h)).orElseThrow().paused());
      assertTrue(daily(h, ADMIN, "status").contains("Running"));

      var outcomes = h.scheduler.tick();
      assertEquals(1, outcomes.size(), "the question missed while paused goes out once");
      assertInstanceOf(DailyPublisher.Outcome.Posted.class, outcomes.get(0));
      assertEquals(
          2,
          h.channelPosts().size(),
          "the refused attempt before the pause and the post after resuming");
      assertTrue(h.scheduler.tick().isEmpty(), "and only once");
    }
  }

  @Test
  void setup_lifts_a_pause_and_says_so() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, Instant.parse("2026-03-27T06:00:00Z"))) {
      setUp(h, "09:00", "UTC");
      h.fake.denyChannel(FakeDiscord.TEXT_CHANNEL_ID);
      h.clock.set(Instant.parse("2026-03-27T09:00:00Z"));
      var paused = assertInstanceOf(DailyPublisher.Outcome.Paused.class, h.scheduler.tick().get(0));
      RecordedRequest dm =
          h.fake.await(
              "DM to the admin",
              r -> r.is("POST", "channels/" + h.fake.dmChannelOf(ADMIN) + "/messages"),
              WAIT);
      assertTrue(
          dm.text().contains("/daily resume") && dm.text().contains("/daily status"), dm.text());
      h.fake.allowChannel(FakeDiscord.TEXT_CHANNEL_ID);

      String lifted = setUp(h, "10:00", "UTC");
      assertTrue(lifted.contains("pause is lifted") && lifted.contains(paused.reason()), lifted);
      assertFalse(h.practice.daily().settings(guild(h)).orElseThrow().paused());
      assertTrue(daily(h, ADMIN, "status").contains("Running"));
    }
  }
}
