package dev.interviewtutor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The one logging configuration, found by logback through {@code META-INF/services}: everything to
 * stderr (so command output on stdout, JSON and predictions, stays clean) at {@code
 * TUTOR_LOG_LEVEL} (default INFO).
 *
 * <p>In code rather than {@code logback.xml}: reading the XML (a SAX parser, Joran's model) took
 * about 28% of {@code stats}' start-up on this machine (measured with {@code -Xlog:class+load}, see
 * docs/startup-benchmark.md). {@code -Dlogback.configurationFile=...} still selects a file of your
 * own.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(setting("TUTOR_LOG_LEVEL"), Level.INFO));
    root.addAppender(stderr);
    // DJL probes for CUDA and announces its native library on every start: noise for a CPU-only
    // tutor.
    context.getLogger("ai.djl").setLevel(Level.ERROR);
    // Flyway reports every check and migration at INFO (about ten lines at each start): a
    // newcomer's terminal should
    // show the first question, not the schema history. Its warnings and errors still show;
    // TUTOR_LOG_LEVEL=DEBUG
    // brings the rest back.
    if (root.getLevel().isGreaterOrEqual(Level.INFO)) {
      context.getLogger("org.flywaydb").setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * A system property, else the environment variable (as logback's ${NAME} substitution looked them
   * up).
   */
  private static String setting(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }
}
