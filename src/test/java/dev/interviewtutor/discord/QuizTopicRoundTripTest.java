package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic longer than a component id can carry, with a ':' in it, still works on Skip, Next and
 * Answer.
 */
class QuizTopicRoundTripTest {
  static final FakeUser ADA = FakeUser.member(841, "Ada");
  static final String LONG_TOPIC =
      "Node.js at scale: clustering, load balancing, workers and the event loop";

  @TempDir Path dir;

  @Test
  void skip_and_next_keep_a_long_topic_with_a_colon() throws Exception {
    Path bank = Files.createDirectories(dir.resolve("bank"));
    Files.writeString(
        bank.resolve("scale.md"),
        "topic: "
            + LONG_TOPIC
            + "\n\n"
            + Files.readString(BotHarness.testBankDir().resolve("nodejs.md")));
    try (BotHarness h =
        BotHarness.startWith(
            dir,
            Map.of("TUTOR_KNOWLEDGE", bank.toString()),
            config -> {
              Database db = Database.open(config.db());
              PracticeService practice =
                  new PracticeService(
                      BankLoader.load(config.knowledgeDir()),
                      QuestionRubrics::of,
                      FixedGrader.fast(),
                      db,
                      Clock.systemUTC());
              return new BotServices(practice, Clock.systemUTC(), List.of(db));
            })) {
      SentInteraction quiz = h.fake.slashCommand(ADA, "quiz", Payloads.option("topic", LONG_TOPIC));
      JsonNode first = h.fake.originalMessage(quiz);
      String firstTitle = first.path("embeds").get(0).path("title").asText();

      SentInteraction skip = h.fake.clickButton(ADA, first, QuizFlowTest.button(first, "skip"));
      String next = h.fake.replyText(skip, WAIT);
      assertTrue(
          next.contains("Quiz for Ada") && !next.contains(firstTitle),
          "the next question of the topic: " + next);

      JsonNode second = h.fake.originalMessage(skip);
      SentInteraction submit =
          QuizFlowTest.answerThroughModal(h.fake, ADA, second, QuizFlowTest.GOOD_71);
      JsonNode graded = h.fake.originalMessage(submit);
      SentInteraction more = h.fake.clickButton(ADA, graded, QuizFlowTest.button(graded, "next"));
      assertTrue(h.fake.replyText(more, WAIT).contains("Quiz for Ada"), "Next works too");
    }
  }
}
