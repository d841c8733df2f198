package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.Section;
import dev.interviewtutor.knowledge.SourceLocation;
import dev.interviewtutor.practice.Leaderboard;
import dev.interviewtutor.practice.MutableClock;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.practice.PracticeService.GradedAnswer;
import dev.interviewtutor.practice.TestBank;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The leaderboard summary ({@code board_points}) always equals the aggregate over the attempts it
 * summarises: after answers recorded one by one and in batches (over an ISO-week year boundary,
 * three time zones, a question without a topic, repeats that earn nothing), after forget-me, after
 * {@code db copy}, and after the V10 upgrade rebuilt it from the attempts of an older database. The
 * expected totals are computed here in Java from the attempt rows (period keys by {@link
 * Period#key}), independently of the SQL that maintains or rebuilds the table.
 */
class BoardPointsSummaryTest {
  @TempDir Path dir;

  private static final QuestionBank BANK = bankWithAnUntopicedQuestion();

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_summary_equals_the_aggregate_over_attempts_after_writes_and_forget_me(Backend backend) {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-29T10:00:00Z"));
    try (Database db = TestDatabases.open(backend, dir)) {
      PracticeService service =
          new PracticeService(BANK, TestBank::rubric, new NoGrader(), db, clock);
      List<Scope> scopes =
          List.of(
              service.scope(ScopeKind.GUILD, "g1", "G1"),
              service.scope(ScopeKind.DM, "d1", "D1"),
              service.scope(ScopeKind.TERMINAL, "local", ""));
      List<dev.interviewtutor.store.Person> people = new ArrayList<>();
      String[] zones = {"UTC", "America/New_York", "Asia/Tokyo"};
      for (int i = 0; i < 6; i++) {
        people.add(service.person("local:p" + i, "P" + i, ZoneId.of(zones[i % 3])));
      }
      Random random = new Random(7);
      // Eight days from Tuesday 2026-12-29: ISO week 2026-W53 and 2027-W01, months 2026-12 and
      // 2027-01.
      for (int day = 0; day < 8; day++) {
        for (int i = 0; i < 12; i++) {
          service.record(
              answer(
                  people.get(random.nextInt(people.size())),
                  scopes.get(random.nextInt(scopes.size())),
                  random));
        }
        List<GradedAnswer> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          batch.add(
              answer(
                  people.get(random.nextInt(people.size())),
                  scopes.get(random.nextInt(scopes.size())),
                  random));
        }
        service.recordAll(batch);
        clock.advance(Duration.ofHours(23));
      }
      Map<String, String> expected = db.read(BoardPointsSummaryTest::aggregateOverAttempts);
      assertEquals(expected, db.read(BoardPointsSummaryTest::summary));
      Map<String, String> everywhere = db.read(BoardPointsSummaryTest::everywhereOverAttempts);
      assertEquals(everywhere, db.read(BoardPointsSummaryTest::everywhereSummary));
      assertSizesCounted(db, "after writes");
      assertTrue(
          db.read(
                  c ->
                      Sql.count(
                          c,
                          "SELECT COUNT(*) FROM attempts a JOIN scopes s ON s.id = a.scope_id"
                              + " WHERE s.kind = 'terminal'"))
              > 0,
          "terminal answers were recorded, and are not on the everywhere board");
      assertTrue(
          expected.keySet().stream().anyMatch(k -> k.contains("|w:2026-W53|")),
          expected.keySet().toString());
      assertTrue(
          expected.keySet().stream().anyMatch(k -> k.contains("|w:2027-W01|")),
          expected.keySet().toString());
      assertTrue(
          db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM attempts WHERE points = 0")) > 0,
          "some repeats earned nothing and still count as answers");

      // The board pages and ranks read from the ranked index agree with the totals.
      dev.interviewtutor.store.Person asker = people.get(0);
      Leaderboard all = service.leaderboard(scopes.get(0), Period.ALL, null, 0, 10, asker);
      List<Integer> points = all.entries().stream().map(Leaderboard.Entry::points).toList();
      assertEquals(points.stream().sorted((a, b) -> b - a).toList(), points, "best first");
      for (Leaderboard.Entry e : all.entries()) {
        assertEquals(
            1 + all.entries().stream().filter(o -> o.points() > e.points()).count(), e.rank());
        assertEquals(
            expected.get(key(scopes.get(0).id(), "all", "", e.personId())),
            e.points() + "/" + e.answers());
      }

      // The everywhere board: ranks and totals across the Discord scopes.
      Leaderboard across = service.leaderboardEverywhere(Period.ALL, 0, 10, asker);
      assertEquals(
          everywhere.keySet().stream().filter(k -> k.startsWith("all|")).count(), across.total());
      for (Leaderboard.Entry e : across.entries()) {
        assertEquals(
            1 + across.entries().stream().filter(o -> o.points() > e.points()).count(), e.rank());
        assertEquals(everywhere.get("all|" + e.personId()), e.points() + "/" + e.answers());
      }

      service.forget(people.get(1));
      Map<String, String> afterForget = db.read(BoardPointsSummaryTest::aggregateOverAttempts);
      assertEquals(afterForget, db.read(BoardPointsSummaryTest::summary), "after forget-me");
      assertEquals(
          db.read(BoardPointsSummaryTest::everywhereOverAttempts),
          db.read(BoardPointsSummaryTest::everywhereSummary),
          "everywhere, after forget-me");
      assertSizesCounted(db, "after forget-me");
      assertFalse(
          afterForget.keySet().stream().anyMatch(k -> k.endsWith("|" + people.get(1).id())));
      assertTrue(afterForget.size() < expected.size());
    }
  }

  @Test
  void db_copy_keeps_the_summary_equal_to_the_aggregate() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-30T10:00:00Z"));
    try (Database source = TestDatabases.open(Backend.SQLITE, dir);
        Database target = TestDatabases.open(Backend.POSTGRESQL, dir)) {
      PracticeService service =
          new PracticeService(BANK, TestBank::rubric, new NoGrader(), source, clock);
      Scope guild = service.scope(ScopeKind.GUILD, "g", "G");
      Random random = new Random(3);
      List<GradedAnswer> batch = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        dev.interviewtutor.store.Person p =
            service.person("local:c" + i, "C" + i, ZoneId.of("Europe/Berlin"));
        for (int j = 0; j < 10; j++) {
          batch.add(answer(p, guild, random));
        }
      }
      service.recordAll(batch);
      DatabaseCopy.copy(source, target, false);
      Map<String, String> expected = target.read(BoardPointsSummaryTest::aggregateOverAttempts);
      assertFalse(expected.isEmpty());
      assertEquals(expected, target.read(BoardPointsSummaryTest::summary));
      assertEquals(
          source.read(BoardPointsSummaryTest::summary),
          target.read(BoardPointsSummaryTest::summary));
      Map<String, String> everywhere = target.read(BoardPointsSummaryTest::everywhereOverAttempts);
      assertFalse(everywhere.isEmpty());
      assertEquals(everywhere, target.read(BoardPointsSummaryTest::everywhereSummary));
      assertSizesCounted(target, "after db copy");
    }
  }

  /**
   * An older database (V7, as the previous release left it) whose summary is missing rows and has a
   * stale one: the upgrade rebuilds it from the attempts, on both dialects, with the week keys Java
   * computes.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_upgrade_rebuilds_the_summary_from_the_attempts(Backend backend) throws Exception {
    DatabaseTarget target = TestDatabases.newTarget(backend, dir);
    String url = backend == Backend.SQLITE ? "jdbc:sqlite:" + target.file() : target.jdbcUrl();
    FluentConfiguration config =
        backend == Backend.SQLITE
            ? Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite", "classpath:db/migration/common")
                .javaMigrations(new RebuildPeopleWithAutoincrement())
            : Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .locations("classpath:db/migration/postgresql", "classpath:db/migration/common");
    config.target("7").load().migrate();
    try (Connection c = DriverManager.getConnection(url, target.user(), target.password());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO people (id, key, display_name, time_zone, created_at) VALUES (1, 'discord:1', 'Ada',"
              + " 'UTC', 0), (2, 'discord:2', 'Bob', 'UTC', 0)");
      s.execute(
          "INSERT INTO scopes (id, kind, key, name) VALUES (1, 'guild', '555', 'Study'),"
              + " (2, 'terminal', 'local', '')");
      String[] days = {
        "2020-12-31", "2021-01-01", "2021-01-03", "2021-01-04", "2024-12-30", "2026-06-15"
      };
      int id = 1;
      for (int p = 1; p <= 2; p++) {
        for (int i = 0; i < days.length; i++) {
          s.execute(
              "INSERT INTO attempts (id, person_id, scope_id, question_id, topic, kind, answer, score, verdict,"
                  + " key_points, grader, hints, answered_at, local_day, counted, points) VALUES ("
                  + id++
                  + ", "
                  + p
                  + ", "
                  + (i % 2 + 1)
                  + ", 'q"
                  + i
                  + "', '"
                  + (i == 3 ? "" : i % 2 == 0 ? "node" : "sql")
                  + "', 'practice', 'a', "
                  + (10 * i + p)
                  + ", 'CORRECT', '[]', 'offline', 0, 0, '"
                  + days[i]
                  + "', "
                  + (i == 2 ? 0 : 1)
                  + ", "
                  + (i == 2 ? 0 : 10 * i + p)
                  + ")");
        }
      }
      s.execute("INSERT INTO board_points VALUES (1, 'all', '', 1, 999, 99)");
      s.execute("INSERT INTO board_points VALUES (1, 'w:1999-W01', 'node', 2, 5, 1)");
    }
    try (Database db = Database.open(target)) {
      assertEquals(Migrations.LATEST_VERSION, Migrations.currentVersion(db));
      Map<String, String> expected = db.read(BoardPointsSummaryTest::aggregateOverAttempts);
      assertEquals(expected, db.read(BoardPointsSummaryTest::summary));
      // V11 fills the everywhere board from the rebuilt summary: the guild's answers, not the
      // terminal's.
      Map<String, String> everywhere = db.read(BoardPointsSummaryTest::everywhereOverAttempts);
      assertEquals(everywhere, db.read(BoardPointsSummaryTest::everywhereSummary));
      assertEquals("42/3", everywhere.get("all|1"), everywhere.toString());
      assertSizesCounted(db, "after the upgrade");
      assertTrue(expected.containsKey("1|w:2020-W53|node|1"), "2020-12-31 is in ISO week 2020-W53");
      assertTrue(
          expected.containsKey("2|w:2020-W53|sql|1"), "2021-01-01 too: " + expected.keySet());
      assertTrue(expected.containsKey("1|w:2025-W01|node|2"), "2024-12-30 is in ISO week 2025-W01");
      assertEquals(
          "42/3",
          expected.get("1|all||1"),
          "an answer without points counts as an answer: " + expected);
      assertEquals(
          "93/3", expected.get("2|all||1"), "the answer without a topic counts on all topics");
      // The upgraded database keeps the summary in step with new answers.
      db.writeVoid(
          c ->
              BoardRepository.addAll(c, List.of(new BoardRepository.Delta(1, "all", "", 1, 7, 1))));
      assertEquals("49/4", db.read(BoardPointsSummaryTest::summary).get("1|all||1"));
    }
  }

  /** scope|period|topic|person → points/answers, summed in Java over every attempt. */
  static Map<String, String> aggregateOverAttempts(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    aggregateRows(c)
        .forEach(
            r ->
                out.put(
                    key((Long) r[0], (String) r[1], (String) r[2], (Long) r[3]),
                    r[4] + "/" + r[5]));
    return out;
  }

  /**
   * The rows board_points should hold: {scope_id, period, topic, person_id, points, answers},
   * summed in Java.
   */
  static List<Object[]> aggregateRows(Connection c) throws SQLException {
    Map<List<Object>, int[]> sums = new java.util.LinkedHashMap<>();
    for (Object[] a :
        Sql.list(
            c,
            "SELECT scope_id, person_id, topic, local_day, points FROM attempts ORDER BY id",
            rs ->
                new Object[] {
                  rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)
                })) {
      LocalDate day = LocalDate.parse((String) a[3]);
      String topic = (String) a[2];
      for (Period period : Period.values()) {
        for (String t : topic.isEmpty() ? List.of("") : List.of("", topic)) {
          int[] sum =
              sums.computeIfAbsent(List.of(a[0], period.key(day), t, a[1]), k -> new int[2]);
          sum[0] += (Integer) a[4];
          sum[1]++;
        }
      }
    }
    List<Object[]> rows = new ArrayList<>();
    sums.forEach(
        (k, v) -> rows.add(new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), v[0], v[1]}));
    return rows;
  }

  /**
   * Fills board_points of an old-format database from its attempts, as the recording code kept it.
   */
  static void insertBoardFromAttempts(Connection c) throws SQLException {
    for (Object[] r : aggregateRows(c)) {
      Sql.update(
          c,
          "INSERT INTO board_points (scope_id, period, topic, person_id, points, answers)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          r);
    }
  }

  /**
   * period|person → points/answers over every attempt in a guild or DM scope, summed in Java: what
   * {@code everywhere_points} should hold.
   */
  static Map<String, String> everywhereOverAttempts(Connection c) throws SQLException {
    Map<String, int[]> sums = new TreeMap<>();
    for (Object[] a :
        Sql.list(
            c,
            "SELECT a.person_id, a.local_day, a.points FROM attempts a JOIN scopes s ON"
                + " s.id = a.scope_id WHERE s.kind IN ('guild', 'dm')",
            rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})) {
      for (Period period : Period.values()) {
        int[] sum =
            sums.computeIfAbsent(
                period.key(LocalDate.parse((String) a[1])) + "|" + a[0], k -> new int[2]);
        sum[0] += (Integer) a[2];
        sum[1]++;
      }
    }
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v[0] + "/" + v[1]));
    return out;
  }

  /** The same keys as read from {@code everywhere_points}. */
  static Map<String, String> everywhereSummary(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (String[] row :
        Sql.list(
            c,
            "SELECT period, person_id, points, answers FROM everywhere_points",
            rs ->
                new String[] {
                  rs.getString(1) + "|" + rs.getLong(2), rs.getInt(3) + "/" + rs.getInt(4)
                })) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  /**
   * The board sizes the triggers keep (V11) equal the number of people on each board, counted here;
   * a board nobody is on any more may keep a row of 0.
   */
  static void assertSizesCounted(Database db, String when) {
    for (String[] pair :
        new String[][] {
          {"board_points", "board_sizes", "scope_id || '|' || period || '|' || topic"},
          {"everywhere_points", "everywhere_sizes", "period"}
        }) {
      Map<String, Long> counted =
          db.read(
              c -> sizes(c, "SELECT " + pair[2] + ", COUNT(*) FROM " + pair[0] + " GROUP BY 1"));
      Map<String, Long> kept =
          db.read(c -> sizes(c, "SELECT " + pair[2] + ", people FROM " + pair[1]));
      kept.values().removeIf(n -> n == 0);
      assertFalse(counted.isEmpty(), pair[0] + " " + when);
      assertEquals(counted, kept, pair[1] + " " + when);
    }
  }

  private static Map<String, Long> sizes(Connection c, String sql) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    for (Object[] row : Sql.list(c, sql, rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
      out.put((String) row[0], (Long) row[1]);
    }
    return out;
  }

  /** The same keys as read from {@code board_points}. */
  static Map<String, String> summary(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (String[] row :
        Sql.list(
            c,
            "SELECT scope_id, period, topic, person_id, points, answers FROM board_points",
            rs ->
                new String[] {
                  key(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                  rs.getInt(5) + "/" + rs.getInt(6)
                })) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  private static String key(long scope, String period, String topic, long person) {
    return scope + "|" + period + "|" + topic + "|" + person;
  }

  private static GradedAnswer answer(
      dev.interviewtutor.store.Person p, Scope scope, Random random) {
    Question q = BANK.questions().get(random.nextInt(BANK.questions().size()));
    int score = random.nextInt(101);
    Grade grade =
        new Grade(
            q.id(),
            score,
            score >= 70 ? Verdict.CORRECT : Verdict.PARTIALLY_CORRECT,
            List.of(
                new KeyPointResult(
                    "kp1", "point", score > 50 ? Coverage.COVERED : Coverage.MISSED, "")),
            List.of(),
            "",
            "",
            "test",
            List.of());
    return new GradedAnswer(
        p, scope, q, "answer", grade, AttemptKind.PRACTICE, random.nextInt(8) == 0 ? 1 : 0);
  }

  /** TestBank's questions plus one without a topic (it counts on the all-topics board only). */
  private static QuestionBank bankWithAnUntopicedQuestion() {
    List<Question> questions = new ArrayList<>(TestBank.bank(3, 2).questions());
    questions.add(
        new Question(
            "99",
            "A question without a topic?",
            "",
            "",
            List.of(
                new Section(
                    "Key points",
                    Section.Kind.HEADING,
                    "",
                    List.of("q99a", "q99b", "q99c"),
                    List.of())),
            List.of(),
            List.of(),
            "",
            new SourceLocation(Path.of("test-bank.md"), 99)));
    return new QuestionBank(questions);
  }

  /** Answers arrive pre-graded; nothing is graded here. */
  private static final class NoGrader implements Grader {
    @Override
    public Grade grade(Rubric rubric, String answer) {
      throw new IllegalStateException("answers are pre-graded in this test");
    }

    @Override
    public String name() {
      return "test";
    }
  }
}
