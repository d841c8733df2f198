package dev.interviewtutor.discord;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.RecordedRequest;
import dev.interviewtutor.discord.fake.SentInteraction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /tutor about} names every command the bot registers, and every subcommand of each, and
 * links the invite with the permissions the bot uses.
 */
class TutorAboutCommandsTest {
  @TempDir Path dir;

  @Test
  void tutor_about_lists_every_registered_command() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      RecordedRequest put =
          h.fake.await("command registration", r -> r.is("PUT", "applications/"), BotHarness.WAIT);
      List<String> names = new ArrayList<>();
      List<String> subcommands = new ArrayList<>();
      for (JsonNode command : put.body()) {
        String name = command.path("name").asText();
        names.add(name);
        for (JsonNode option : command.path("options")) {
          if (option.path("type").asInt() == 1) {
            subcommands.add(name + " " + option.path("name").asText());
          }
        }
      }
      assertTrue(
          names.containsAll(
              List.of(
                  "quiz",
                  "interview",
                  "review",
                  "daily",
                  "leaderboard",
                  "stats",
                  "explain",
                  "forget-me",
                  "tutor")),
          "the bot's commands: " + names);

      SentInteraction about =
          h.fake.slashCommand(FakeUser.member(521, "ada"), "tutor", Payloads.subcommand("about"));
      String text = h.fake.awaitCallback(about, BotHarness.WAIT).text();

      assertTrue(
          text.contains("https://discord.com/oauth2/authorize?client_id=")
              && text.contains("applications.commands")
              && text.contains(
                  "permissions=" + Permission.getRaw(TutorInfoCommand.INVITE_PERMISSIONS)),
          "an invite link with the bot's scopes and permissions in: " + text);
      for (String name : names) {
        assertTrue(
            text.contains("/" + name + " ") || text.contains("/" + name + "`"),
            "/" + name + " in: " + text);
      }
      for (String sub : subcommands) {
        String command = sub.substring(0, sub.indexOf(' '));
        String subcommand = sub.substring(sub.indexOf(' ') + 1);
        assertTrue(
            text.contains("/" + sub)
                || text.matches("(?s).*/" + command + " [a-z|-]*\\b" + subcommand + "\\b.*"),
            "/" + sub + " in: " + text);
      }
    }
  }
}
