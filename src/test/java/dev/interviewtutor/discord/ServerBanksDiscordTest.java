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
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's own banks end to end: the real JDA client against the loopback fake Discord with two
 * servers, the real practice engine on SQLite. A bank uploaded on one server is played there and is
 * absent on the other (quiz, autocomplete, explain, bank list); a broken upload is answered
 * privately with every problem and its line; managing banks needs Manage Server; the bot owner
 * re-reads the knowledge directory while an interview goes on.
 */
class ServerBanksDiscordTest {
  static final FakeUser ADMIN = FakeUser.admin(701, "ada");
  static final FakeUser MEMBER = FakeUser.member(702, "bo");
  static final FakeUser OWNER = FakeUser.admin(FakeDiscord.OWNER_ID, "owner");

  static final String CONTAINERS =
      """
      ---
      topic: Containers
      ---

      # 1. What is a container image?

      ### Explanation
      A container image is a read-only template holding an application and everything it needs to run. Containers
      are started from images, and many containers can share one image.

      ### Interview Tip
      Say that images are built in layers that are cached and shared.

      # 2. Why would you mount a volume into a container?

      ### Explanation
      A volume keeps data outside the container's writable layer, so the data survives when the container is
      removed and can be shared between containers.
      """;

  /**
   * Line 6: a question heading indented by a space; line 11: a numbered heading one level too deep.
   */
  static final String BROKEN =
      """
      # 1. What is a container image?

      ### Explanation
      A read-only template for containers.

       # 2. What is a volume?

      ### Explanation
      Storage that outlives a container.

      ### 3 What is a registry?

      ### Explanation
      A server that stores images.
      """;

  @TempDir Path dir;
  FakeDiscord fake;
  TutorBot bot;
  PracticeService practice;
  Path knowledge;

  ServerBanksBot running;

  @BeforeEach
  void start() throws Exception {
    running = ServerBanksBot.start(dir);
    fake = running.fake;
    bot = running.bot;
    practice = running.practice;
    knowledge = running.knowledge;
  }

  @AfterEach
  void stop() {
    running.close();
  }

  SentInteraction upload(FakeUser user, long channel, String fileName, String text) {
    return fake.slashCommandIn(
        user,
        channel,
        true,
        "bank",
        Payloads.subcommand(
            "upload",
            fake.attachmentOption("file", fileName, text.getBytes(StandardCharsets.UTF_8))));
  }

  static boolean ephemeral(RecordedRequest callback) {
    return (callback.body().path("data").path("flags").asInt() & 64) == 64;
  }

  List<String> choices(SentInteraction autocomplete) {
    RecordedRequest reply = fake.awaitCallback(autocomplete, WAIT);
    assertEquals(8, reply.body().path("type").asInt(), "autocomplete answer: " + reply);
    List<String> values = new ArrayList<>();
    reply.body().path("data").path("choices").forEach(c -> values.add(c.path("value").asText()));
    return values;
  }

  @Test
  void a_bank_uploaded_on_one_server_is_played_there_and_absent_on_the_other() throws Exception {
    SentInteraction refused =
        upload(MEMBER, FakeDiscord.TEXT_CHANNEL_ID, "containers.md", CONTAINERS);
    RecordedRequest refusal = fake.awaitCallback(refused, WAIT);
    assertTrue(refusal.text().contains("You need the Manage Server permission"), refusal.text());

    SentInteraction uploaded =
        upload(ADMIN, FakeDiscord.TEXT_CHANNEL_ID, "containers.md", CONTAINERS);
    assertTrue(ephemeral(fake.awaitCallback(uploaded, WAIT)), "answered privately");
    String added = fake.awaitWebhook(uploaded, WAIT).text();
    assertTrue(added.contains("Added the bank `containers`: 2 question(s)"), added);

    // Played on its server: the topic autocompletes, the quiz asks its question and grades the
    // answer.
    assertTrue(
        choices(fake.autocomplete(ADMIN, "quiz", Payloads.focused("topic", "cont")))
            .contains("Containers"));
    SentInteraction quiz = fake.slashCommand(ADMIN, "quiz", Payloads.option("topic", "Containers"));
    fake.awaitCallback(quiz, WAIT);
    String asked = fake.awaitWebhook(quiz, WAIT).text();
    assertTrue(asked.contains("What is a container image?"), asked);
    JsonNode question = fake.originalMessage(quiz);
    SentInteraction answer =
        QuizFlowTest.answerThroughModal(
            fake,
            ADMIN,
            question,
            "An image is a read-only template with the application and what it needs; containers start from it.");
    String graded = fake.awaitWebhook(answer, WAIT).text();
    assertTrue(graded.contains("Score"), graded);
    Scope here = practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
    Question own =
        practice.bank(here).questions().stream()
            .filter(q -> q.title().equals("What is a container image?"))
            .findFirst()
            .orElseThrow();
    assertTrue(asked.contains("Q" + own.id()), "asked under its server id: " + asked);
    assertEquals(
        1,
        practice.stats(practice.findPerson(Person.discordKey(ADMIN.id())).orElseThrow()).answers());

    // Absent on the other server: autocomplete, the topic, the id, /explain and /bank list.
    long other = FakeDiscord.OTHER_TEXT_CHANNEL_ID;
    assertFalse(
        choices(fake.autocompleteIn(ADMIN, other, "quiz", Payloads.focused("topic", "cont")))
            .contains("Containers"));
    assertTrue(
        choices(fake.autocompleteIn(ADMIN, other, "quiz", Payloads.focused("topic", "")))
            .containsAll(List.of("nodejs", "memory")),
        "the shipped topics are there");
    List<String> questionChoices =
        choices(
            fake.autocompleteIn(ADMIN, other, "quiz", Payloads.focused("question", "container")));
    assertTrue(questionChoices.isEmpty(), "no question of the bank: " + questionChoices);
    SentInteraction topicElsewhere =
        fake.slashCommandIn(ADMIN, other, true, "quiz", Payloads.option("topic", "Containers"));
    String noTopic = fake.awaitCallback(topicElsewhere, WAIT).text();
    assertTrue(noTopic.contains("There is no topic 'Containers'"), noTopic);
    SentInteraction idElsewhere =
        fake.slashCommandIn(ADMIN, other, true, "quiz", Payloads.option("question", own.id()));
    // a named question is answered at once (no deferral): an unknown id is refused in that reply
    String noId = fake.awaitCallback(idElsewhere, WAIT).text();
    assertTrue(noId.contains("There is no question with id '" + own.id() + "'"), noId);
    SentInteraction explainElsewhere =
        fake.slashCommandIn(
            ADMIN,
            other,
            true,
            "explain",
            Payloads.option("query", "read-only container image template"));
    fake.awaitCallback(explainElsewhere, WAIT);
    String explainedElsewhere = fake.awaitWebhook(explainElsewhere, WAIT).text();
    assertFalse(explainedElsewhere.contains("What is a container image?"), explainedElsewhere);
    assertTrue(
        explainedElsewhere.contains("Closest (weak) match"),
        "a shipped question, weakly: " + explainedElsewhere);
    SentInteraction explainHere =
        fake.slashCommand(
            ADMIN, "explain", Payloads.option("query", "read-only container image template"));
    fake.awaitCallback(explainHere, WAIT);
    String explainedHere = fake.awaitWebhook(explainHere, WAIT).text();
    assertTrue(explainedHere.contains("What is a container image?"), explainedHere);
    SentInteraction listElsewhere =
        fake.slashCommandIn(ADMIN, other, true, "bank", Payloads.subcommand("list"));
    fake.awaitCallback(listElsewhere, WAIT);
    String listed = fake.awaitWebhook(listElsewhere, WAIT).text();
    assertTrue(listed.contains("none yet") && !listed.contains("containers"), listed);
  }

  @Test
  void a_broken_upload_gets_every_problem_with_its_line_and_changes_nothing() throws Exception {
    SentInteraction broken = upload(ADMIN, FakeDiscord.TEXT_CHANNEL_ID, "containers.md", BROKEN);
    assertTrue(ephemeral(fake.awaitCallback(broken, WAIT)));
    String problems = fake.awaitWebhook(broken, WAIT).text();
    assertTrue(problems.contains("nothing changed"), problems);
    assertTrue(problems.contains("`containers.md:6`"), problems);
    assertTrue(problems.contains("`containers.md:11`"), problems);
    assertTrue(
        problems.indexOf("containers.md:6") < problems.indexOf("containers.md:11"),
        "sorted by line");

    StringBuilder many =
        new StringBuilder("# 1. What is a container image?\n\n### Explanation\nA template.\n\n");
    for (int i = 2; i <= 80; i++) {
      many.append(" # ")
          .append(i)
          .append(". What is detail number ")
          .append(i)
          .append(" of images?\n\n");
    }
    SentInteraction tooMany =
        upload(ADMIN, FakeDiscord.TEXT_CHANNEL_ID, "many.md", many.toString());
    fake.awaitCallback(tooMany, WAIT);
    String cut = fake.awaitWebhook(tooMany, WAIT).body().path("content").asText();
    assertTrue(cut.length() <= 2000, "within Discord's limit: " + cut.length());
    java.util.regex.Matcher more =
        java.util.regex.Pattern.compile("(\\d+) problems:(?s)(.*)\n… and (\\d+) more$")
            .matcher(cut);
    assertTrue(more.find(), cut);
    long listedLines = more.group(2).lines().filter(l -> l.startsWith("• ")).count();
    assertEquals(
        Integer.parseInt(more.group(1)),
        listedLines + Integer.parseInt(more.group(3)),
        "every problem is either listed or counted: " + cut);
    assertTrue(cut.contains("`many.md:6`"), "the first problems are listed: " + cut);

    SentInteraction notMarkdown =
        upload(ADMIN, FakeDiscord.TEXT_CHANNEL_ID, "notes.txt", CONTAINERS);
    assertTrue(fake.awaitCallback(notMarkdown, WAIT).text().contains("not a Markdown file"));

    SentInteraction list = fake.slashCommand(ADMIN, "bank", Payloads.subcommand("list"));
    fake.awaitCallback(list, WAIT);
    String listed = fake.awaitWebhook(list, WAIT).text();
    assertTrue(listed.contains("none yet"), "nothing was stored: " + listed);
    assertTrue(listed.contains("`nodejs`: 3 question(s), on"), listed);
  }

  @Test
  void a_shipped_bank_switched_off_and_a_bank_removed_leave_only_that_server() throws Exception {
    fake.awaitWebhook(
        upload(ADMIN, FakeDiscord.TEXT_CHANNEL_ID, "containers.md", CONTAINERS), WAIT);
    SentInteraction off =
        fake.slashCommand(
            ADMIN,
            "bank",
            Payloads.subcommand(
                "shipped", Payloads.option("name", "nodejs"), Payloads.option("enabled", false)));
    fake.awaitCallback(off, WAIT);
    assertTrue(fake.awaitWebhook(off, WAIT).text().contains("is now off"));
    assertFalse(
        choices(fake.autocomplete(ADMIN, "quiz", Payloads.focused("topic", "")))
            .contains("nodejs"));
    assertTrue(
        choices(
                fake.autocompleteIn(
                    ADMIN,
                    FakeDiscord.OTHER_TEXT_CHANNEL_ID,
                    "quiz",
                    Payloads.focused("topic", "")))
            .contains("nodejs"),
        "still on for the other server");
    assertEquals(
        List.of("containers"),
        choices(
            fake.autocomplete(
                ADMIN, "bank", Payloads.subcommand("remove", Payloads.focused("name", "")))));

    SentInteraction remove =
        fake.slashCommand(
            ADMIN, "bank", Payloads.subcommand("remove", Payloads.option("name", "containers")));
    fake.awaitCallback(remove, WAIT);
    assertTrue(fake.awaitWebhook(remove, WAIT).text().contains("Removed the bank `containers`"));
    assertEquals(
        List.of("memory"),
        choices(fake.autocomplete(ADMIN, "quiz", Payloads.focused("topic", ""))));
  }

  @Test
  void only_the_bot_owner_reloads_the_knowledge_directory_and_an_open_interview_carries_on()
      throws Exception {
    Person ada = practice.person(Person.discordKey(ADMIN.id()), "ada");
    Scope here = practice.scope(ScopeKind.GUILD, Long.toString(FakeDiscord.GUILD_ID), "");
    InterviewState interview = practice.startInterview(ada, here, "nodejs", 2);
    String current = interview.current().orElseThrow().id();
    Files.writeString(
        knowledge.resolve("extra.md"),
        """
        # 901. What does a reverse proxy do?

        ### Explanation
        A reverse proxy takes requests from clients and passes them to servers behind it.
        """);

    SentInteraction notOwner =
        fake.slashCommand(ADMIN, "tutoradmin", Payloads.subcommand("reload"));
    fake.awaitCallback(notOwner, WAIT);
    assertTrue(fake.awaitWebhook(notOwner, WAIT).text().contains("Only the bot's owner"));
    assertTrue(practice.bank().find("901").isEmpty(), "nothing was reloaded");

    SentInteraction reload = fake.slashCommand(OWNER, "tutoradmin", Payloads.subcommand("reload"));
    assertTrue(ephemeral(fake.awaitCallback(reload, WAIT)));
    String reloaded = fake.awaitWebhook(reload, WAIT).text();
    assertTrue(reloaded.contains("Reloaded the knowledge directory: 5 questions"), reloaded);
    assertTrue(practice.bank().find("901").isPresent());
    InterviewState after = practice.activeInterview(ada, here).orElseThrow();
    assertEquals(interview.sessionId(), after.sessionId());
    assertEquals(current, after.current().orElseThrow().id(), "the interview goes on where it was");

    Files.writeString(knowledge.resolve("extra.md"), " # 902. An indented heading\n");
    SentInteraction bad = fake.slashCommand(OWNER, "tutoradmin", Payloads.subcommand("reload"));
    fake.awaitCallback(bad, WAIT);
    String refused = fake.awaitWebhook(bad, WAIT).text();
    assertTrue(refused.contains("were not reloaded") && refused.contains("`extra.md:1`"), refused);
    assertTrue(practice.bank().find("901").isPresent(), "the banks loaded before stay in use");
  }
}
