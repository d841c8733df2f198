package dev.interviewtutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logback is configured by {@link LogConfiguration} (found through META-INF/services): stderr, DJL
 * quiet.
 */
class LogConfigurationTest {
  @Test
  void logs_go_to_stderr_and_djl_only_reports_errors() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertNotNull(stderr, "the STDERR appender is configured");
    assertEquals("System.err", stderr.getTarget());
    assertEquals(Level.ERROR, context.getLogger("ai.djl").getLevel());
    assertEquals(
        Level.WARN,
        context.getLogger("org.flywaydb").getLevel(),
        "schema chatter stays out of the terminal");
  }
}
