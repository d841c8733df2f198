package dev.interviewtutor.discord;

import static dev.interviewtutor.discord.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.discord.fake.FakeDiscord;
import dev.interviewtutor.discord.fake.FakeUser;
import dev.interviewtutor.discord.fake.Payloads;
import dev.interviewtutor.discord.fake.SentInteraction;
import dev.interviewtutor.grading.MeteredGrader;
import dev.interviewtutor.ops.MicrometerMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's endpoint on the bot path: the real JDA client against the loopback fake Discord,
 * the real practice engine on an SQLite file; interactions, acknowledgements and grades show up in
 * the metrics, and readiness follows the gateway.
 */
class OpsEndpointDiscordTest {
  private static final FakeUser ADA = FakeUser.member(601, "ada");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A /quiz question answered through its modal; returns once the grade was edited in. */
  private static void quizAndAnswer(FakeDiscord fake) {
    SentInteraction quiz = fake.slashCommand(ADA, "quiz", Payloads.option("topic", "nodejs"));
    fake.awaitCallback(quiz, WAIT);
    SentInteraction submit =
        QuizFlowTest.answerThroughModal(
            fake, ADA, fake.originalMessage(quiz), QuizFlowTest.GOOD_71);
    assertTrue(fake.awaitWebhook(submit, WAIT).text().contains("Score"), "graded");
  }

  private static boolean hasLine(String text, String start) {
    return text.lines().anyMatch(l -> l.startsWith(start));
  }

  @Test
  void the_bot_records_interactions_acknowledgements_and_grades() throws Exception {
    MicrometerMetrics metrics = new MicrometerMetrics();
    try (BotHarness h =
        BotHarness.startWith(
            dir,
            Map.of(),
            config -> {
              BotServices plain =
                  BotHarness.services(config, MeteredGrader.of(FixedGrader.fast(), metrics));
              return new BotServices(
                  plain.practice(), plain.clock(), plain.closeables(), metrics, List.of());
            })) {
      quizAndAnswer(h.fake);
      String text = metrics.scrape();
      assertTrue(
          hasLine(text, "tutor_interactions_total{command=\"quiz\",kind=\"slash\"} 1"), text);
      assertTrue(
          hasLine(text, "tutor_interactions_total{command=\"quiz\",kind=\"button\"} 1"),
          "Answer: " + text);
      assertTrue(
          hasLine(text, "tutor_interactions_total{command=\"quiz\",kind=\"modal\"} 1"),
          "the form: " + text);
      assertTrue(
          hasLine(text, "tutor_grade_latency_seconds_count{grader=\"test-keyword\"} 1"), text);
      // /quiz and the answer are both acknowledged with a deferred reply before their slow work;
      // the latency is
      // recorded when JDA hands over Discord's confirmation, which may come just after the grade
      // was sent.
      awaitLine(metrics, "tutor_ack_latency_seconds_count 2");

      h.fake.clickButton(
          ADA, h.fake.originalMessage(h.fake.slashCommand(ADA, "quiz")), "v1:nosuchcommand:601:x");
      h.fake.await(
          "the stale button's reply",
          r -> r.path().endsWith("/callback") && r.text().contains("older"),
          WAIT);
      assertTrue(
          hasLine(
              metrics.scrape(), "tutor_interactions_total{command=\"unknown\",kind=\"button\"} 1"),
          "a button of no command counts as unknown, never under its made-up name");
    } finally {
      metrics.close();
    }
  }

  @Test
  void scheduled_daily_questions_are_counted_as_posted_or_paused() throws Exception {
    try (StudyHarness h = StudyHarness.start(dir, java.time.Instant.parse("2026-03-27T06:00:00Z"));
        MicrometerMetrics metrics = new MicrometerMetrics()) {
      DailyQuizScheduler scheduler =
          new DailyQuizScheduler(h.practice.daily(), h.publisher, h.bot.shards(), h.clock, metrics);
      DailyQuestionTest.setUp(h, "09:00", "UTC");
      h.clock.set(java.time.Instant.parse("2026-03-27T09:00:00Z"));
      assertTrue(scheduler.tick().get(0) instanceof DailyPublisher.Outcome.Posted);

      h.fake.deleteChannel(FakeDiscord.TEXT_CHANNEL_ID);
      StudyHarness.awaitTrue(
          "JDA saw the channel deletion",
          () -> h.bot.jda().getTextChannelById(FakeDiscord.TEXT_CHANNEL_ID) == null);
      h.clock.set(java.time.Instant.parse("2026-03-28T09:00:00Z"));
      assertTrue(scheduler.tick().get(0) instanceof DailyPublisher.Outcome.Paused);

      String text = metrics.scrape();
      assertTrue(hasLine(text, "tutor_daily_posts_total{outcome=\"posted\"} 1"), text);
      assertTrue(hasLine(text, "tutor_daily_posts_total{outcome=\"paused\"} 1"), text);
    }
  }

  @Test
  void readiness_follows_the_gateway_and_the_stop() throws Exception {
    try (BotHarness h = BotHarness.start(dir, FixedGrader.fast(), Map.of())) {
      GatewayHealth gateway = new GatewayHealth();
      assertEquals("not logged in to Discord yet", gateway.problem().orElseThrow());
      gateway.attach(h.bot);
      assertEquals(java.util.Optional.empty(), gateway.problem(), "connected");
      h.bot.close();
      assertTrue(
          gateway.problem().orElseThrow().startsWith("stopping"), gateway.problem().toString());
    }
  }

  @Test
  void the_launcher_serves_health_and_metrics_while_the_bot_runs() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    try (FakeDiscord fake = FakeDiscord.start(BotHarness.TOKEN)) {
      Map<String, String> env = BotHarness.env(fake, dir);
      env.put("TUTOR_HTTP_PORT", Integer.toString(port));
      TutorConfig config = TutorConfig.fromEnvironment(env);
      AtomicInteger exit = new AtomicInteger(-1);
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
      // The production wiring (BotWiring), with the transparent test grader instead of the
      // embedding model.
      Thread launcher =
          new Thread(
              () ->
                  exit.set(
                      BotLauncher.run(
                          config,
                          quiet,
                          quiet,
                          c -> BotWiring.services(c, FixedGrader::fast, Clock.systemUTC()),
                          false)),
              "launcher");
      launcher.start();
      try {
        HttpResponse<String> ready =
            awaitResponse(port, "/health/ready", r -> r.statusCode() == 200);
        JsonNode checks = JSON.readTree(ready.body()).path("checks");
        assertEquals("ok", checks.path("database").asText(), ready.body());
        assertEquals("ok", checks.path("discord").asText(), ready.body());

        quizAndAnswer(fake);
        String metrics = get(port, "/metrics").body();
        assertTrue(
            hasLine(metrics, "tutor_interactions_total{command=\"quiz\",kind=\"slash\"} 1"),
            metrics);
        assertTrue(
            hasLine(metrics, "tutor_grade_latency_seconds_count{grader=\"test-keyword\"} 1"),
            metrics);
        assertTrue(
            hasLine(metrics, "tutor_db_connections{backend=\"sqlite\",state=\"idle\"}"), metrics);
      } finally {
        launcher.interrupt(); // the launcher's wait ends: it stops the bot gracefully and returns
        launcher.join(WAIT.toMillis() * 4);
      }
      assertEquals(0, exit.get(), "a graceful stop");
      assertThrows(
          IOException.class, () -> get(port, "/health/live"), "the endpoint stops with the bot");
    }
  }

  private static void awaitLine(MicrometerMetrics metrics, String start)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!hasLine(metrics.scrape(), start)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + start + " in\n" + metrics.scrape());
      }
      Thread.sleep(50);
    }
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Asks until the answer is as wanted (the launcher is still starting), for at most a minute. */
  private static HttpResponse<String> awaitResponse(
      int port, String path, Predicate<HttpResponse<String>> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = get(port, path);
        if (wanted.test(response)) {
          return response;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " never answered as wanted; last: " + last);
  }
}
