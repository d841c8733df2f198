package dev.interviewtutor.grading.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback LLM server speaking the OpenAI chat-completions shape, either as an OpenAI-compatible
 * server (base URL ending in {@code /v1}) or as Ollama does (its server root as the base URL, the
 * same API under {@code /v1}). Replies are scripted in order; every request is recorded.
 */
public final class LlmStub implements AutoCloseable {
  public enum Shape {
    /** Base URL {@code http://127.0.0.1:PORT/v1}, as for llama.cpp, vLLM, LM Studio. */
    OPENAI,
    /**
     * Base URL {@code http://127.0.0.1:PORT}, as Ollama users write it; the API is at {@code
     * /v1/chat/completions}.
     */
    OLLAMA
  }

  public record Reply(int status, String body, long delayMillis) {}

  public record Recorded(String method, String path, String body, String authorization) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Shape shape;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<String, String> responder;

  private LlmStub(Shape shape) throws IOException {
    this.shape = shape;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "llm-stub");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              new Recorded(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  body,
                  exchange.getRequestHeaders().getFirst("Authorization")));
          Reply reply =
              exchange.getRequestURI().getPath().startsWith("/v1/")
                  ? replies.poll()
                  : new Reply(404, "404 page not found", 0);
          if (reply == null && responder != null) {
            reply = new Reply(200, wrap(responder.apply(body)), 0);
          }
          if (reply == null) {
            reply = new Reply(500, "{\"error\":{\"message\":\"no scripted reply\"}}", 0);
          }
          if (reply.delayMillis() > 0) {
            try {
              Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          try {
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          } catch (IOException clientGone) {
            // the client timed out and closed the connection
          }
        });
    server.start();
  }

  public static LlmStub start(Shape shape) throws IOException {
    return new LlmStub(shape);
  }

  /** Base URL as a user would set TUTOR_LLM_BASE_URL. */
  public String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return shape == Shape.OPENAI ? root + "/v1" : root;
  }

  /** Queues a successful reply whose assistant message is {@code content}. */
  public LlmStub content(String content) {
    return content(content, 0);
  }

  public LlmStub content(String content, long delayMillis) {
    replies.add(new Reply(200, wrap(content), delayMillis));
    return this;
  }

  public LlmStub status(int status) {
    String body = "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"server_error\"}}";
    replies.add(new Reply(status, body, 0));
    return this;
  }

  /**
   * Answers every request not scripted otherwise with {@code responder(requestBody)} as the
   * assistant text.
   */
  public LlmStub respond(Function<String, String> responder) {
    this.responder = responder;
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private String wrap(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-stub")
        .put("object", "chat.completion")
        .put("created", 1_700_000_000)
        .put("model", "stub-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 10)
        .put("total_tokens", 20);
    return root.toString();
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> kp(String id, String coverage, String quote) {
    return Map.of("id", id, "coverage", coverage, "quote", quote);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
