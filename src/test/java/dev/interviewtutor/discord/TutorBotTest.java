package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot logs in through the configured REST and gateway URLs, registers its commands and answers
 * /tutor.
 */
class TutorBotTest {
  @TempDir Path dir;

  @Test
  void registers_commands_on_the_development_server_with_permissions_on_admin_commands()
      throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      RecordedRequest put =
          h.fake.await(
              "guild command registration",
              r ->
                  r.is(
                      "PUT",
                      "applications/"
                          + FakeDiscord.APP_ID
                          + "/guilds/"
                          + FakeDiscord.GUILD_ID
                          + "/commands"),
              BotHarness.WAIT);
      JsonNode admin = null;
      JsonNode quiz = null;
      for (JsonNode command : put.body()) {
        if (command.path("name").asText().equals("tutoradmin")) {
          admin = command;
        }
        if (command.path("name").asText().equals("quiz")) {
          quiz = command;
        }
      }
      assertTrue(
          quiz != null && quiz.path("default_member_permissions").isNull(),
          "quiz is for everyone: " + quiz);
      assertEquals(
          "[\"0\",\"1\"]",
          quiz.path("contexts").toString(),
          "quiz works in servers and in DMs with the bot");
      assertTrue(
          quiz.path("options").get(0).path("autocomplete").asBoolean(), "topic autocompletes");
      assertTrue(admin != null, "tutoradmin registered: " + put.body());
      assertEquals(
          "32",
          admin.path("default_member_permissions").asText(),
          "Manage Server on the definition");
      assertEquals("[\"0\"]", admin.path("contexts").toString(), "admin commands only in servers");
      assertTrue(
          h.fake.requests().stream()
              .noneMatch(r -> r.is("PUT", "applications/" + FakeDiscord.APP_ID + "/commands")),
          "nothing registered globally when DISCORD_GUILD_ID is set");
    }
  }

  @Test
  void tutor_about_shows_version_banks_grader_and_usage_ephemerally() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction about =
          h.fake.slashCommand(FakeUser.member(501, "ada"), "tutor", Payloads.subcommand("about"));
      RecordedRequest reply = h.fake.awaitCallback(about, BotHarness.WAIT);
      assertEquals(64, reply.body().path("data").path("flags").asInt() & 64, "ephemeral");
      String text = reply.text();
      assertTrue(text.contains("4 questions in 2 topic(s)"), text);
      assertTrue(text.contains("test-keyword"), "grader named: " + text);
      assertTrue(text.contains("/interview start"), "how to use: " + text);
    }
  }

  @Test
  void admin_command_is_refused_to_members_without_the_permission_and_served_to_managers()
      throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      SentInteraction byMember =
          h.fake.slashCommand(
              FakeUser.member(502, "bob"), "tutoradmin", Payloads.subcommand("status"));
      String refusal =
          h.fake
              .awaitCallback(byMember, BotHarness.WAIT)
              .body()
              .path("data")
              .path("content")
              .asText();
      assertTrue(refusal.contains("Manage Server"), refusal);

      SentInteraction byAdmin =
          h.fake.slashCommand(
              FakeUser.admin(503, "cy"), "tutoradmin", Payloads.subcommand("status"));
      String status = h.fake.awaitCallback(byAdmin, BotHarness.WAIT).text();
      assertTrue(status.contains("Grades in flight"), status);
    }
  }

  @Test
  void a_rejected_token_gives_a_clear_message_and_a_non_zero_exit() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start("the-real-token")) {
      Map<String, String> env = BotHarness.env(fake, dir);
      env.put("DISCORD_TOKEN", "a-wrong-token");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          BotLauncher.run(
              TutorConfig.fromEnvironment(env),
              new PrintStream(new ByteArrayOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              c -> BotHarness.services(c, FixedGrader.fast()),
              false);
      assertEquals(BotLauncher.EXIT_BAD_TOKEN, code);
      String message = err.toString(StandardCharsets.UTF_8);
      assertTrue(message.contains("Discord rejected DISCORD_TOKEN"), message);
      assertTrue(!message.contains("a-wrong-token"), "the token is never printed");
    }
  }

  @Test
  void a_missing_token_gives_a_clear_message_and_a_non_zero_exit() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BotLauncher.run(
            TutorConfig.fromEnvironment(Map.of()),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            c -> {
              throw new AssertionError("services must not be built without a token");
            },
            false);
    assertEquals(BotLauncher.EXIT_BAD_TOKEN, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("DISCORD_TOKEN is not set"));
  }

  @Test
  void an_unreachable_discord_gives_a_clear_message_naming_the_url_and_no_stack_trace()
      throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (FakeDiscord fake = FakeDiscord.start("the-real-token")) {
      Map<String, String> env = BotHarness.env(fake, dir);
      env.put("DISCORD_TOKEN", "the-real-token");
      env.put("DISCORD_REST_URL", "http://127.0.0.1:" + closedPort + "/api/v10/");
      dev.interviewtutor.UserFacingException error =
          org.junit.jupiter.api.Assertions.assertThrows(
              dev.interviewtutor.UserFacingException.class,
              () ->
                  BotLauncher.run(
                      TutorConfig.fromEnvironment(env),
                      new PrintStream(new ByteArrayOutputStream()),
                      new PrintStream(new ByteArrayOutputStream()),
                      c -> BotHarness.services(c, FixedGrader.fast()),
                      false));
      assertTrue(
          error.getMessage().contains("Could not reach Discord at http://127.0.0.1:" + closedPort),
          error.getMessage());
      assertTrue(error.getMessage().contains("DISCORD_REST_URL"), error.getMessage());
      assertTrue(!error.getMessage().contains("the-real-token"), "the token is never printed");
    }
  }
}
