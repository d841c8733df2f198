package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily publishing cannot stop grading, and a reveal Discord refused is not lost. */
class DailyIsolationTest {
  static final FakeUser ADA = FakeUser.member(821, "Ada");

  @TempDir Path dir;

  @Test
  void grading_goes_on_while_daily_posts_are_stuck_in_a_discord_rate_limit() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, Duration.ofSeconds(5), Map.of())) {
      DeferredFailureTest.setUpDaily(h);
      Runnable release = h.fake.holdChannelPosts();
      // More admins than the machine has cores (the grading pool's size), all posting at once
      // during the stall.
      List<SentInteraction> nows = new ArrayList<>();
      for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 2; i++) {
        FakeUser admin = FakeUser.admin(830 + i, "Admin" + i);
        nows.add(h.fake.slashCommand(admin, "daily", Payloads.subcommand("now")));
      }
      StudyHarness.awaitTrue(
          "a daily post stuck in the stall", () -> h.fake.heldChannelPosts() == 1);

      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "71"));
      JsonNode question = h.fake.originalMessage(quiz);
      SentInteraction submit =
          QuizFlowTest.answerThroughModal(h.fake, ADA, question, QuizFlowTest.GOOD_71);
      String grade = h.fake.awaitWebhook(submit, WAIT).text();
      assertTrue(grade.contains("Score"), "graded during the stall: " + grade);

      release.run();
      for (SentInteraction now : nows) {
        assertTrue(
            h.fake.awaitWebhook(now, WAIT).text().contains("Posted"),
            "every /daily now ends in a reply");
      }
    }
  }

  @Test
  void a_reveal_discord_refused_stays_pending_and_is_posted_on_the_next_try() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, Duration.ofSeconds(5), Map.of())) {
      DeferredFailureTest.setUpDaily(h);
      SentInteraction now =
          h.fake.slashCommand(DeferredFailureTest.ADMIN, "daily", Payloads.subcommand("now"));
      assertTrue(h.fake.awaitWebhook(now, WAIT).text().contains("Posted"));
      Scope guild = h.practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");

      h.fake.denyChannel(FakeDiscord.TEXT_CHANNEL_ID);
      SentInteraction refused =
          h.fake.slashCommand(DeferredFailureTest.ADMIN, "daily", Payloads.subcommand("reveal"));
      String text = h.fake.awaitWebhook(refused, WAIT).text();
      assertTrue(text.contains("couldn't post"), text);
      assertEquals(
          1, h.practice.daily().unrevealed(guild).size(), "still pending: answers stay open");

      h.fake.allowChannel(FakeDiscord.TEXT_CHANNEL_ID);
      SentInteraction retry =
          h.fake.slashCommand(DeferredFailureTest.ADMIN, "daily", Payloads.subcommand("reveal"));
      String posted = h.fake.awaitWebhook(retry, WAIT).text();
      assertTrue(posted.contains("Revealed in"), posted);
      assertTrue(h.practice.daily().unrevealed(guild).isEmpty(), "revealed once it was posted");
    }
  }
}
