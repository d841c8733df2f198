package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /stats} shows mastery for the topics of a server's own bank on that server only: the real
 * JDA client against the loopback fake Discord with two servers, the real practice engine on
 * SQLite.
 */
class ServerBankStatsDiscordTest {
  @TempDir Path dir;
  FakeDiscord fake;
  PracticeService practice;

  ServerBanksBot running;

  @BeforeEach
  void start() throws Exception {
    running = ServerBanksBot.start(dir);
    fake = running.fake;
    practice = running.practice;
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void stats_show_the_topic_of_a_servers_own_bank_on_that_server_and_not_on_another()
      throws Exception {
    var admin = ServerBanksDiscordTest.ADMIN;
    SentInteraction uploaded =
        fake.slashCommandIn(
            admin,
            FakeDiscord.TEXT_CHANNEL_ID,
            true,
            "bank",
            Payloads.subcommand(
                "upload",
                fake.attachmentOption(
                    "file",
                    "containers.md",
                    ServerBanksDiscordTest.CONTAINERS.getBytes(StandardCharsets.UTF_8))));
    assertTrue(
        fake.awaitWebhook(uploaded, WAIT).text().contains("Added the bank `containers`"),
        "uploaded");

    SentInteraction quiz = fake.slashCommand(admin, "quiz", Payloads.option("topic", "Containers"));
    fake.awaitCallback(quiz, WAIT);
    assertTrue(fake.awaitWebhook(quiz, WAIT).text().contains("What is a container image?"));
    JsonNode question = fake.originalMessage(quiz);
    SentInteraction answer =
        QuizFlowTest.answerThroughModal(
            fake,
            admin,
            question,
            "An image is a read-only template with the application and what it needs; containers"
                + " start from it.");
    assertTrue(fake.awaitWebhook(answer, WAIT).text().contains("Score"));

    SentInteraction here = fake.slashCommand(admin, "stats");
    String statsHere = fake.awaitWebhook(here, WAIT).text();
    assertTrue(statsHere.contains("Mastery per topic"), statsHere);
    assertTrue(statsHere.contains("Containers: "), statsHere);
    assertTrue(statsHere.contains("(1/2 questions)"), "one of its two questions: " + statsHere);

    SentInteraction elsewhere =
        fake.slashCommandIn(admin, FakeDiscord.OTHER_TEXT_CHANNEL_ID, true, "stats");
    String statsElsewhere = fake.awaitWebhook(elsewhere, WAIT).text();
    assertTrue(statsElsewhere.contains("Mastery per topic"), statsElsewhere);
    assertFalse(statsElsewhere.contains("Containers"), statsElsewhere);
    assertTrue(statsElsewhere.contains("nodejs: "), "the shipped topics: " + statsElsewhere);

    // the answer counts everywhere; the terminal, which is no server, sees the shipped topics
    Person ada = practice.findPerson(Person.discordKey(admin.id())).orElseThrow();
    PersonStats terminal = practice.stats(ada);
    assertEquals(1, terminal.answers());
    assertTrue(
        terminal.topics().stream().noneMatch(t -> t.topic().equals("Containers")),
        terminal.topics().toString());
  }
}
