package dev.interviewtutor.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interviewtutor.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoint ({@code TUTOR_HTTP_PORT}), on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs
 *   <li>{@code GET /health/ready} and {@code GET /health}: 200 when every readiness check passes,
 *       otherwise 503; both with JSON {@code {"status": "ready"|"not ready", "checks": {"database":
 *       "ok", "discord": "..."}}}
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format
 * </ul>
 *
 * Anything else is 404 (405 for another method). Nothing here changes state, and nothing served
 * names a secret.
 */
public final class OpsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Readiness readiness;
  private final Supplier<String> metrics;

  private OpsServer(
      HttpServer server, ExecutorService executor, Readiness readiness, Supplier<String> metrics) {
    this.server = server;
    this.executor = executor;
    this.readiness = readiness;
    this.metrics = metrics;
  }

  /**
   * Listens on {@code host:port} (port 0: a free one, see {@link #address()}).
   *
   * @param readiness what {@code /health/ready} checks (closed with the server)
   * @param metrics the {@code /metrics} text in the Prometheus format
   * @throws UserFacingException naming {@code TUTOR_HTTP_HOST} or {@code TUTOR_HTTP_PORT} when it
   *     cannot listen
   */
  public static OpsServer start(
      String host, int port, Readiness readiness, Supplier<String> metrics) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UserFacingException(
          "TUTOR_HTTP_HOST='"
              + host
              + "' is not an address of this machine (unknown"
              + " host). Use 127.0.0.1 (the default), 0.0.0.0 for every interface, or one of this machine's addresses.",
          e);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (BindException e) {
      throw new UserFacingException(
          "Cannot listen on "
              + host
              + ":"
              + port
              + " for the HTTP endpoint ("
              + e.getMessage()
              + "): another program uses the port, or the address is not this machine's. Choose another TUTOR_HTTP_PORT"
              + " (--http-port) or TUTOR_HTTP_HOST (--http-host).",
          e);
    } catch (IOException e) {
      throw new UserFacingException(
          "Cannot start the HTTP endpoint on "
              + host
              + ":"
              + port
              + ": "
              + e
              + ". Check TUTOR_HTTP_PORT (--http-port) and TUTOR_HTTP_HOST (--http-host).",
          e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tutor-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    OpsServer ops = new OpsServer(server, executor, readiness, metrics);
    server.createContext("/", ops::handle);
    server.setExecutor(executor);
    server.start();
    LOG.info(
        "HTTP endpoint on http://{}:{}/ (/health/live, /health/ready, /metrics)",
        host,
        server.getAddress().getPort());
    return ops;
  }

  /** Where it listens (with the port actually bound). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      boolean known =
          switch (path) {
            case "/health/live", "/health/ready", "/health", "/metrics" -> true;
            default -> false;
          };
      if (!known) {
        send(
            exchange,
            404,
            "application/json",
            json("status", "not found")
                .put("paths", "/health/live, /health/ready, /health, /metrics")
                .toString(),
            method);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(
            exchange,
            405,
            "application/json",
            json("status", "method not allowed").toString(),
            method);
        return;
      }
      switch (path) {
        case "/health/live" ->
            send(exchange, 200, "application/json", json("status", "up").toString(), method);
        case "/metrics" ->
            send(exchange, 200, MicrometerMetrics.CONTENT_TYPE, metrics.get(), method);
        default -> ready(exchange, method);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "HTTP endpoint: {} {} failed",
          exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(),
          e);
      throw e;
    }
  }

  private void ready(HttpExchange exchange, String method) throws IOException {
    Readiness.Report report = readiness.check();
    ObjectNode body = json("status", report.ready() ? "ready" : "not ready");
    ObjectNode checks = body.putObject("checks");
    report.checks().forEach(checks::put);
    send(exchange, report.ready() ? 200 : 503, "application/json", body.toString(), method);
  }

  private static ObjectNode json(String key, String value) {
    return JSON.createObjectNode().put(key, value);
  }

  private static void send(
      HttpExchange exchange, int status, String contentType, String body, String method)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            contentType.startsWith("application/json")
                ? "application/json; charset=utf-8"
                : contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening at once (a request in progress is cut off) and stops the readiness checks. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    readiness.close();
  }
}
