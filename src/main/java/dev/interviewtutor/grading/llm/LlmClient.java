package dev.interviewtutor.grading.llm;

import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.llm.LlmUnavailableException.Failure;
import dev.interviewtutor.ops.TutorMetrics;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the configured chat model with the scope's daily budget, bounded retries on 429 and 5xx,
 * and failures turned into an {@link LlmUnavailableException} whose reason a learner can read.
 */
public final class LlmClient {
  private static final Logger log = LoggerFactory.getLogger(LlmClient.class);

  private final LlmEndpoint endpoint;
  private final RetryPolicy retry;
  private final DailyCallBudget budget;
  private final AtomicBoolean structuredOutput = new AtomicBoolean(true);
  private final TutorMetrics metrics;

  public LlmClient(LlmEndpoint endpoint, RetryPolicy retry, DailyCallBudget budget) {
    this(endpoint, retry, budget, TutorMetrics.NONE);
  }

  /**
   * As {@link #LlmClient(LlmEndpoint, RetryPolicy, DailyCallBudget)}, reporting every call to
   * {@code metrics}.
   */
  public LlmClient(
      LlmEndpoint endpoint, RetryPolicy retry, DailyCallBudget budget, TutorMetrics metrics) {
    this.endpoint = endpoint;
    this.retry = retry;
    this.budget = budget;
    this.metrics = metrics;
  }

  public String label() {
    return endpoint.label();
  }

  public DailyCallBudget budget() {
    return budget;
  }

  /** The same endpoint and retries with another budget (such as one counted in the database). */
  public LlmClient withBudget(DailyCallBudget other) {
    return new LlmClient(endpoint, retry, other, metrics);
  }

  /** The same client reporting each call (and each failed one, by kind) to {@code other}. */
  public LlmClient reportingTo(TutorMetrics other) {
    return new LlmClient(endpoint, retry, budget, other);
  }

  TutorMetrics metrics() {
    return metrics;
  }

  /**
   * Sends the messages and returns the reply text.
   *
   * @param format the response format wanted (a JSON schema), or null for plain text; dropped for
   *     good if the provider says it does not support it (the prompt asks for JSON anyway)
   * @throws LlmUnavailableException when the budget is used up, the call times out, or it keeps
   *     failing
   */
  public String chat(List<ChatMessage> messages, ResponseFormat format, GradingContext context) {
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (format != null && structuredOutput.get()) {
      request.responseFormat(format);
    }
    ChatRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      if (!budget.tryAcquire(context.scopeKey())) {
        throw new LlmUnavailableException(
            Failure.BUDGET_EXHAUSTED,
            "today's budget of " + budget.limit() + " LLM calls for this server is used up");
      }
      try {
        ChatResponse response = endpoint.model().chat(built);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
          metrics.llmCallFailed(kind(Failure.BAD_RESPONSE));
          throw new LlmUnavailableException(
              Failure.BAD_RESPONSE, "the LLM service sent an empty reply");
        }
        metrics.llmCallSucceeded();
        return text;
      } catch (LlmUnavailableException e) {
        throw e;
      } catch (UnsupportedFeatureException e) {
        metrics.llmCallFailed("unsupported");
        if (built.responseFormat() != null && structuredOutput.compareAndSet(true, false)) {
          log.info(
              "{} does not support structured output; asking for JSON in the prompt only", label());
          built = ChatRequest.builder().messages(messages).build();
          attempt--; // not the server's fault and no call was made
          continue;
        }
        throw new LlmUnavailableException(
            Failure.FAILED, "the LLM service cannot handle this request", e);
      } catch (RuntimeException e) {
        LlmUnavailableException failure = classify(e, attempt);
        metrics.llmCallFailed(kind(failure.failure()));
        boolean retriable =
            failure.failure() == Failure.RATE_LIMITED || failure.failure() == Failure.SERVER_ERROR;
        if (!retriable || attempt >= retry.maxAttempts()) {
          log.warn(
              "LLM call to {} failed after {} attempt(s): {}", label(), attempt, failure.reason());
          throw failure;
        }
        Duration wait = retry.backoffBefore(attempt + 1);
        log.info(
            "LLM call to {} failed ({}); retrying in {} ms",
            label(),
            failure.reason(),
            wait.toMillis());
        try {
          retry.sleeper().sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new LlmUnavailableException(
              Failure.FAILED, "interrupted while waiting to retry", ie);
        }
      }
    }
  }

  /** A failure's name as a metric tag: {@code rate_limited}, {@code timeout}, ... */
  static String kind(Failure failure) {
    return failure.name().toLowerCase(Locale.ROOT);
  }

  /** Maps a LangChain4j or JDK failure to a reason. */
  static LlmUnavailableException classify(Throwable e, int attempts) {
    String after = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (has(e, dev.langchain4j.exception.TimeoutException.class)
        || has(e, SocketTimeoutException.class)
        || has(e, java.util.concurrent.TimeoutException.class)
        || has(e, HttpTimeoutException.class) && !has(e, HttpConnectTimeoutException.class)) {
      return new LlmUnavailableException(
          Failure.TIMEOUT, "the LLM service did not answer in time", e);
    }
    HttpException http = find(e, HttpException.class);
    int status = http == null ? -1 : http.statusCode();
    if (status == 429 || has(e, RateLimitException.class)) {
      return new LlmUnavailableException(
          Failure.RATE_LIMITED, "the LLM service is rate-limiting us (HTTP 429)" + after, e);
    }
    if (status >= 500 || has(e, InternalServerException.class)) {
      String code = status >= 500 ? " (HTTP " + status + ")" : "";
      return new LlmUnavailableException(
          Failure.SERVER_ERROR, "the LLM service failed" + code + after, e);
    }
    if (status == 401 || status == 403 || has(e, AuthenticationException.class)) {
      return new LlmUnavailableException(
          Failure.REJECTED, "the LLM service refused our credentials", e);
    }
    if (status == 404 || has(e, ModelNotFoundException.class)) {
      return new LlmUnavailableException(
          Failure.REJECTED,
          "the LLM service does not know the model or the URL is wrong (HTTP 404)",
          e);
    }
    if (status >= 400) {
      return new LlmUnavailableException(
          Failure.REJECTED, "the LLM service rejected the request (HTTP " + status + ")", e);
    }
    if (has(e, ConnectException.class) || has(e, HttpConnectTimeoutException.class)) {
      return new LlmUnavailableException(
          Failure.UNREACHABLE, "the LLM service could not be reached", e);
    }
    return new LlmUnavailableException(
        Failure.FAILED, "the LLM call failed (" + e.getClass().getSimpleName() + ")", e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
