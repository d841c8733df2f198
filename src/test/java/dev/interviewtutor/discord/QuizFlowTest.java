package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /quiz and /review end to end: the real JDA client, the fake Discord, the real practice engine and
 * SQLite.
 */
class QuizFlowTest {
  static final FakeUser ADA = FakeUser.member(501, "ada");
  static final FakeUser BOB = FakeUser.member(502, "bob");
  static final String GOOD_71 =
      "Node scales out, not up. Clustering runs several processes. A load balancer spreads requests across "
          + "instances, horizontal scaling adds machines and stateless services let any instance answer.";

  @TempDir Path dir;

  static List<String> buttonIds(JsonNode message) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode c : row.path("components")) {
        ids.add(c.path("custom_id").asText());
      }
    }
    return ids;
  }

  static String button(JsonNode message, String action) {
    return buttonIds(message).stream()
        .filter(id -> id.split(":")[3].equals(action))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " button in " + message));
  }

  /**
   * Clicks Answer on a question message, checks the modal, submits {@code answer}; returns the
   * submission.
   */
  static SentInteraction answerThroughModal(
      FakeDiscord fake, FakeUser user, JsonNode question, String answer) {
    SentInteraction click = fake.clickButton(user, question, button(question, "answer"));
    RecordedRequest modal = fake.awaitCallback(click, WAIT);
    assertEquals(9, modal.body().path("type").asInt(), "a modal opens: " + modal);
    JsonNode data = modal.body().path("data");
    assertTrue(data.path("title").asText().length() <= 45, "modal title within 45");
    JsonNode label = data.path("components").get(0);
    assertTrue(label.path("label").asText().length() <= 45, "modal label within 45: " + label);
    assertEquals(
        4000,
        label.path("component").path("max_length").asInt(),
        "paragraph of up to 4,000: " + label);
    assertEquals(2, label.path("component").path("style").asInt(), "paragraph style");
    return fake.submitModal(
        user,
        question.path("channel_id").asLong(),
        data.path("custom_id").asText(),
        Map.of("answer", answer));
  }

  @Test
  void quiz_answer_grades_ephemerally_then_offers_model_answer_and_next() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", "nodejs"));
      RecordedRequest ack = h.fake.awaitCallback(quiz, WAIT);
      assertEquals(
          5, ack.body().path("type").asInt(), "acknowledged first, the question edited in");
      assertEquals(0, ack.body().path("data").path("flags").asInt() & 64, "the question is public");
      RecordedRequest shown = h.fake.awaitWebhook(quiz, WAIT);
      assertTrue(shown.text().contains("Q71. How Does Node.js Scale?"), shown.text());
      JsonNode question = h.fake.originalMessage(quiz);
      String topic =
          Integer.toString(h.bot.context().services().practice().topics().indexOf("nodejs"));
      assertEquals(
          List.of(
              "v1:quiz:501:answer:71:" + topic,
              "v1:quiz:501:hint:71:" + topic,
              "v1:quiz:501:skip:71:" + topic),
          buttonIds(question),
          "the topic travels as its index");

      SentInteraction submit = answerThroughModal(h.fake, ADA, question, GOOD_71);
      RecordedRequest deferred = h.fake.awaitCallback(submit, WAIT);
      assertEquals(5, deferred.body().path("type").asInt(), "deferred while grading");
      assertEquals(
          64, deferred.body().path("data").path("flags").asInt() & 64, "the grade is ephemeral");
      RecordedRequest graded = h.fake.awaitWebhook(submit, WAIT);
      assertEquals("PATCH", graded.method());
      assertTrue(graded.path().endsWith("/messages/@original"), graded.path());
      String text = graded.text();
      assertTrue(text.contains("Score 100/100"), graded.body().toString());
      assertTrue(text.contains("Covered") && text.contains("Missed") && text.contains("Tip"), text);
      assertTrue(text.contains("Node.js scales horizontally, not vertically."), "the tip: " + text);
      assertTrue(
          graded.body().has("allowed_mentions"),
          "edits carry their own allowed mentions: " + graded.body());
      assertEquals(
          0, graded.body().path("allowed_mentions").path("parse").size(), "nobody is pinged");

      JsonNode gradeMessage = h.fake.originalMessage(submit);
      SentInteraction model = h.fake.clickButton(ADA, gradeMessage, button(gradeMessage, "model"));
      RecordedRequest modelReply = h.fake.awaitCallback(model, WAIT);
      assertTrue(modelReply.text().contains("Model answer"), modelReply.text());
      assertEquals(64, modelReply.body().path("data").path("flags").asInt() & 64);

      SentInteraction next = h.fake.clickButton(ADA, gradeMessage, button(gradeMessage, "next"));
      String nextQuestion = h.fake.replyText(next, WAIT);
      assertTrue(nextQuestion.contains("Q72."), "the next unseen question: " + nextQuestion);
    }
  }

  @Test
  void a_poor_answer_lists_missed_points_and_a_hint_caps_the_score() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", "nodejs"));
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);

      SentInteraction hint = h.fake.clickButton(ADA, question, button(question, "hint"));
      RecordedRequest hintReply = h.fake.awaitCallback(hint, WAIT);
      assertTrue(hintReply.text().contains("Hint 1"), hintReply.text());
      assertEquals(64, hintReply.body().path("data").path("flags").asInt() & 64);

      SentInteraction submit = answerThroughModal(h.fake, ADA, question, GOOD_71);
      String text = h.fake.awaitWebhook(submit, WAIT).text();
      assertTrue(text.contains("Score 70/100"), "capped at 70 after a hint: " + text);
      assertTrue(text.contains("Capped at 70 because a hint was used"), text);

      SentInteraction again = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "72"));
      h.fake.awaitCallback(again, WAIT);
      SentInteraction poor =
          answerThroughModal(
              h.fake, ADA, h.fake.originalMessage(again), "I am not sure, maybe threads?");
      String poorText = h.fake.awaitWebhook(poor, WAIT).text();
      assertTrue(poorText.contains("❌"), "missed key points listed: " + poorText);
    }
  }

  @Test
  void skip_moves_on_and_someone_elses_button_is_refused() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", "nodejs"));
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);

      SentInteraction stolen = h.fake.clickButton(BOB, question, button(question, "answer"));
      RecordedRequest refusal = h.fake.awaitCallback(stolen, WAIT);
      assertEquals(4, refusal.body().path("type").asInt(), "no modal for someone else");
      assertEquals(64, refusal.body().path("data").path("flags").asInt() & 64);
      assertTrue(refusal.text().contains("This isn't yours"), refusal.text());

      SentInteraction skip = h.fake.clickButton(ADA, question, button(question, "skip"));
      String skipped = h.fake.replyText(skip, WAIT);
      assertTrue(skipped.contains("Q72."), skipped);

      SentInteraction old = h.fake.clickButton(ADA, question, "v0:quiz:501:answer:71:nodejs");
      assertTrue(h.fake.awaitCallback(old, WAIT).text().contains("older version"));
    }
  }

  @Test
  void the_rate_limit_refuses_extra_answers_in_a_minute_with_a_friendly_message() throws Exception {
    FixedGrader grader = FixedGrader.fast();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of("TUTOR_ANSWERS_PER_MINUTE", "2"))) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", "nodejs"));
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);
      for (int i = 0; i < 2; i++) {
        SentInteraction ok = answerThroughModal(h.fake, ADA, question, GOOD_71);
        assertEquals(5, h.fake.awaitCallback(ok, WAIT).body().path("type").asInt());
        h.fake.awaitWebhook(ok, WAIT);
      }
      SentInteraction third = answerThroughModal(h.fake, ADA, question, GOOD_71);
      RecordedRequest refused = h.fake.awaitCallback(third, WAIT);
      assertEquals(4, refused.body().path("type").asInt(), "refused at once, not deferred");
      assertEquals(64, refused.body().path("data").path("flags").asInt() & 64);
      assertTrue(refused.text().contains("2 answers graded per minute"), refused.text());
      assertEquals(2, grader.graded.get(), "the refused answer was not graded");

      SentInteraction bobsQuiz =
          h.fake.slashCommand(BOB, "quiz", Payloads.option("topic", "nodejs"));
      h.fake.awaitCallback(bobsQuiz, WAIT);
      SentInteraction bobs =
          answerThroughModal(h.fake, BOB, h.fake.originalMessage(bobsQuiz), GOOD_71);
      assertEquals(
          5,
          h.fake.awaitCallback(bobs, WAIT).body().path("type").asInt(),
          "Bob has his own budget");
    }
  }

  @Test
  void an_answer_over_4000_characters_is_refused_clearly() throws Exception {
    FixedGrader grader = FixedGrader.fast();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.awaitCallback(quiz, WAIT);
      JsonNode question = h.fake.originalMessage(quiz);
      SentInteraction tooLong = answerThroughModal(h.fake, ADA, question, "x ".repeat(2001));
      RecordedRequest refused = h.fake.awaitCallback(tooLong, WAIT);
      assertTrue(refused.text().contains("4002 characters; the limit is 4,000"), refused.text());
      assertEquals(0, grader.graded.get());
    }
  }

  @Test
  void the_acknowledgement_arrives_before_a_slow_grade_finishes() throws Exception {
    GatedGrader grader = new GatedGrader();
    try (BotHarness h = BotHarness.start(dir, grader, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz");
      h.fake.awaitCallback(quiz, WAIT);
      SentInteraction submit =
          answerThroughModal(h.fake, ADA, h.fake.originalMessage(quiz), GOOD_71);
      RecordedRequest ack = h.fake.awaitCallback(submit, WAIT);
      assertEquals(5, ack.body().path("type").asInt(), "deferred");
      assertTrue(grader.awaitStarted(WAIT), "grading started");
      assertFalse(
          grader.finished(), "the grade is still being worked on when the acknowledgement arrives");
      assertTrue(
          h.fake.requests().stream().noneMatch(r -> r.path().startsWith(submit.webhookPath())),
          "no result before the grade is done");
      grader.release();
      assertTrue(h.fake.awaitWebhook(submit, WAIT).text().contains("Score"));
    }
  }

  @Test
  void autocomplete_suggests_topics_and_questions() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction topics = h.fake.autocomplete(ADA, "quiz", Payloads.focused("topic", "no"));
      RecordedRequest choices = h.fake.awaitCallback(topics, WAIT);
      assertEquals(8, choices.body().path("type").asInt());
      assertEquals(
          "nodejs", choices.body().path("data").path("choices").get(0).path("value").asText());
      assertEquals(1, choices.body().path("data").path("choices").size());

      SentInteraction questions =
          h.fake.autocomplete(
              ADA,
              "quiz",
              Payloads.option("topic", "nodejs"),
              Payloads.focused("question", "worker"));
      JsonNode q = h.fake.awaitCallback(questions, WAIT).body().path("data").path("choices");
      assertEquals(1, q.size(), q.toString());
      assertEquals("72", q.get(0).path("value").asText());

      SentInteraction interviewTopics =
          h.fake.autocomplete(
              ADA, "interview", Payloads.subcommand("start", Payloads.focused("topic", "MEM")));
      assertEquals(
          "memory",
          h.fake
              .awaitCallback(interviewTopics, WAIT)
              .body()
              .path("data")
              .path("choices")
              .get(0)
              .path("value")
              .asText());
    }
  }

  @Test
  void review_shows_due_questions_one_at_a_time_and_says_when_nothing_is_due() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction nothing = h.fake.slashCommand(ADA, "review");
      assertTrue(h.fake.replyText(nothing, WAIT).contains("Nothing is due"));

      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "75"));
      h.fake.awaitCallback(quiz, WAIT);
      SentInteraction poor =
          answerThroughModal(h.fake, ADA, h.fake.originalMessage(quiz), "no idea honestly");
      h.fake.awaitWebhook(poor, WAIT);

      h.clock.advance(Duration.ofDays(2));
      SentInteraction review = h.fake.slashCommand(ADA, "review");
      RecordedRequest ack = h.fake.awaitCallback(review, WAIT);
      assertEquals(64, ack.body().path("data").path("flags").asInt() & 64, "reviews are private");
      String due = h.fake.replyText(review, WAIT);
      assertTrue(due.contains("Q75."), "the poorly answered question is due: " + due);
      JsonNode question = h.fake.originalMessage(review);
      assertTrue(button(question, "answer").startsWith("v1:review:501:answer:75"));
      SentInteraction answer =
          answerThroughModal(h.fake, ADA, question, "timers poll check phases of the loop");
      assertTrue(h.fake.awaitWebhook(answer, WAIT).text().contains("Score"));
    }
  }

  @Test
  void an_unknown_topic_is_refused_with_the_list_of_topics() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", "cobol"));
      String text = h.fake.awaitCallback(quiz, WAIT).text();
      assertTrue(text.contains("There is no topic 'cobol'") && text.contains("nodejs"), text);
    }
  }

  @Test
  void quiz_works_in_a_dm_with_the_bot() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction quiz =
          h.fake.slashCommandInDm(ADA, "quiz", Payloads.option("question", "71"));
      assertTrue(h.fake.replyText(quiz, WAIT).contains("Q71."));
      JsonNode question = h.fake.originalMessage(quiz);
      assertEquals(h.fake.dmChannelOf(ADA), question.path("channel_id").asLong());
      SentInteraction submit = answerThroughModal(h.fake, ADA, question, GOOD_71);
      assertTrue(h.fake.awaitWebhook(submit, WAIT).text().contains("Score 100/100"));
    }
  }
}
