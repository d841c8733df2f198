package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writer JVM killed with destroyForcibly (SIGKILL) mid-write leaves a sound database (SQLite file
 * or PostgreSQL) with no half-recorded attempt.
 */
class KilledWriterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_killed_writer_leaves_a_consistent_database(Backend backend) throws Exception {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AttemptWriterMain.class.getName(),
                target.value(),
                target.user(),
                target.password())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean ready = false;
      while ((line = out.readLine()) != null) {
        if (line.contains("ready")) {
          ready = true;
          break;
        }
      }
      assertTrue(ready, "the child never reported progress");
      Thread.sleep(300); // let it get well into further writes
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    try (Database db = Database.open(target)) {
      assertEquals("ok", db.integrityCheck());
      long attempts = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts"));
      assertTrue(attempts > 50, "attempts recorded before the kill: " + attempts);
      // Every attempt is complete: its board totals, streak and review row were written in the same
      // transaction.
      assertEquals(
          attempts,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT SUM(answers) FROM board_points WHERE period = 'all' AND topic = ''")));
      assertEquals(
          (long) db.read(c -> Sql.count(c, "SELECT SUM(points) FROM attempts")),
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT SUM(points) FROM board_points WHERE period = 'all' AND topic = ''")));
      assertEquals(
          0L,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM attempts a WHERE NOT EXISTS"
                              + " (SELECT 1 FROM reviews r WHERE r.person_id = a.person_id AND r.question_id = a.question_id)")));
      assertEquals(
          0L,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM attempts WHERE key_points NOT LIKE"
                              + " '[%]' OR answer = ''")));
      List<Long> streakless =
          db.read(
              c ->
                  Sql.list(
                      c,
                      "SELECT DISTINCT person_id FROM attempts a WHERE NOT EXISTS"
                          + " (SELECT 1 FROM streaks s WHERE s.person_id = a.person_id)",
                      rs -> rs.getLong(1)));
      assertEquals(List.of(), streakless);
    }
  }
}
