package dev.interviewtutor.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The container's health check asks the running endpoint and answers with its exit status. */
class HealthProbeTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void should_exit_0_when_ready_and_1_when_not() {
    AtomicReference<Optional<String>> problem = new AtomicReference<>(Optional.empty());
    try (OpsServer server =
        OpsServer.start(
            "127.0.0.1",
            0,
            new Readiness(List.of(HealthCheck.of("discord", problem::get))),
            () -> "")) {
      Map<String, String> env =
          Map.of(
              "TUTOR_HTTP_PORT",
              Integer.toString(server.address().getPort()),
              "DISCORD_TOKEN",
              "set");
      assertEquals(0, HealthProbe.run(env, out), printed.toString(StandardCharsets.UTF_8));
      problem.set(Optional.of("the Discord gateway is not connected (DISCONNECTED)"));
      assertEquals(1, HealthProbe.run(env, out));
      assertTrue(
          printed.toString(StandardCharsets.UTF_8).contains("503"),
          printed.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void should_exit_1_when_nothing_answers() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    assertEquals(
        1,
        HealthProbe.run(
            Map.of("TUTOR_HTTP_PORT", Integer.toString(closed), "DISCORD_TOKEN", "set"), out));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("did not answer"));
  }

  @Test
  void should_pass_when_there_is_no_endpoint_or_no_bot_to_check() {
    assertEquals(0, HealthProbe.run(Map.of("DISCORD_TOKEN", "set"), out));
    assertEquals(
        0,
        HealthProbe.run(Map.of("TUTOR_HTTP_PORT", "8080"), out),
        "the terminal tutor has no endpoint");
  }

  @Test
  void should_ask_loopback_when_listening_on_every_interface() {
    assertEquals("127.0.0.1", HealthProbe.probeHost(""));
    assertEquals("127.0.0.1", HealthProbe.probeHost("0.0.0.0"));
    assertEquals("[::1]", HealthProbe.probeHost("::"));
    assertEquals("[fd00::5]", HealthProbe.probeHost("fd00::5"));
    assertEquals("10.0.0.7", HealthProbe.probeHost("10.0.0.7"));
  }
}
