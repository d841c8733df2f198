package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Background work that fails still ends in an answer: the deferred reply ("thinking…") is edited to
 * say what happened. Members are told the tutor is busy when the database is the problem (the
 * operator's log gets the path and the advice), and ERROR logs never carry the learner's text.
 */
class DeferredFailureTest {
  static final FakeUser ADMIN = FakeUser.admin(801, "Admin");
  static final FakeUser ADA = FakeUser.member(802, "Ada");
  static final Duration SHORT_BUSY = Duration.ofMillis(200);

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLogs() {
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
  }

  /**
   * The reply after the deferral: the ack must be a deferral (type 5), then the edit that replaced
   * it.
   */
  static String editedReply(FaultHarness h, SentInteraction interaction) {
    assertEquals(
        5,
        h.fake.awaitCallback(interaction, WAIT).body().path("type").asInt(),
        "acknowledged first");
    return h.fake.awaitWebhook(interaction, WAIT).text();
  }

  static void setUpDaily(FaultHarness h) {
    SentInteraction setup =
        h.fake.slashCommand(ADMIN, "daily", DailyQuestionTest.setupOptions("09:00", "UTC"));
    String text = h.fake.awaitCallback(setup, WAIT).text();
    assertTrue(text.contains("Daily question set up"), text);
  }

  static void assertBusyWithoutOperatorDetails(FaultHarness h, String text) {
    assertTrue(text.contains("busy"), text);
    assertFalse(
        text.contains(h.file.toAbsolutePath().toString())
            || text.contains("TUTOR_DB")
            || text.contains("--db"),
        "no operator details for a member: " + text);
  }

  private List<String> errorLogText() {
    return logs.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(
            e -> {
              StringBuilder all = new StringBuilder(e.getFormattedMessage());
              for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
              }
              return all.toString();
            })
        .toList();
  }

  @Test
  void explain_whose_search_fails_edits_the_deferred_reply() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, SHORT_BUSY, Map.of())) {
      SentInteraction explain =
          h.fake.slashCommand(ADA, "explain", Payloads.option("query", "worker threads"));
      String text = editedReply(h, explain);
      assertTrue(text.contains("went wrong on my side"), text);
    }
  }

  @Test
  void stats_whose_database_is_gone_edits_the_deferred_reply() throws Exception {
    try (FaultHarness h = new FaultHarness(dir, SHORT_BUSY, Map.of())) {
      h.db.close();
      SentInteraction stats = h.fake.slashCommand(ADA, "stats");
      String text = editedReply(h, stats);
      assertTrue(text.contains("went wrong on my side"), text);
    }
  }

  @Test
  void
      a_daily_answer_whose_grading_fails_edits_the_deferred_reply_and_keeps_the_answer_out_of_error_logs()
          throws Exception {
    try (FaultHarness h = new FaultHarness(dir, SHORT_BUSY, Map.of())) {
      setUpDaily(h);
      SentInteraction now = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("now"));
      assertTrue(editedReply(h, now).contains("Posted"));
      JsonNode question = h.fake.messageContaining("v1:daily:0:answer:");
      String answerId = QuizFlowTest.buttonIds(question).get(0);

      h.gradingFails = true;
      SentInteraction click = h.fake.clickButton(ADA, question, answerId);
      String modalId =
          h.fake.awaitCallback(click, WAIT).body().path("data").path("custom_id").asText();
      String secret = "LEARNER-SECRET {\"quoted\": \"json\"} the heap and the stack";
      SentInteraction submit =
          h.fake.submitModal(
              ADA,
              question.path("channel_id").asLong(),
              modalId,
              Map.of(DailyAnswers.ANSWER_FIELD, secret));
      String text = editedReply(h, submit);
      assertTrue(text.contains("went wrong on my side"), text);

      List<String> errors = errorLogText();
      assertFalse(errors.isEmpty(), "the bug is logged for the operator");
      assertTrue(
          errors.stream().noneMatch(e -> e.contains("LEARNER-SECRET")),
          "no learner text: " + errors);
    }
  }

  @Test
  void daily_now_and_reveal_with_the_database_locked_say_the_tutor_is_busy_and_log_the_path()
      throws Exception {
    try (FaultHarness h = new FaultHarness(dir, SHORT_BUSY, Map.of())) {
      setUpDaily(h);
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        SentInteraction now = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("now"));
        assertBusyWithoutOperatorDetails(h, editedReply(h, now));
      }
      SentInteraction now = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("now"));
      assertTrue(editedReply(h, now).contains("Posted"));
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        SentInteraction reveal = h.fake.slashCommand(ADMIN, "daily", Payloads.subcommand("reveal"));
        assertBusyWithoutOperatorDetails(h, editedReply(h, reveal));
      }
      String path = h.file.toAbsolutePath().toString();
      assertTrue(
          errorLogText().stream().anyMatch(e -> e.contains(path) && e.contains("TUTOR_DB")),
          "the operator's log names the file and what to do: " + errorLogText());
    }
  }

  @Test
  void a_quiz_answer_with_the_database_locked_tells_the_member_the_tutor_is_busy()
      throws Exception {
    try (FaultHarness h = new FaultHarness(dir, SHORT_BUSY, Map.of())) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("question", "71"));
      JsonNode question = h.fake.originalMessage(quiz);
      try (FaultHarness.WriteLock lock = h.lockForWriting()) {
        SentInteraction submit =
            QuizFlowTest.answerThroughModal(h.fake, ADA, question, QuizFlowTest.GOOD_71);
        assertBusyWithoutOperatorDetails(h, editedReply(h, submit));
      }
    }
  }
}
