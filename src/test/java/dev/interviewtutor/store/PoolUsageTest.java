package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.ops.PoolUsage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the operator's metrics and readiness check read from the database, on both backends. */
class PoolUsageTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_connection_doing_work_counts_as_active_and_goes_back_to_idle(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      db.ping();
      PoolUsage during = db.read(c -> db.poolUsage());
      assertTrue(during.active() >= 1, "the reading connection is active: " + during);
      PoolUsage after = db.poolUsage();
      assertEquals(0, after.active(), after.toString());
      assertTrue(after.idle() >= 1, after.toString());
      assertEquals(0, after.pending(), after.toString());
      assertEquals(
          backend == Backend.POSTGRESQL ? 8 : -1,
          after.max(),
          "SQLite readers have no fixed limit");
      assertEquals(backend == Backend.POSTGRESQL ? "postgresql" : "sqlite", db.backend());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_closed_database_fails_its_ping_naming_it(Backend backend) {
    Database db = TestDatabases.open(backend, dir);
    db.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, db::ping);
    assertTrue(
        e.getMessage().contains(db.describe()) && e.getMessage().contains("closed"),
        e.getMessage());
    assertEquals(0, db.poolUsage().active());
  }
}
