package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.OperatorException;
import dev.interviewtutor.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void should_create_parent_directories_and_apply_every_migration_once() {
    Path file = dir.resolve("nested/deeper/tutor.db");
    try (Database db = Database.open(file)) {
      assertTrue(Files.exists(file));
      assertEquals(Migrations.latestVersion(db), Migrations.currentVersion(db));
      List<String> tables =
          db.read(
              c ->
                  Sql.list(
                      c,
                      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                      rs -> rs.getString(1)));
      assertTrue(
          tables.containsAll(
              List.of(
                  "people",
                  "scopes",
                  "attempts",
                  "board_points",
                  "streaks",
                  "reviews",
                  "interview_sessions",
                  "interview_items",
                  "daily_settings",
                  "daily_posts",
                  "daily_answers",
                  "flyway_schema_history")),
          tables.toString());
      assertEquals(
          "wal",
          db.read(c -> Sql.one(c, "PRAGMA journal_mode", rs -> rs.getString(1)).orElseThrow()));
      assertEquals(
          1,
          (int) db.read(c -> Sql.one(c, "PRAGMA foreign_keys", rs -> rs.getInt(1)).orElseThrow()));
      assertEquals(
          1,
          (int) db.read(c -> Sql.one(c, "PRAGMA synchronous", rs -> rs.getInt(1)).orElseThrow()),
          "synchronous=NORMAL");
    }
    long applied;
    try (Database db = Database.open(file)) {
      applied = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM flyway_schema_history"));
    }
    try (Database again = Database.open(file)) {
      long rows = again.read(c -> Sql.count(c, "SELECT COUNT(*) FROM flyway_schema_history"));
      assertEquals(applied, rows, "reopening must not re-apply migrations");
    }
  }

  @Test
  void the_quick_up_to_date_check_knows_the_newest_script_and_leaves_anything_else_to_flyway() {
    Path file = dir.resolve("quick.db");
    try (Database db = Database.open(file)) {
      assertEquals(
          Migrations.latestVersion(db),
          Migrations.LATEST_VERSION,
          "LATEST_VERSION names the newest script");
      assertTrue(Migrations.upToDate(db), "a file migrated by this program opens without Flyway");

      db.write(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "UPDATE flyway_schema_history SET success = 0"
                          + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"));
      assertFalse(Migrations.upToDate(db), "a failed migration is Flyway's to report");
      db.write(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "UPDATE flyway_schema_history SET success = 1, version = '99'"
                          + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)"));
      assertFalse(Migrations.upToDate(db), "a newer program's file is Flyway's to refuse");
    }
    try (Database fresh = Database.open(dir.resolve("fresh.db"))) {
      fresh.write(c -> c.createStatement().executeUpdate("DROP TABLE flyway_schema_history"));
      assertFalse(Migrations.upToDate(fresh), "no history: Flyway decides");
    }
  }

  @Test
  void committed_pages_are_copied_back_to_the_database_file_in_the_background() throws Exception {
    Path file = dir.resolve("checkpointed.db");
    try (Database db = Database.open(file)) {
      long before = Files.size(file);
      // ~2 MB: far below the writer's own auto-checkpoint size, so only the background checkpointer
      // copies it.
      db.writeVoid(
          c -> {
            Sql.update(c, "CREATE TABLE filler (x TEXT NOT NULL)");
            Sql.update(
                c,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                    + " INSERT INTO filler (x) SELECT printf('%.1000c', 'x') FROM n");
          });
      // Waits for the behaviour, not a speed: the copy is due ~0.2 s after the commit; give a
      // loaded machine 30 s.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (Files.size(file) < before + 2_000_000 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(
          Files.size(file) >= before + 2_000_000,
          "database file still " + Files.size(file) + " bytes: the WAL was not checkpointed");
      assertEquals(2000L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM filler")));
    }
  }

  @Test
  void a_database_at_an_older_version_is_upgraded_and_keeps_its_rows() throws Exception {
    Path file = dir.resolve("old.db");
    try (Connection c = ReleasedSchema.create(file, 1);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO people (key, display_name, time_zone, created_at) VALUES ('local:old', 'Old', 'UTC', 0)");
    }
    try (Database db = Database.open(file)) {
      assertEquals(Migrations.latestVersion(db), Migrations.currentVersion(db));
      assertEquals(
          "Old", db.read(c -> PeopleRepository.find(c, "local:old")).orElseThrow().displayName());
      List<String> indexes =
          db.read(
              c ->
                  Sql.list(
                      c,
                      "SELECT name FROM sqlite_master WHERE type = 'index'",
                      rs -> rs.getString(1)));
      assertTrue(
          indexes.contains("board_points_ranked"), "V3 dropped it, V10 brings it back: " + indexes);
      assertEquals("ok", db.integrityCheck());
    }
  }

  @Test
  void a_database_from_a_newer_program_is_refused_clearly() throws Exception {
    Path file = dir.resolve("newer.db");
    try (Database db = Database.open(file)) {
      db.writeVoid(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO flyway_schema_history (installed_rank, version, description,"
                      + " type, script, checksum, installed_by, execution_time, success) VALUES (999, '999', 'future', 'SQL',"
                      + " 'V999__future.sql', 0, 'test', 0, 1)"));
    }
    UserFacingException e = assertThrows(UserFacingException.class, () -> Database.open(file));
    assertTrue(
        e.getMessage().contains("newer")
            && e.getMessage().contains(file.toAbsolutePath().toString()),
        e.getMessage());
    assertTrue(e.getMessage().contains("999"), e.getMessage());
  }

  @Test
  void a_file_of_a_newer_program_from_before_flyway_is_refused_clearly() throws Exception {
    Path file = dir.resolve("newer-old-runner.db");
    try (Connection c = ReleasedSchema.create(file, 5);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO schema_version VALUES (99, 'from a future release of the old runner', 0)");
    }
    UserFacingException e = assertThrows(UserFacingException.class, () -> Database.open(file));
    assertTrue(
        e.getMessage().contains("newer") && e.getMessage().contains("version 99"), e.getMessage());
  }

  @Test
  void the_released_program_refuses_a_file_this_version_upgraded() throws Exception {
    Path file = dir.resolve("upgraded.db");
    ReleasedSchema.create(file, 5).close();
    Database.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      // The released runner compared MAX(version) of schema_version with the 5 versions it knew.
      assertTrue(
          Sql.count(c, "SELECT MAX(version) FROM schema_version") > 5,
          "an older tutor must see a newer schema and refuse the file");
    }
  }

  @Test
  void should_roll_back_a_failed_write_completely() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      assertThrows(
          RuntimeException.class,
          () ->
              db.writeVoid(
                  c -> {
                    PeopleRepository.upsert(c, "local:a", "A", ZoneId.of("UTC"), 1);
                    Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
                  }));
      assertEquals(0L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM people")));
    }
  }

  @Test
  void a_new_file_is_marked_as_the_tutors_and_another_programs_sqlite_file_is_refused_untouched()
      throws Exception {
    Path ours = dir.resolve("ours.db");
    Database.open(ours).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ours)) {
      assertEquals(
          SqliteEngine.APPLICATION_ID,
          (int) Sql.one(c, "PRAGMA application_id", rs -> rs.getInt(1)).orElseThrow());
    }
    Path foreign = dir.resolve("photos.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)");
      s.execute("INSERT INTO albums (title) VALUES ('holidays')");
    }
    byte[] before = Files.readAllBytes(foreign);
    UserFacingException e = assertThrows(UserFacingException.class, () -> Database.open(foreign));
    assertTrue(e.getMessage().contains(foreign.toAbsolutePath().toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("TUTOR_DB") && e.getMessage().contains("albums"), e.getMessage());
    assertTrue(
        java.util.Arrays.equals(before, Files.readAllBytes(foreign)),
        "the other program's file is unchanged");

    Path marked = dir.resolve("marked.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + marked);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA application_id = 1234");
    }
    UserFacingException other =
        assertThrows(UserFacingException.class, () -> Database.open(marked));
    assertTrue(
        other.getMessage().contains("application_id") && other.getMessage().contains("TUTOR_DB"),
        other.getMessage());
  }

  @Test
  void a_corrupt_file_gives_a_clear_error_naming_the_file() throws Exception {
    Path file = dir.resolve("corrupt.db");
    Files.write(
        file, "this is definitely not an SQLite database, just some text. ".repeat(200).getBytes());
    OperatorException e = assertThrows(OperatorException.class, () -> Database.open(file));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void a_database_locked_by_another_connection_gives_a_clear_error_naming_the_file()
      throws Exception {
    Path file = dir.resolve("locked.db");
    Database.open(file).close();
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("PRAGMA locking_mode = EXCLUSIVE");
      s.execute("BEGIN EXCLUSIVE");
      s.execute("INSERT INTO scopes (kind, key, name) VALUES ('terminal', 'x', '')");
      OperatorException e =
          assertThrows(
              OperatorException.class,
              () -> {
                try (Database db = Database.open(file, Duration.ofMillis(200))) {
                  db.writeVoid(
                      c -> PeopleRepository.upsertScope(c, ScopeKind.TERMINAL, "local", ""));
                }
              });
      assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("locked"), e.getMessage());
      s.execute("ROLLBACK");
    }
  }

  @Test
  void a_directory_given_as_the_database_file_is_refused_with_a_file_to_use_instead() {
    UserFacingException e = assertThrows(UserFacingException.class, () -> Database.open(dir));
    assertTrue(e.getMessage().contains(dir.toAbsolutePath() + " is a directory"), e.getMessage());
    assertTrue(
        e.getMessage().contains(dir.toAbsolutePath().resolve("tutor.db").toString()),
        e.getMessage());
  }

  @Test
  void a_read_only_file_gives_a_clear_error_naming_the_file() throws Exception {
    Path file = dir.resolve("readonly.db");
    Database.open(file).close();
    assertTrue(file.toFile().setWritable(false, false));
    Assumptions.assumeFalse(
        Files.isWritable(file),
        "running as root: the file stays writable, so a read-only file cannot be simulated here");
    UserFacingException e = assertThrows(UserFacingException.class, () -> Database.open(file));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
  }

  @Test
  void a_read_only_database_gives_a_clear_error_naming_the_file_even_for_root() throws Exception {
    // SQLite refuses writes on a connection opened read-only whatever the user; the same mapping
    // applies.
    Path file = dir.resolve("ro.db");
    Database.open(file).close();
    try (Database db = Database.open(file)) {
      try (Connection ro =
          new org.sqlite.SQLiteConfig() {
            {
              setReadOnly(true);
            }
          }.createConnection("jdbc:sqlite:" + file)) {
        java.sql.SQLException raw =
            assertThrows(
                java.sql.SQLException.class,
                () ->
                    Sql.update(
                        ro, "INSERT INTO scopes (kind, key, name) VALUES ('terminal', 'y', '')"));
        RuntimeException e = db.translate(raw, "writing");
        assertTrue(e instanceof OperatorException, e.toString());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
      }
    }
  }

  @Test
  void a_database_path_under_a_regular_file_gives_a_clear_error() throws Exception {
    Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
    UserFacingException e =
        assertThrows(UserFacingException.class, () -> Database.open(notADir.resolve("tutor.db")));
    assertTrue(e.getMessage().contains(notADir.toAbsolutePath().toString()), e.getMessage());
  }
}
