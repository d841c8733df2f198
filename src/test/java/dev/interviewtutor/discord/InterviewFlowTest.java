package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static dev.interviewtutor.discord.QuizFlowTest.answerThroughModal;
import static dev.interviewtutor.discord.QuizFlowTest.button;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mock interviews end to end: private threads, DMs, buttons, plain-message answers, stop, restart
 * and resume.
 */
class InterviewFlowTest {
  static final FakeUser ADA = FakeUser.member(601, "ada");
  static final String GOOD_71 = QuizFlowTest.GOOD_71;
  static final String GOOD_72 =
      "Worker threads help CPU-intensive work and cryptography run in parallel threads.";

  @TempDir Path dir;

  /** Starts an interview in the server channel; returns the private thread's id. */
  static long startInThread(FakeDiscord fake, FakeUser user, int questions) {
    SentInteraction start =
        fake.slashCommand(
            user,
            "interview",
            Payloads.subcommand(
                "start",
                Payloads.option("topic", "nodejs"),
                Payloads.option("questions", questions)));
    RecordedRequest ack = fake.awaitCallback(start, WAIT);
    assertEquals(5, ack.body().path("type").asInt(), "deferred while the thread is made");
    RecordedRequest thread =
        fake.await(
            "private thread",
            r -> r.is("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/threads"),
            WAIT);
    assertEquals(12, thread.body().path("type").asInt(), "a private thread");
    assertTrue(thread.body().path("name").asText().contains(user.name()));
    long threadId = fake.threads().keySet().iterator().next();
    fake.await(
        "person added to the thread",
        r -> r.is("PUT", "channels/" + threadId + "/thread-members/" + user.id()),
        WAIT);
    RecordedRequest first =
        fake.await(
            "first question in the thread",
            r -> r.is("POST", "channels/" + threadId + "/messages"),
            WAIT);
    assertTrue(first.text().contains("Question 1 of " + questions), first.text());
    assertTrue(first.text().contains("Q71."), first.text());
    RecordedRequest pointer = fake.awaitWebhook(start, WAIT);
    assertTrue(pointer.text().contains("<#" + threadId + ">"), pointer.text());
    return threadId;
  }

  static RecordedRequest awaitBotMessage(FakeDiscord fake, long channelId, String containing) {
    return fake.await(
        "bot message in " + channelId + " containing " + containing,
        r -> r.is("POST", "channels/" + channelId + "/messages") && r.text().contains(containing),
        WAIT);
  }

  @Test
  void interview_in_a_private_thread_with_plain_and_button_answers_ends_with_a_summary()
      throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      long thread = startInThread(h.fake, ADA, 2);

      h.fake.postMessage(ADA, thread, GOOD_71);
      RecordedRequest feedback = awaitBotMessage(h.fake, thread, "Question 2 of 2");
      assertTrue(
          feedback.text().contains("Score 100/100"),
          "feedback on the typed answer: " + feedback.text());
      assertTrue(feedback.text().contains("Q72."), feedback.text());
      assertTrue(feedback.body().has("message_reference"), "replies to the answer");

      JsonNode q2 = h.fake.messageContaining("Question 2 of 2");
      SentInteraction submit = answerThroughModal(h.fake, ADA, q2, GOOD_72);
      RecordedRequest ack = h.fake.awaitCallback(submit, WAIT);
      assertEquals(5, ack.body().path("type").asInt());
      RecordedRequest end = h.fake.awaitWebhook(submit, WAIT);
      assertTrue(end.text().contains("Interview summary"), end.text());
      assertTrue(end.text().contains("Average score"), end.text());
      assertTrue(end.text().contains("Q71 How Does Node.js Scale?: 100/100"), end.text());

      h.fake.postMessage(ADA, thread, "one more thing");
      SentInteraction stop =
          h.fake.slashCommandIn(ADA, thread, true, "interview", Payloads.subcommand("stop"));
      assertTrue(h.fake.replyText(stop, WAIT).contains("no interview in progress"));
      assertTrue(
          h.fake.requests().stream().noneMatch(r -> r.text().contains("one more thing")),
          "a message after the end is not graded or echoed");
    }
  }

  @Test
  void hint_skip_and_stop_buttons_and_the_stop_command() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      long thread = startInThread(h.fake, ADA, 3);
      JsonNode q1 = h.fake.messageContaining("Question 1 of 3");

      SentInteraction hint = h.fake.clickButton(ADA, q1, button(q1, "hint"));
      assertTrue(h.fake.awaitCallback(hint, WAIT).text().contains("Hint 1"));

      SentInteraction skip = h.fake.clickButton(ADA, q1, button(q1, "skip"));
      RecordedRequest skipped = h.fake.awaitCallback(skip, WAIT);
      assertTrue(
          skipped.text().contains("Question 2 of 3") && skipped.text().contains("Skipped."),
          skipped.text());

      SentInteraction stale = h.fake.clickButton(ADA, q1, button(q1, "answer"));
      assertTrue(
          h.fake.awaitCallback(stale, WAIT).text().contains("already done"),
          "buttons of a past question");

      SentInteraction stop =
          h.fake.slashCommandIn(ADA, thread, true, "interview", Payloads.subcommand("stop"));
      String summary = h.fake.replyText(stop, WAIT);
      assertTrue(summary.contains("Interview summary"), summary);
      assertTrue(summary.contains("skipped"), summary);
    }
  }

  @Test
  void interview_in_dms_takes_plain_answers_without_the_message_content_intent() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction start =
          h.fake.slashCommandInDm(
              ADA,
              "interview",
              Payloads.subcommand(
                  "start", Payloads.option("topic", "nodejs"), Payloads.option("questions", 1)));
      assertEquals(
          5, h.fake.awaitCallback(start, WAIT).body().path("type").asInt(), "acknowledged first");
      RecordedRequest first = h.fake.awaitWebhook(start, WAIT);
      assertTrue(first.text().contains("Question 1 of 1"), first.text());
      assertTrue(h.fake.threads().isEmpty(), "no thread in a DM");

      long dm = h.fake.dmChannelOf(ADA);
      h.fake.postMessage(ADA, dm, GOOD_71);
      RecordedRequest end = awaitBotMessage(h.fake, dm, "Interview summary");
      assertTrue(end.text().contains("Score 100/100"), end.text());
    }
  }

  @Test
  void an_interview_resumes_after_the_bot_restarts() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      long thread = startInThread(h.fake, ADA, 3);
      h.fake.postMessage(ADA, thread, GOOD_71);
      awaitBotMessage(h.fake, thread, "Question 2 of 3");

      h.restartBot();
      assertEquals(2, h.fake.gatewayConnections(), "a new JDA session logged in");

      h.fake.postMessage(ADA, thread, GOOD_72);
      RecordedRequest third = awaitBotMessage(h.fake, thread, "Question 3 of 3");
      assertTrue(
          third.text().contains("Q72. What Are Worker Threads?"),
          "graded the right question: " + third.text());

      SentInteraction again = h.fake.slashCommand(ADA, "interview", Payloads.subcommand("start"));
      String resumed = h.fake.replyText(again, WAIT);
      assertTrue(
          resumed.contains("where you left off") && resumed.contains("Question 3 of 3"), resumed);

      JsonNode q3 = h.fake.messageContaining("Question 3 of 3");
      SentInteraction submit =
          answerThroughModal(h.fake, ADA, q3, "The event loop runs timers, poll and check phases.");
      RecordedRequest end = h.fake.awaitWebhook(submit, WAIT);
      assertTrue(end.text().contains("Interview summary"), end.text());
      List<String> scores =
          List.of("Q71 How Does Node.js Scale?: 100/100", "Q72 What Are Worker Threads?: 100/100");
      for (String line : scores) {
        assertTrue(
            end.text().contains(line), "answers from before the restart count: " + end.text());
      }
    }
  }

  @Test
  void someone_else_cannot_answer_in_my_interview() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      startInThread(h.fake, ADA, 2);
      JsonNode q1 = h.fake.messageContaining("Question 1 of 2");
      SentInteraction stolen =
          h.fake.clickButton(FakeUser.member(602, "eve"), q1, button(q1, "answer"));
      assertTrue(h.fake.awaitCallback(stolen, WAIT).text().contains("This isn't yours"));
    }
  }
}
