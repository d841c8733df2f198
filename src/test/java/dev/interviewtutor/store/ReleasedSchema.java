package dev.interviewtutor.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQLite file as the released program (before Flyway) left it: the V1–V5 scripts exactly as they
 * were on main ({@code src/test/resources/db/released/}), applied the way its runner applied them
 * (statements split on a {@code ;} that ends a line, a script marked {@code -- migration:
 * foreign_keys=OFF} run with foreign keys off, each version recorded in {@code schema_version}).
 */
final class ReleasedSchema {
  private static final String DIR = "db/released/";

  private ReleasedSchema() {}

  /**
   * A new file at schema version {@code version} (1..5) of the released program; foreign keys on.
   */
  static Connection create(Path file, int version) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = ON");
      s.execute(
          "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
              + " applied_at INTEGER NOT NULL)");
      List<String> names =
          resource(DIR + "migrations.txt")
              .lines()
              .map(String::strip)
              .filter(n -> !n.isEmpty() && !n.startsWith("#"))
              .toList();
      for (int v = 1; v <= version; v++) {
        String name = names.get(v - 1);
        String script = resource(DIR + name);
        boolean foreignKeysOff =
            script.lines().anyMatch(l -> l.strip().startsWith("-- migration: foreign_keys=OFF"));
        if (foreignKeysOff) {
          s.execute("PRAGMA foreign_keys = OFF");
        }
        s.execute("BEGIN");
        for (String sql : statements(script)) {
          s.execute(sql);
        }
        String description =
            name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
        s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + description + "', 0)");
        s.execute("COMMIT");
        if (foreignKeysOff) {
          s.execute("PRAGMA foreign_keys = ON");
        }
      }
    }
    return c;
  }

  private static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        result.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReleasedSchema.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Two people (ids 1 and 2) with a row in every table of the V5 schema; the given verdict labels
   * cycle.
   */
  static void fill(Connection c) throws SQLException {
    String[] verdicts = {"correct", "partially correct", "incorrect", "off-topic"};
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO people VALUES (1, 'discord:1', 'Ada', 'Europe/Paris', 10)");
      s.execute("INSERT INTO people VALUES (2, 'local:bob', 'Bob ''the'' builder ✓', 'UTC', 20)");
      s.execute("INSERT INTO scopes VALUES (1, 'guild', '555', 'Study')");
      s.execute("INSERT INTO scopes VALUES (2, 'terminal', 'local', '')");
      for (int p = 1; p <= 2; p++) {
        for (int a = 0; a < 4; a++) {
          int id = p * 10 + a;
          s.execute(
              "INSERT INTO attempts (id, person_id, scope_id, question_id, topic, kind, answer, score, verdict,"
                  + " key_points, grader, hints, answered_at, local_day, counted, points) VALUES ("
                  + id
                  + ", "
                  + p
                  + ", "
                  + (a % 2 + 1)
                  + ", '7"
                  + a
                  + "', 'nodejs', '"
                  + (a == 0 ? "daily" : "practice")
                  + "', 'answer "
                  + id
                  + " with \"quotes\"', "
                  + (20 * a + 10)
                  + ", '"
                  + verdicts[a]
                  + "', '[{\"id\":\"k1\"}]',"
                  + " 'offline', "
                  + a
                  + ", "
                  + (1000 + id)
                  + ", '2026-01-0"
                  + (a + 1)
                  + "', "
                  + (a % 2)
                  + ", "
                  + (a % 2) * 10
                  + ")");
        }
        s.execute("INSERT INTO streaks VALUES (" + p + ", 1, 2, '2026-01-01')");
        s.execute(
            "INSERT INTO reviews VALUES (" + p + ", '71', 1, 1, 2.36, '2026-01-02', 80, 1000)");
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
                + (p * 10)
                + ", 80)");
        s.execute(
            "INSERT INTO interview_items VALUES (" + p + ", 1, '72', 'pending', 1, NULL, NULL)");
        s.execute("INSERT INTO follow_up_answers VALUES (" + p + ", 'hash" + p + "')");
        s.execute("INSERT INTO question_hints VALUES (" + p + ", '72', 1)");
        s.execute(
            "INSERT INTO daily_posts (id, scope_id, question_id, scheduled_for, claimed_at, posted_at,"
                + " message_id, revealed_at) VALUES ("
                + p
                + ", 1, '71', "
                + (p == 1 ? "'2026-01-01'" : "NULL")
                + ", 1000, 1001, '99"
                + p
                + "', "
                + (p == 1 ? "1002" : "NULL")
                + ")");
        s.execute(
            "INSERT INTO daily_answers VALUES ("
                + p
                + ", "
                + p
                + ", "
                + (p * 10)
                + ", "
                + (p - 1)
                + ")");
      }
      s.execute(
          "INSERT INTO daily_settings (scope_id, channel_id, local_time, time_zone, enabled, paused,"
              + " pause_reason, set_up_by, active_from) VALUES (1, '777', '09:00', 'Europe/Berlin', 1, 0, '', 1, 5)");
      s.execute("INSERT INTO llm_grade_cache VALUES ('k1', 'llm', '{\"score\":1}', 1000, 'hash1')");
    }
    // The leaderboard summary as the released recording code kept it: the aggregate over these
    // attempts.
    BoardPointsSummaryTest.insertBoardFromAttempts(c);
  }
}
