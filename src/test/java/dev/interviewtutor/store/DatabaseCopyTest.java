package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.cli.TutorCommand;
import dev.interviewtutor.config.TutorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code db copy}: an SQLite community moved to PostgreSQL, every table verified, a non-empty
 * target refused.
 */
class DatabaseCopyTest {
  @TempDir Path dir;

  /** A released V5 file with rows in every table, upgraded, plus rows in the tables added since. */
  private Path community() throws Exception {
    Path file = dir.resolve("community.db");
    try (Connection c = ReleasedSchema.create(file, 5)) {
      ReleasedSchema.fill(c);
    }
    try (Database db = Database.open(file)) {
      db.writeVoid(
          c -> {
            Sql.update(
                c,
                "INSERT INTO answer_rate_events (person_key, at) VALUES ('discord:1', 1000), ('discord:1', 1001)");
            Sql.update(
                c,
                "INSERT INTO llm_budget (scope_key, day, used) VALUES ('guild:555', '2026-01-01', 7)");
            Sql.update(
                c,
                "INSERT INTO interview_follow_ups VALUES (1, 1, 1, 0, '{\"question\":\"why?\"}', 1000)");
            Sql.update(
                c,
                "INSERT INTO server_banks SELECT MIN(id), 'docker', ?, 1, 'discord:1', 1000 FROM scopes",
                "# 1. What is an image? ✓\n\n### Explanation\nA template.\n");
            Sql.update(c, "INSERT INTO server_shipped_off SELECT MIN(id), 'java' FROM scopes");
            Sql.update(
                c, "INSERT INTO daily_post_claims VALUES (1, '2026-01-01', '4242-ab12cd34', 1000)");
            // A grade-cache key as older versions stored it, NUL-separated: PostgreSQL text cannot
            // hold NUL.
            Sql.update(
                c,
                "INSERT INTO llm_grade_cache VALUES (?, 'llm', '{}', 1000, 'hash2')",
                "71\u00003\u0000hash2");
          });
    }
    return file;
  }

  @Test
  void every_table_moves_from_sqlite_to_postgresql_and_is_verified() throws Exception {
    Path file = community();
    DatabaseTarget to = TestDatabases.newTarget(Backend.POSTGRESQL, dir);
    try (Database source = Database.open(file);
        Database target = Database.open(to)) {
      List<DatabaseCopy.TableCheck> checks = DatabaseCopy.copy(source, target, false);

      assertEquals(
          DatabaseCopy.TABLES, checks.stream().map(DatabaseCopy.TableCheck::table).toList());
      for (DatabaseCopy.TableCheck check : checks) {
        assertTrue(check.matches(), check.toString());
        assertTrue(check.sourceRows() > 0, "the test fills every table: " + check);
      }
      assertEquals(rows(source), rows(target), "every row of every table, as text");
      assertEquals(
          allTables(source),
          java.util.stream.Stream.concat(
                  DatabaseCopy.TABLES.stream(), DatabaseCopy.KEPT_BY_TRIGGERS.stream())
              .sorted()
              .toList(),
          "the copy list names every table of the schema (or its triggers keep it)");
      BoardPointsSummaryTest.assertSizesCounted(target, "after the copy");

      // The target continues the ids: a new person never takes a copied (or forgotten) id.
      long id =
          target
              .write(c -> PeopleRepository.upsert(c, "discord:new", "New", ZoneId.of("UTC"), 0))
              .id();
      assertEquals(3L, id);
    }
  }

  @Test
  void a_non_empty_target_is_refused_untouched_unless_forced() throws Exception {
    Path file = community();
    DatabaseTarget to = TestDatabases.newTarget(Backend.POSTGRESQL, dir);
    try (Database source = Database.open(file);
        Database target = Database.open(to)) {
      target.writeVoid(
          c -> PeopleRepository.upsert(c, "discord:someone", "Someone", ZoneId.of("UTC"), 0));
      Map<String, List<String>> before = rows(target);

      DatabaseCopy.TargetNotEmptyException e =
          assertThrows(
              DatabaseCopy.TargetNotEmptyException.class,
              () -> DatabaseCopy.copy(source, target, false));
      assertTrue(
          e.getMessage().contains("--force") && e.getMessage().contains("people=1"),
          e.getMessage());
      assertEquals(before, rows(target), "nothing was copied");

      assertTrue(
          DatabaseCopy.copy(source, target, true).stream()
              .allMatch(DatabaseCopy.TableCheck::matches));
      assertEquals(
          rows(source), rows(target), "--force replaced the target's data with the source's");
    }
  }

  @Test
  void the_db_copy_command_copies_verifies_and_refuses_a_second_copy() throws Exception {
    Path file = community();
    DatabaseTarget to = TestDatabases.newTarget(Backend.POSTGRESQL, dir);
    TutorConfig env =
        TutorConfig.fromEnvironment(
            Map.of("TUTOR_DB_USER", to.user(), "TUTOR_DB_PASSWORD", to.password()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        TutorCommand.commandLine(new TutorCommand(env), "db", "copy")
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));

    int code = cli.execute("db", "copy", "--from", file.toString(), "--to", to.jdbcUrl());

    assertEquals(0, code, out + "\n" + err);
    assertTrue(out.toString().contains("Verified"), out.toString());
    assertTrue(
        out.toString().matches("(?s).*attempts\\s+8\\s+8\\s+\\p{XDigit}{16} ok.*"), out.toString());
    int again = cli.execute("db", "copy", "--from", file.toString(), "--to", to.jdbcUrl());
    assertEquals(2, again);
    assertTrue(err.toString().contains("already holds data"), err.toString());
  }

  private static Map<String, List<String>> rows(Database db) {
    return db.read(
        c -> {
          Map<String, List<String>> out = new TreeMap<>();
          for (String table : DatabaseCopy.TABLES) {
            out.put(
                table,
                Sql.list(c, "SELECT * FROM " + table, ReleasedUpgradeTest::rowText).stream()
                    .map(r -> r.replace('\u0000', '\u001f'))
                    .sorted()
                    .toList());
          }
          return out;
        });
  }

  private static List<String> allTables(Database db) throws SQLException {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
                    + " ('sqlite_sequence', 'schema_version', 'flyway_schema_history') ORDER BY name",
                rs -> rs.getString(1)));
  }
}
