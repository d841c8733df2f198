package dev.interviewtutor.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container's health check: {@code java -cp interview-tutor.jar
 * dev.interviewtutor.ops.HealthProbe}. Asks the running bot's {@code /health} on this machine (the
 * port of {@code TUTOR_HTTP_PORT}) and exits 0 when it is ready, 1 when not or when nothing
 * answers. Plain JDK, no logging and no start-up of the tutor, so it is cheap to run every half
 * minute, and it needs no curl or wget in the image. With the endpoint off ({@code TUTOR_HTTP_PORT}
 * unset) or no bot to check ({@code DISCORD_TOKEN} unset: the terminal tutor) there is nothing to
 * ask: exit 0.
 */
public final class HealthProbe {
  private static final int TIMEOUT_MS = 4_000;

  private HealthProbe() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out));
  }

  /** The exit status for this environment; one line on {@code out} says why. */
  static int run(Map<String, String> env, PrintStream out) {
    String port = env.getOrDefault("TUTOR_HTTP_PORT", "").strip();
    if (port.isEmpty() || env.getOrDefault("DISCORD_TOKEN", "").isBlank()) {
      out.println(
          "nothing to check: "
              + (port.isEmpty() ? "TUTOR_HTTP_PORT is not set" : "no DISCORD_TOKEN (not the bot)"));
      return 0;
    }
    String host = probeHost(env.getOrDefault("TUTOR_HTTP_HOST", "").strip());
    URI uri;
    try {
      uri = URI.create("http://" + host + ":" + Integer.parseInt(port) + "/health");
    } catch (IllegalArgumentException e) {
      out.println("TUTOR_HTTP_PORT='" + port + "' is not a port");
      return 1;
    }
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MS);
      connection.setReadTimeout(TIMEOUT_MS);
      int status = connection.getResponseCode();
      InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      out.println(uri + " " + status + " " + text);
      return status == 200 ? 0 : 1;
    } catch (IOException e) {
      out.println(uri + " did not answer: " + e);
      return 1;
    }
  }

  /**
   * Where to ask: the listening address, or loopback when it listens on every interface (0.0.0.0,
   * ::).
   */
  static String probeHost(String configured) {
    if (configured.isEmpty() || configured.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    if (configured.equals("::") || configured.equals("[::]")) {
      return "[::1]";
    }
    return configured.contains(":") && !configured.startsWith("[")
        ? "[" + configured + "]"
        : configured;
  }
}
