package dev.interviewtutor.discord.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.junit.jupiter.api.Test;

/**
 * The fake Discord is good enough for the real JDA client: it logs in, sees the server and gets a
 * command.
 */
class FakeDiscordTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  static JDABuilder jdaFor(FakeDiscord fake, String token) {
    String gateway = fake.gatewayUrl();
    return JDABuilder.createDefault(token)
        .setRestConfig(new RestConfig().setBaseUrl(fake.restUrl()))
        .setSessionController(
            new ConcurrentSessionController() {
              @Override
              public String getGateway() {
                return gateway;
              }
            })
        .setCompression(Compression.NONE);
  }

  @Test
  void real_jda_logs_in_and_receives_a_slash_command() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start("good-token")) {
      CompletableFuture<SlashCommandInteractionEvent> received = new CompletableFuture<>();
      JDA jda =
          jdaFor(fake, "good-token")
              .addEventListeners(
                  new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                      event
                          .reply("pong " + event.getOption("word").getAsString())
                          .setEphemeral(true)
                          .queue();
                      received.complete(event);
                    }
                  })
              .build();
      try {
        jda.awaitReady();
        assertNotNull(jda.getGuildById(FakeDiscord.GUILD_ID), "the fake server is in JDA's cache");
        assertEquals(FakeDiscord.BOT_ID, jda.getSelfUser().getIdLong());

        FakeUser ada = FakeUser.member(111, "ada");
        SentInteraction sent = fake.slashCommand(ada, "ping", Payloads.option("word", "hello"));

        SlashCommandInteractionEvent event = received.get(10, TimeUnit.SECONDS);
        assertEquals("ping", event.getName());
        assertEquals(111L, event.getUser().getIdLong());
        RecordedRequest callback = fake.awaitCallback(sent, WAIT);
        assertEquals(4, callback.body().path("type").asInt(), "a channel message response");
        assertEquals("pong hello", callback.body().path("data").path("content").asText());
        assertEquals(64, callback.body().path("data").path("flags").asInt() & 64, "ephemeral");
      } finally {
        jda.shutdownNow();
        jda.awaitShutdown(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void a_rejected_token_fails_login_clearly() throws Exception {
    try (FakeDiscord fake = FakeDiscord.start("good-token")) {
      InvalidTokenException e =
          assertThrows(InvalidTokenException.class, () -> jdaFor(fake, "bad-token").build());
      assertTrue(
          fake.requests().stream().anyMatch(r -> r.path().equals("users/@me")),
          "JDA checked the token with users/@me");
      assertNotNull(e.getMessage());
    }
  }
}
