package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V5: people.id is AUTOINCREMENT, so a forgotten person's id is never given to someone else. */
class PersonIdMigrationTest {
  @TempDir Path dir;

  @Test
  void upgrading_a_v4_database_keeps_every_row_foreign_key_and_index() throws Exception {
    Path file = dir.resolve("v4.db");
    Map<String, List<String>> rowsBefore;
    Map<String, List<String>> foreignKeysBefore;
    List<String> indexesBefore;
    try (Connection c = v4Database(file)) {
      fillWithOnePersonOfEachKind(c);
      rowsBefore = rowsOfEveryTable(c);
      foreignKeysBefore = foreignKeysOfEveryTable(c);
      indexesBefore = indexes(c);
    }

    try (Database db = Database.open(file)) {
      assertEquals(Migrations.latestVersion(db), Migrations.currentVersion(db));
      db.read(
          c -> {
            Map<String, List<String>> rowsAfter = new TreeMap<>(rowsOfEveryTable(c));
            rowsAfter.keySet().retainAll(rowsBefore.keySet()); // later versions add tables
            assertEquals(rowsBefore, rowsAfter, "every row of every table, people ids included");
            Map<String, List<String>> foreignKeysAfter = new TreeMap<>(foreignKeysOfEveryTable(c));
            foreignKeysAfter.keySet().retainAll(foreignKeysBefore.keySet());
            assertEquals(
                foreignKeysBefore, foreignKeysAfter, "every foreign key still points at people");
            List<String> tablesBefore = foreignKeysBefore.keySet().stream().toList();
            assertEquals(
                indexesBefore,
                indexes(c).stream()
                    .filter(
                        i ->
                            tablesBefore.contains(i.substring(0, i.indexOf(':')))
                                && !i.startsWith("board_points: board_points_ranked "))
                    .toList(),
                "every index, the unique key of people included (V10 adds the ranked board index)");
            assertTrue(schemaOf(c, "people").contains("AUTOINCREMENT"), schemaOf(c, "people"));
            assertEquals(
                List.of(),
                Sql.list(
                    c,
                    "SELECT name FROM sqlite_master WHERE name LIKE 'people_v5%'",
                    rs -> rs.getString(1)),
                "no leftover of the rebuild");
            return null;
          });
      assertEquals("ok", db.integrityCheck());

      // Foreign keys are enforced again after the migration: forget-me cascades, and a dangling
      // reference fails.
      db.writeVoid(c -> PeopleRepository.deleteEverything(c, 1));
      db.read(
          c -> {
            for (String table :
                List.of(
                    "attempts",
                    "board_points",
                    "streaks",
                    "reviews",
                    "follow_up_answers",
                    "question_hints",
                    "daily_answers",
                    "interview_sessions")) {
              assertEquals(
                  0,
                  Sql.one(
                          c,
                          "SELECT COUNT(*) FROM " + table + " WHERE person_id = 1",
                          rs -> rs.getInt(1))
                      .orElseThrow(),
                  table);
            }
            assertEquals(
                1,
                Sql.one(c, "SELECT COUNT(*) FROM attempts WHERE person_id = 2", rs -> rs.getInt(1))
                    .orElseThrow(),
                "the other person's rows stay");
            return null;
          });
      StoreException dangling =
          org.junit.jupiter.api.Assertions.assertThrows(
              StoreException.class,
              () ->
                  db.writeVoid(
                      c -> Sql.update(c, "INSERT INTO streaks VALUES (999, 1, 1, '2026-01-01')")));
      assertTrue(dangling.getMessage().contains("FOREIGN KEY"), dangling.getMessage());
    }
  }

  @Test
  void after_forget_me_the_next_person_gets_a_fresh_id_even_on_an_upgraded_database()
      throws Exception {
    Path file = dir.resolve("v4.db");
    try (Connection c = v4Database(file)) {
      fillWithOnePersonOfEachKind(c);
    }
    try (Database db = Database.open(file)) {
      long newest =
          db.write(c -> PeopleRepository.upsert(c, "local:newest", "Newest", ZoneId.of("UTC"), 0))
              .id();
      db.writeVoid(c -> PeopleRepository.deleteEverything(c, newest));

      long next =
          db.write(c -> PeopleRepository.upsert(c, "local:next", "Next", ZoneId.of("UTC"), 0)).id();

      assertNotEquals(newest, next, "the forgotten person's id went to someone else");
      assertTrue(next > newest, "ids only grow: " + next + " after " + newest);
    }
    // ... and across a restart (the largest id ever used is stored, not remembered in memory).
    try (Database db = Database.open(file)) {
      long before = db.read(c -> PeopleRepository.find(c, "local:next")).orElseThrow().id();
      db.writeVoid(c -> PeopleRepository.deleteEverything(c, before));
      long after =
          db.write(c -> PeopleRepository.upsert(c, "local:later", "Later", ZoneId.of("UTC"), 0))
              .id();
      assertTrue(after > before, after + " after " + before);
    }
  }

  @Test
  void a_new_database_also_never_reuses_a_forgotten_persons_id() {
    try (Database db = Database.open(dir.resolve("new.db"))) {
      long first =
          db.write(c -> PeopleRepository.upsert(c, "local:a", "A", ZoneId.of("UTC"), 0)).id();
      db.writeVoid(c -> PeopleRepository.deleteEverything(c, first));
      long second =
          db.write(c -> PeopleRepository.upsert(c, "local:b", "B", ZoneId.of("UTC"), 0)).id();
      assertNotEquals(first, second);
    }
  }

  /**
   * A database as version 4 of the program left it (the released V1..V4 scripts), foreign keys on.
   */
  private static Connection v4Database(Path file) throws Exception {
    return ReleasedSchema.create(file, 4);
  }

  /** Two people (ids 1 and 2) with a row in every table that references people. */
  private static void fillWithOnePersonOfEachKind(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO people VALUES (1, 'discord:1', 'Ada', 'Europe/Paris', 10)");
      s.execute("INSERT INTO people VALUES (2, 'local:bob', 'Bob', 'UTC', 20)");
      s.execute("INSERT INTO scopes VALUES (1, 'guild', '555', 'Study')");
      for (int p = 1; p <= 2; p++) {
        s.execute(
            "INSERT INTO attempts (id, person_id, scope_id, question_id, topic, kind, answer, score, verdict,"
                + " key_points, grader, answered_at, local_day, counted, points) VALUES ("
                + p
                + ", "
                + p
                + ", 1, '71',"
                + " 'nodejs', 'daily', 'answer "
                + p
                + "', 80, 'GOOD', '[]', 'offline', 1000, '2026-01-01', 1, 10)");
        s.execute("INSERT INTO streaks VALUES (" + p + ", 1, 2, '2026-01-01')");
        s.execute(
            "INSERT INTO reviews VALUES (" + p + ", '71', 1, 1, 2.5, '2026-01-02', 80, 1000)");
        s.execute(
            "INSERT INTO interview_sessions VALUES ("
                + p
                + ", "
                + p
                + ", 1, '', 'active', 0, 1000, 1000)");
        s.execute(
            "INSERT INTO interview_items VALUES ("
                + p
                + ", 0, '71', 'answered', 0, "
                + p
                + ", 80)");
        s.execute("INSERT INTO follow_up_answers VALUES (" + p + ", 'hash" + p + "')");
        s.execute("INSERT INTO question_hints VALUES (" + p + ", '72', 1)");
        s.execute(
            "INSERT INTO daily_posts (id, scope_id, question_id, scheduled_for, claimed_at) VALUES ("
                + p
                + ", 1, '71', '2026-01-0"
                + p
                + "', 1000)");
        s.execute("INSERT INTO daily_answers VALUES (" + p + ", " + p + ", " + p + ", 1)");
      }
      s.execute(
          "INSERT INTO daily_settings (scope_id, channel_id, local_time, time_zone, enabled, set_up_by,"
              + " active_from) VALUES (1, '777', '09:00', 'UTC', 1, 1, 0)");
      s.execute("INSERT INTO llm_grade_cache VALUES ('k1', 'llm', '{}', 1000, 'hash1')");
    }
    BoardPointsSummaryTest.insertBoardFromAttempts(c);
  }

  private static Map<String, List<String>> rowsOfEveryTable(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : tables(c)) {
      if (table.equals("schema_version") || table.equals("flyway_schema_history")) {
        continue;
      }
      out.put(
          table,
          Sql.list(c, "SELECT * FROM " + table, PersonIdMigrationTest::rowText).stream()
              .sorted()
              .toList());
    }
    return out;
  }

  private static Map<String, List<String>> foreignKeysOfEveryTable(Connection c)
      throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table : tables(c)) {
      // table, from column, to column, on update, on delete (the id column 0 differs by declaration
      // order only)
      out.put(
          table,
          Sql.list(
                  c,
                  "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM"
                      + " pragma_foreign_key_list('"
                      + table
                      + "')",
                  PersonIdMigrationTest::rowText)
              .stream()
              .sorted()
              .toList());
    }
    return out;
  }

  private static List<String> indexes(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String table : tables(c)) {
      out.addAll(
          Sql.list(
              c,
              "SELECT name, \"unique\", origin FROM pragma_index_list('" + table + "')",
              rs -> table + ": " + rowText(rs)));
    }
    return out.stream().sorted().toList();
  }

  private static List<String> tables(Connection c) throws SQLException {
    return Sql.list(
        c,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
            + " ('sqlite_sequence', 'flyway_schema_history') ORDER BY name",
        rs -> rs.getString(1));
  }

  private static String schemaOf(Connection c, String table) throws SQLException {
    return Sql.one(c, "SELECT sql FROM sqlite_master WHERE name = ?", rs -> rs.getString(1), table)
        .orElseThrow();
  }

  private static String rowText(ResultSet rs) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      b.append(i > 1 ? " | " : "").append(rs.getString(i));
    }
    return b.toString();
  }
}
