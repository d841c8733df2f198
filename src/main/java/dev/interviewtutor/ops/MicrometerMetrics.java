package dev.interviewtutor.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * {@link TutorMetrics} as Micrometer meters in a Prometheus registry, with the JVM's memory, GC,
 * threads, CPU and uptime. The names, as Prometheus shows them:
 *
 * <ul>
 *   <li>{@code tutor_interactions_total{command,kind}}: interactions received, by command and kind
 *   <li>{@code tutor_ack_latency_seconds} (histogram): Discord creating an interaction to Discord
 *       confirming our deferred acknowledgement of it (Discord gives up after 3 s)
 *   <li>{@code tutor_grade_latency_seconds{grader}} (histogram): one answer graded
 *   <li>{@code tutor_grading_fallbacks_total{reason}}: LLM grades that fell back to the offline
 *       grade
 *   <li>{@code tutor_llm_calls_total{outcome}} (ok, failed) and {@code
 *       tutor_llm_failures_total{reason}}
 *   <li>{@code tutor_daily_posts_total{outcome}}: scheduled daily questions posted, paused or left
 *       to retry
 *   <li>{@code tutor_db_connections{backend,state}} (active, idle, pending) and {@code
 *       tutor_db_connections_max}
 * </ul>
 */
public final class MicrometerMetrics implements TutorMetrics, AutoCloseable {
  /** The Prometheus text format's content type (version 0.0.4), what {@link #scrape()} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer ackLatency;

  public MicrometerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    ackLatency =
        Timer.builder("tutor.ack.latency")
            .description(
                "From Discord creating an interaction to Discord confirming the bot's deferred acknowledgement")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(5))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
  }

  /** The registry, for meters of other libraries. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text format ({@link #CONTENT_TYPE}). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void interaction(String command, String kind) {
    Counter.builder("tutor.interactions")
        .description("Interactions received, by command and kind")
        .tag("command", command)
        .tag("kind", kind)
        .register(registry)
        .increment();
  }

  @Override
  public void acknowledged(Duration latency) {
    ackLatency.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  @Override
  public void graded(String grader, Duration took) {
    Timer.builder("tutor.grade.latency")
        .description("Time to grade one answer")
        .tag("grader", grader)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry)
        .record(took);
  }

  @Override
  public void gradingFellBack(String reason) {
    Counter.builder("tutor.grading.fallbacks")
        .description("LLM grades that fell back to the offline grade")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public void llmCallSucceeded() {
    llmCalls("ok").increment();
  }

  @Override
  public void llmCallFailed(String reason) {
    llmCalls("failed").increment();
    Counter.builder("tutor.llm.failures")
        .description("Calls to the LLM service that failed, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  private Counter llmCalls(String outcome) {
    return Counter.builder("tutor.llm.calls")
        .description("Calls to the LLM service (each retry is a call)")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void dailyPost(String outcome) {
    Counter.builder("tutor.daily.posts")
        .description("Scheduled daily questions: posted, paused, or left to retry")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  @Override
  public void databasePool(String backend, Supplier<PoolUsage> usage) {
    connections(backend, "active", usage, PoolUsage::active);
    connections(backend, "idle", usage, PoolUsage::idle);
    connections(backend, "pending", usage, PoolUsage::pending);
    Gauge.builder(
            "tutor.db.connections.max",
            usage,
            u -> {
              int max = u.get().max();
              return max < 0 ? Double.NaN : max;
            })
        .description("The most connections the pool opens (NaN: no fixed limit)")
        .tag("backend", backend)
        .strongReference(true)
        .register(registry);
  }

  private void connections(
      String backend, String state, Supplier<PoolUsage> usage, ToIntFunction<PoolUsage> value) {
    Gauge.builder("tutor.db.connections", usage, u -> value.applyAsInt(u.get()))
        .description("Database connections by state (pending: threads waiting for one)")
        .tag("backend", backend)
        .tag("state", state)
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
