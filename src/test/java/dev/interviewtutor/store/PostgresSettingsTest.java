package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.config.ConfigException;
import dev.interviewtutor.config.TutorConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TUTOR_DB as a PostgreSQL URL: read from the setting, secrets never shown, clear errors naming the
 * setting.
 */
class PostgresSettingsTest {
  @Test
  void a_jdbc_postgresql_url_is_a_server_and_a_plain_path_stays_an_sqlite_file() {
    TutorConfig server =
        TutorConfig.fromEnvironment(
            Map.of(
                "TUTOR_DB",
                "jdbc:postgresql://db.example/tutor",
                "TUTOR_DB_USER",
                "tutor",
                "TUTOR_DB_PASSWORD",
                "hunter2"));
    assertTrue(server.db().isPostgres());
    assertEquals("jdbc:postgresql://db.example/tutor", server.db().jdbcUrl());
    assertEquals("tutor", server.db().user());
    assertEquals("hunter2", server.db().password());
    assertFalse(server.toString().contains("hunter2"), server.toString());

    TutorConfig file = TutorConfig.fromEnvironment(Map.of("TUTOR_DB", "data/jdbc-notes.db"));
    assertFalse(file.db().isPostgres());
    assertEquals(Path.of("data/jdbc-notes.db"), file.db().file());

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                TutorConfig.fromEnvironment(
                    Map.of("TUTOR_DB", "jdbc:mysql://db/tutor?password=secret")));
    assertTrue(
        e.getMessage().contains("TUTOR_DB") && !e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void a_password_in_the_url_is_masked_wherever_the_url_is_shown() {
    DatabaseTarget t =
        DatabaseTarget.parse("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=true", "", "");
    assertEquals("jdbc:postgresql://h/db?user=u&password=***&ssl=true", t.describe());
    assertFalse(t.toString().contains("hunter2"));
  }

  @Test
  void an_unreachable_server_is_named_with_the_setting_and_no_password() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    DatabaseTarget t =
        DatabaseTarget.parse("jdbc:postgresql://127.0.0.1:" + port + "/tutor", "tutor", "hunter2");
    OperatorException e = assertThrows(OperatorException.class, () -> Database.open(t));
    assertTrue(
        e.getMessage().contains("127.0.0.1:" + port + "/tutor")
            && e.getMessage().contains("TUTOR_DB"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void a_database_missing_on_the_server_is_named() {
    TestDatabases.Server server = TestDatabases.server();
    DatabaseTarget t =
        new DatabaseTarget(
            null, server.urlOf("no_such_database_here"), server.user(), server.password());
    OperatorException e = assertThrows(OperatorException.class, () -> Database.open(t));
    assertTrue(
        e.getMessage().contains("no_such_database_here")
            && e.getMessage().contains("does not exist"),
        e.getMessage());
  }
}
