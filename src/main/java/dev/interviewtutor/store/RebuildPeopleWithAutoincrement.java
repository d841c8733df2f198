package dev.interviewtutor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * SQLite V5: person ids are never reused. Without AUTOINCREMENT SQLite gives a new row the largest
 * id + 1, so after forget-me removed the newest person the next one got the same id, and anything
 * still keyed by that id (a cache, in-memory state) would be read as theirs. AUTOINCREMENT keeps
 * the largest id ever used in sqlite_sequence. SQLite cannot add it in place: the table is rebuilt
 * (create, copy, drop, rename) with foreign keys off around the transaction (the pragma has no
 * effect inside one), so dropping the old table does not cascade into every table that references
 * people; every foreign key is checked before the commit. The ids are copied as they are, so every
 * reference stays valid. A Java migration because Flyway runs SQL scripts inside its own
 * transaction, where the pragma cannot be changed.
 */
final class RebuildPeopleWithAutoincrement implements JavaMigration {
  private static final List<String> STATEMENTS =
      List.of(
          """
      CREATE TABLE people_v5 (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        key          TEXT    NOT NULL UNIQUE,           -- 'discord:<user id>' or 'local:<os user>'
        display_name TEXT    NOT NULL,
        time_zone    TEXT    NOT NULL DEFAULT 'UTC',    -- IANA zone id
        created_at   INTEGER NOT NULL
      )""",
          "INSERT INTO people_v5 (id, key, display_name, time_zone, created_at)"
              + " SELECT id, key, display_name, time_zone, created_at FROM people ORDER BY id",
          "DROP TABLE people",
          "ALTER TABLE people_v5 RENAME TO people");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5");
  }

  @Override
  public String getDescription() {
    return "person ids are never reused";
  }

  @Override
  public Integer getChecksum() {
    return String.join(";\n", STATEMENTS).hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return false;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
      try {
        s.execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
          // Another process may have rebuilt it between Flyway's check and this lock.
          boolean done =
              Sql.one(
                      c,
                      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'people'",
                      rs -> rs.getString(1))
                  .orElse("")
                  .contains("AUTOINCREMENT");
          if (!done) {
            for (String sql : STATEMENTS) {
              s.execute(sql);
            }
            try (var rs = s.executeQuery("PRAGMA foreign_key_check")) {
              if (rs.next()) {
                throw new SQLException(
                    "foreign key broken by the rebuild of people: table "
                        + rs.getString(1)
                        + " row "
                        + rs.getLong(2)
                        + " references a missing row of "
                        + rs.getString(3));
              }
            }
          }
          s.execute("COMMIT");
          committed = true;
        } finally {
          if (!committed) {
            s.execute("ROLLBACK");
          }
        }
      } finally {
        s.execute("PRAGMA foreign_keys = ON");
      }
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
