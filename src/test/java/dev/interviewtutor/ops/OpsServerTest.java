package dev.interviewtutor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.store.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP endpoint on a free loopback port, with a real SQLite database behind its readiness
 * check.
 */
class OpsServerTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Database db;
  private MicrometerMetrics metrics;
  private OpsServer server;

  /** The stand-in for the Discord gateway's check: empty when connected. */
  private final AtomicReference<Optional<String>> gateway = new AtomicReference<>(Optional.empty());

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private OpsServer start(Duration checkTimeout, HealthCheck... extra) {
    db = Database.open(dir.resolve("tutor.db"));
    metrics = new MicrometerMetrics();
    metrics.databasePool(db.backend(), db::poolUsage);
    List<HealthCheck> checks =
        new java.util.ArrayList<>(
            List.of(
                HealthCheck.succeeds("database", db::ping),
                HealthCheck.of("discord", gateway::get)));
    checks.addAll(List.of(extra));
    server = OpsServer.start("127.0.0.1", 0, new Readiness(checks, checkTimeout), metrics::scrape);
    return server;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path);
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_listen_on_loopback_and_say_it_is_live() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("up", JSON.readTree(live.body()).path("status").asText());
    assertTrue(live.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void should_be_ready_when_the_database_answers_and_the_gateway_is_connected() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    for (String path : List.of("/health/ready", "/health")) {
      HttpResponse<String> ready = get(path);
      assertEquals(200, ready.statusCode(), path + ": " + ready.body());
      JsonNode body = JSON.readTree(ready.body());
      assertEquals("ready", body.path("status").asText());
      assertEquals("ok", body.path("checks").path("database").asText());
      assertEquals("ok", body.path("checks").path("discord").asText());
    }
  }

  @Test
  void should_answer_503_with_the_reason_when_the_gateway_is_not_connected() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    gateway.set(Optional.of("the Discord gateway is not connected (RECONNECT_QUEUED)"));
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(503, ready.statusCode());
    JsonNode body = JSON.readTree(ready.body());
    assertEquals("not ready", body.path("status").asText());
    assertEquals(
        "the Discord gateway is not connected (RECONNECT_QUEUED)",
        body.path("checks").path("discord").asText());
    assertEquals("ok", body.path("checks").path("database").asText());
    assertEquals(200, get("/health/live").statusCode(), "still live: the process is up");

    gateway.set(Optional.empty());
    assertEquals(200, get("/health").statusCode(), "ready again once reconnected");
  }

  @Test
  void should_answer_503_naming_the_database_when_it_cannot_be_used() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    db.close();
    HttpResponse<String> ready = get("/health");
    assertEquals(503, ready.statusCode(), ready.body());
    String reason = JSON.readTree(ready.body()).path("checks").path("database").asText();
    assertTrue(reason.contains("tutor.db") && reason.contains("closed"), reason);
  }

  @Test
  void should_report_a_check_that_hangs_as_not_ready_instead_of_hanging() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    start(
        Duration.ofMillis(300),
        HealthCheck.of(
            "stuck",
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.empty();
            }));
    try {
      HttpResponse<String> ready = get("/health/ready");
      assertEquals(503, ready.statusCode());
      JsonNode checks = JSON.readTree(ready.body()).path("checks");
      assertEquals("no answer within 300 ms", checks.path("stuck").asText());
      assertEquals("ok", checks.path("database").asText());
    } finally {
      never.countDown();
    }
  }

  @Test
  void should_serve_the_named_meters_in_prometheus_format_once_recorded() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    metrics.interaction("quiz", "slash");
    metrics.interaction("quiz", "slash");
    metrics.interaction("unknown", "button");
    metrics.acknowledged(Duration.ofMillis(120));
    metrics.graded("hybrid", Duration.ofMillis(850));
    metrics.gradingFellBack("timeout");
    metrics.llmCallSucceeded();
    metrics.llmCallFailed("rate_limited");
    metrics.dailyPost("posted");
    metrics.dailyPost("paused");

    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertEquals(
        MicrometerMetrics.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    String text = response.body();
    for (String line :
        List.of(
            "tutor_interactions_total{command=\"quiz\",kind=\"slash\"} 2",
            "tutor_interactions_total{command=\"unknown\",kind=\"button\"} 1",
            "tutor_ack_latency_seconds_count 1",
            "tutor_grade_latency_seconds_count{grader=\"hybrid\"} 1",
            "tutor_grading_fallbacks_total{reason=\"timeout\"} 1",
            "tutor_llm_calls_total{outcome=\"ok\"} 1",
            "tutor_llm_calls_total{outcome=\"failed\"} 1",
            "tutor_llm_failures_total{reason=\"rate_limited\"} 1",
            "tutor_daily_posts_total{outcome=\"posted\"} 1",
            "tutor_daily_posts_total{outcome=\"paused\"} 1",
            "tutor_db_connections{backend=\"sqlite\",state=\"active\"} 0",
            "tutor_db_connections{backend=\"sqlite\",state=\"pending\"} 0")) {
      assertTrue(
          text.lines().anyMatch(l -> l.startsWith(line)), "missing " + line + " in\n" + text);
    }
    assertTrue(text.contains("tutor_ack_latency_seconds_bucket{le="), "ack latency is a histogram");
    assertTrue(
        text.contains("tutor_grade_latency_seconds_bucket{grader=\"hybrid\",le="),
        "grade latency too");
    assertTrue(text.contains("jvm_memory_used_bytes"), "and the JVM's meters");
  }

  @Test
  void should_refuse_other_paths_and_methods() throws Exception {
    start(Readiness.DEFAULT_TIMEOUT);
    assertEquals(404, get("/admin").statusCode());
    HttpResponse<String> post = send("POST", "/health");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    HttpResponse<String> head = send("HEAD", "/health/live");
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
  }

  @Test
  void a_port_in_use_should_name_the_setting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      UserFacingException e =
          assertThrows(
              UserFacingException.class,
              () ->
                  OpsServer.start(
                      "127.0.0.1", taken.getLocalPort(), new Readiness(List.of()), () -> ""));
      assertTrue(
          e.getMessage().contains("TUTOR_HTTP_PORT")
              && e.getMessage().contains(":" + taken.getLocalPort()),
          e.getMessage());
    }
  }

  @Test
  void an_unknown_host_should_name_the_setting() {
    UserFacingException e =
        assertThrows(
            UserFacingException.class,
            () -> OpsServer.start("no-such-host.invalid", 0, new Readiness(List.of()), () -> ""));
    assertTrue(e.getMessage().contains("TUTOR_HTTP_HOST='no-such-host.invalid'"), e.getMessage());
  }
}
