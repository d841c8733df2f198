package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the released program (V1–V5, its own runner, before Flyway) is upgraded in place by
 * this version: baselined at the version its {@code schema_version} records, then migrated, with
 * every row of every table kept.
 */
class ReleasedUpgradeTest {
  @TempDir Path dir;

  @Test
  void a_released_v5_database_upgrades_in_place_and_keeps_every_row() throws Exception {
    Path file = dir.resolve("released-v5.db");
    Map<String, List<String>> before;
    try (Connection c = ReleasedSchema.create(file, 5)) {
      ReleasedSchema.fill(c);
      before = rowsOfEveryTable(c);
    }
    assertTrue(
        before.values().stream().allMatch(rows -> !rows.isEmpty()),
        "every table has rows: " + before);

    try (Database db = Database.open(file)) {
      assertEquals(Migrations.latestVersion(db), Migrations.currentVersion(db));
      Map<String, List<String>> after =
          new TreeMap<>(db.read(ReleasedUpgradeTest::rowsOfEveryTable));
      Map<String, List<String>> added = new TreeMap<>(after);
      added.keySet().removeAll(before.keySet());
      after.keySet().retainAll(before.keySet());
      assertEquals(expectedAfterUpgrade(before), after, "every row of every table");
      assertEquals(
          db.read(BoardPointsSummaryTest::aggregateOverAttempts),
          db.read(BoardPointsSummaryTest::summary),
          "the leaderboard summary equals the aggregate over the attempts");
      // V11's board across servers is a summary too: filled from the upgraded attempts.
      assertEquals(
          db.read(BoardPointsSummaryTest::everywhereOverAttempts),
          db.read(BoardPointsSummaryTest::everywhereSummary),
          "the everywhere board equals the aggregate over the guild and DM attempts");
      BoardPointsSummaryTest.assertSizesCounted(db, "after the upgrade");
      added.remove("everywhere_points");
      added.remove("board_sizes");
      added.remove("everywhere_sizes");
      assertTrue(
          added.values().stream().allMatch(List::isEmpty),
          "tables added by the upgrade start empty: " + added);
      db.read(
          c -> {
            assertEquals(
                "5",
                Sql.one(
                        c,
                        "SELECT version FROM flyway_schema_history WHERE type = 'BASELINE'",
                        rs -> rs.getString(1))
                    .orElseThrow(),
                "baselined at the version the old runner recorded");
            assertEquals(
                SqliteEngine.APPLICATION_ID,
                (int) Sql.one(c, "PRAGMA application_id", rs -> rs.getInt(1)).orElseThrow(),
                "marked as the tutor's file");
            return null;
          });
      assertEquals("ok", db.integrityCheck());
      // The upgraded file works: a new person gets an id above every id ever used.
      long id =
          db.write(
                  c ->
                      PeopleRepository.upsert(c, "local:new", "New", java.time.ZoneId.of("UTC"), 0))
              .id();
      assertEquals(3L, id);
    }
  }

  /** What the upgrade changes on purpose; everything else is byte-for-byte the same text. */
  private static Map<String, List<String>> expectedAfterUpgrade(Map<String, List<String>> before) {
    Map<String, List<String>> expected = new TreeMap<>(before);
    expected.put(
        "attempts",
        before.get("attempts").stream()
            .map(
                row ->
                    row.replace("verdict=partially correct", "verdict=PARTIALLY_CORRECT")
                        .replace("verdict=correct", "verdict=CORRECT")
                        .replace("verdict=incorrect", "verdict=INCORRECT")
                        .replace("verdict=off-topic", "verdict=OFF_TOPIC"))
            .sorted()
            .toList());
    return expected;
  }

  static Map<String, List<String>> rowsOfEveryTable(Connection c) throws SQLException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String table :
        Sql.list(
            c,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
                + " ('schema_version', 'flyway_schema_history') ORDER BY name",
            rs -> rs.getString(1))) {
      out.put(
          table,
          Sql.list(c, "SELECT * FROM " + table, ReleasedUpgradeTest::rowText).stream()
              .sorted()
              .toList());
    }
    return out;
  }

  static String rowText(ResultSet rs) throws SQLException {
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      values.add(rs.getMetaData().getColumnName(i) + "=" + rs.getString(i));
    }
    return String.join(" | ", values);
  }
}
