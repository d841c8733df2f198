package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interviews (questions, graded answers with quotes) never happen in public; one member's progress
 * is not shown to another; a reply to a member's message does not ping them.
 */
class PrivacyTest {
  static final FakeUser ADA = FakeUser.member(851, "Ada");
  static final FakeUser BOB = FakeUser.member(852, "Bob");
  static final FakeUser ADMIN = FakeUser.admin(853, "Admin");

  @TempDir Path dir;

  static SentInteraction startInterview(FakeDiscord fake, long channel) {
    return fake.slashCommandIn(
        ADA,
        channel,
        true,
        "interview",
        Payloads.subcommand(
            "start", Payloads.option("topic", "nodejs"), Payloads.option("questions", 1)));
  }

  @Test
  void an_interview_started_in_a_public_thread_opens_a_private_thread_in_its_channel()
      throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      long publicThread = h.fake.startPublicThread(BOB, "general chat");
      SentInteraction start = startInterview(h.fake, publicThread);
      RecordedRequest ack = h.fake.awaitCallback(start, WAIT);
      assertEquals(64, ack.body().path("data").path("flags").asInt() & 64, "the reply is private");
      RecordedRequest thread =
          h.fake.await(
              "private thread",
              r -> r.is("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/threads"),
              WAIT);
      assertEquals(
          12, thread.body().path("type").asInt(), "a private thread in the thread's text channel");
      String said = h.fake.awaitWebhook(start, WAIT).text();
      assertTrue(said.contains("private thread"), "says where it went and why: " + said);
      h.fake.await(
          "the first question in the private thread",
          r ->
              r.method().equals("POST")
                  && r.path().matches("channels/\\d+/messages")
                  && r.text().contains("Question 1 of 1"),
          WAIT);
      assertTrue(
          h.fake.requests().stream()
              .noneMatch(r -> r.path().startsWith("channels/" + publicThread + "/")),
          "nothing posted in the public thread");
    }
  }

  @Test
  void an_interview_started_in_a_voice_channel_chat_moves_to_direct_messages() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction start = startInterview(h.fake, FakeDiscord.VOICE_CHANNEL_ID);
      assertEquals(
          64, h.fake.awaitCallback(start, WAIT).body().path("data").path("flags").asInt() & 64);
      String said = h.fake.awaitWebhook(start, WAIT).text();
      assertTrue(said.contains("DMs"), "says it moved to DMs: " + said);
      long dm = h.fake.dmChannelOf(ADA);
      h.fake.await(
          "the first question in the DM",
          r -> r.is("POST", "channels/" + dm + "/messages") && r.text().contains("Question 1 of 1"),
          WAIT);
      assertTrue(
          h.fake.requests().stream()
              .noneMatch(
                  r -> r.path().startsWith("channels/" + FakeDiscord.VOICE_CHANNEL_ID + "/")),
          "nothing posted in the voice channel's chat");

      // Typed answers work in the DM, and the reply to them does not ping.
      h.fake.postMessage(ADA, dm, InterviewFlowTest.GOOD_71);
      RecordedRequest reply =
          h.fake.await(
              "the graded reply",
              r ->
                  r.is("POST", "channels/" + dm + "/messages") && r.body().has("message_reference"),
              WAIT);
      assertTrue(reply.text().contains("Interview summary"), reply.text());
      assertFalse(
          reply.body().path("allowed_mentions").path("replied_user").asBoolean(true),
          "a reply never mentions the member it answers: " + reply.body().path("allowed_mentions"));
    }
  }

  @Test
  void another_members_stats_are_for_this_servers_admins_only() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction byMember =
          h.fake.slashCommand(ADA, "stats", Payloads.userOption("user", BOB, true));
      String refused = h.fake.awaitCallback(byMember, WAIT).text();
      assertTrue(refused.contains("admins"), refused);

      SentInteraction stranger =
          h.fake.slashCommand(
              ADMIN,
              "stats",
              Payloads.userOption("user", FakeUser.member(859, "Elsewhere"), false));
      String notHere = h.fake.awaitCallback(stranger, WAIT).text();
      assertTrue(notHere.contains("isn't a member of this server"), notHere);

      SentInteraction byAdmin =
          h.fake.slashCommand(ADMIN, "stats", Payloads.userOption("user", BOB, true));
      assertTrue(
          h.fake.replyText(byAdmin, WAIT).contains("no graded answers"), "an admin may look");

      SentInteraction inDm =
          h.fake.slashCommandInDm(ADA, "stats", Payloads.userOption("user", BOB, false));
      assertTrue(h.fake.awaitCallback(inDm, WAIT).text().contains("only your own"));
    }
  }
}
