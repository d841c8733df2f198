package dev.interviewtutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Verdict;
import dev.interviewtutor.grading.llm.GradeCache;
import dev.interviewtutor.store.DailyRows.Post;
import dev.interviewtutor.store.DailyRows.Settings;
import dev.interviewtutor.store.InterviewRows.Item;
import dev.interviewtutor.store.InterviewRows.ItemStatus;
import dev.interviewtutor.store.InterviewRows.Session;
import dev.interviewtutor.store.InterviewRows.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every repository, the same calls and the same answers, on SQLite and on PostgreSQL. */
class RepositoriesTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  @TempDir Path dir;

  private static AttemptRow attempt(
      long person,
      long scope,
      String question,
      int score,
      String day,
      boolean counted,
      int points) {
    return new AttemptRow(
        0,
        person,
        scope,
        question,
        "nodejs",
        AttemptKind.PRACTICE,
        "answer to " + question + " with 'quotes' and ✓",
        score,
        Verdict.PARTIALLY_CORRECT,
        "[{\"id\":\"k1\"}]",
        "offline",
        1,
        1_700_000_000_000L + score,
        day,
        counted,
        points);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void people_and_scopes_are_found_updated_and_never_reuse_ids(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      Person ada =
          db.write(
              c -> PeopleRepository.upsert(c, "discord:1", "Ada", ZoneId.of("Europe/Paris"), 10));
      Person renamed = db.write(c -> PeopleRepository.upsert(c, "discord:1", "Ada L.", UTC, 11));
      assertEquals(ada.id(), renamed.id());
      assertEquals("Ada L.", renamed.displayName());
      assertEquals(
          ZoneId.of("Europe/Paris"), renamed.zone(), "the zone is set only for a new person");
      db.writeVoid(c -> PeopleRepository.setZone(c, ada.id(), ZoneId.of("Asia/Tokyo")));
      assertEquals(
          ZoneId.of("Asia/Tokyo"),
          db.read(c -> PeopleRepository.byId(c, ada.id())).orElseThrow().zone());
      Person bob = db.write(c -> PeopleRepository.upsert(c, "local:bob", "Bob", UTC, 12));
      assertEquals(
          Set.of(ada.id(), bob.id()),
          db.read(c -> PeopleRepository.byIds(c, List.of(ada.id(), bob.id(), 999L))).keySet());

      Scope guild = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "555", "Study"));
      Scope same = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "555", ""));
      assertEquals(guild, same, "an empty name keeps the known one");
      assertEquals(
          "Study", db.read(c -> PeopleRepository.scopeById(c, guild.id())).orElseThrow().name());

      db.writeVoid(c -> PeopleRepository.noteFollowUpAnswer(c, bob.id(), "h1"));
      db.writeVoid(c -> PeopleRepository.noteFollowUpAnswer(c, bob.id(), "h1"));
      db.writeVoid(
          c ->
              AttemptRepository.insert(
                  c, attempt(bob.id(), guild.id(), "71", 50, "2026-01-01", true, 50)));
      assertEquals(
          Set.of("h1", GradeCache.answerHash("answer to 71 with 'quotes' and ✓")),
          db.read(c -> PeopleRepository.answerHashes(c, bob.id())));

      Map<String, Integer> deleted = db.write(c -> PeopleRepository.deleteEverything(c, bob.id()));
      assertEquals(1, deleted.get("people"));
      assertEquals(1, deleted.get("attempts"));
      assertEquals(1, deleted.get("follow_up_answers"));
      Person carol = db.write(c -> PeopleRepository.upsert(c, "local:carol", "Carol", UTC, 13));
      assertTrue(carol.id() > bob.id(), "a forgotten person's id is never given again");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void attempts_are_stored_one_by_one_and_in_batches(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long p = db.write(c -> PeopleRepository.upsert(c, "local:a", "A", UTC, 0)).id();
      long s = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.TERMINAL, "local", "")).id();
      long first =
          db.write(
              c -> AttemptRepository.insert(c, attempt(p, s, "71", 40, "2026-01-01", true, 40)));
      List<AttemptRow> batch = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        batch.add(attempt(p, s, "7" + (i % 5), i % 101, "2026-01-0" + (1 + i % 3), false, 0));
      }
      long[] ids = db.write(c -> AttemptRepository.insertAll(c, batch));
      assertEquals(100, ids.length);
      for (int i = 1; i < ids.length; i++) {
        assertTrue(ids[i] > ids[i - 1] && ids[0] > first, "ids grow in order");
      }
      long after =
          db.write(
              c -> AttemptRepository.insert(c, attempt(p, s, "79", 1, "2026-01-09", false, 0)));
      assertTrue(after > ids[99], "a later single insert continues after the batch");

      AttemptRow back = db.read(c -> AttemptRepository.byId(c, ids[7])).orElseThrow();
      AttemptRow sent = batch.get(7);
      assertEquals(
          new AttemptRow(
              ids[7],
              p,
              s,
              sent.questionId(),
              sent.topic(),
              sent.kind(),
              sent.answer(),
              sent.score(),
              sent.verdict(),
              sent.keyPointsJson(),
              sent.grader(),
              sent.hints(),
              sent.answeredAt(),
              sent.localDay(),
              sent.counted(),
              sent.points()),
          back);
      assertEquals(102L, (long) db.read(AttemptRepository::count));
      assertEquals(102, db.read(c -> AttemptRepository.summariesFor(c, p)).size());
      assertEquals(
          "",
          db.read(c -> AttemptRepository.summariesFor(c, p)).get(0).answer(),
          "summaries omit text");

      assertTrue((boolean) db.read(c -> AttemptRepository.countedOn(c, p, "71", "2026-01-01")));
      assertFalse((boolean) db.read(c -> AttemptRepository.countedOn(c, p, "72", "2026-01-01")));
      var k1 = new AttemptRepository.DayKey(p, "71", "2026-01-01");
      var k2 = new AttemptRepository.DayKey(p, "72", "2026-01-01");
      assertEquals(Set.of(k1), db.read(c -> AttemptRepository.countedOn(c, List.of(k1, k2))));
      Map<String, Double> averages = db.read(c -> AttemptRepository.averageByQuestion(c, s));
      assertEquals(6, averages.size());
      assertEquals(1.0, averages.get("79"), 1e-9);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void verdicts_are_stored_as_enum_names_and_an_unknown_one_is_reported_not_guessed(
      Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long p = db.write(c -> PeopleRepository.upsert(c, "local:a", "A", UTC, 0)).id();
      long s = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.TERMINAL, "local", "")).id();
      for (Verdict v : Verdict.values()) {
        AttemptRow row = attempt(p, s, "71", 50, "2026-01-01", false, 0);
        long id =
            db.write(
                c ->
                    AttemptRepository.insert(
                        c,
                        new AttemptRow(
                            0,
                            p,
                            s,
                            "71",
                            "t",
                            AttemptKind.REVIEW,
                            "a",
                            50,
                            v,
                            "[]",
                            "offline",
                            0,
                            1,
                            "2026-01-01",
                            false,
                            0)));
        assertEquals(
            v.name(),
            db.read(
                    c ->
                        Sql.one(
                            c,
                            "SELECT verdict FROM attempts WHERE id = ?",
                            rs -> rs.getString(1),
                            id))
                .orElseThrow());
        assertEquals(v, db.read(c -> AttemptRepository.byId(c, id)).orElseThrow().verdict());
        assertEquals(row.verdict(), Verdict.PARTIALLY_CORRECT);
      }
      long odd =
          db.write(
              c -> AttemptRepository.insert(c, attempt(p, s, "72", 50, "2026-01-01", false, 0)));
      db.writeVoid(c -> Sql.update(c, "UPDATE attempts SET verdict = 'so-so' WHERE id = ?", odd));
      StoreException e =
          assertThrows(StoreException.class, () -> db.read(c -> AttemptRepository.byId(c, odd)));
      assertTrue(
          e.getMessage().contains("'so-so'") && e.getMessage().contains("attempts.verdict"),
          e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void boards_sum_points_and_rank_people(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long s = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "1", "g")).id();
      List<Long> people = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        people.add(db.write(c -> PeopleRepository.upsert(c, "discord:" + n, "P" + n, UTC, 0)).id());
      }
      db.writeVoid(
          c ->
              BoardRepository.add(c, s, people.get(0), List.of("all", "w:2026-W01"), "nodejs", 30));
      db.writeVoid(c -> BoardRepository.add(c, s, people.get(0), List.of("all"), "", 5));
      db.writeVoid(
          c ->
              BoardRepository.addAll(
                  c,
                  List.of(
                      new BoardRepository.Delta(s, "all", "", people.get(1), 50, 2),
                      new BoardRepository.Delta(s, "all", "", people.get(2), 35, 1),
                      new BoardRepository.Delta(s, "all", "", people.get(0), 10, 1))));
      List<BoardRow> page = db.read(c -> BoardRepository.page(c, s, "all", "", 0, 10));
      assertEquals(
          List.of(people.get(1), people.get(0), people.get(2)),
          page.stream().map(BoardRow::personId).toList());
      assertEquals(45, page.get(1).points());
      assertEquals(3, page.get(1).answers());
      assertEquals(1, (int) db.read(c -> BoardRepository.countAbove(c, s, "all", "", 45)));
      assertEquals(3, (int) db.read(c -> BoardRepository.size(c, s, "all", "")));
      assertEquals(
          30,
          db.read(c -> BoardRepository.of(c, s, "w:2026-W01", "nodejs", people.get(0)))
              .orElseThrow()
              .points());
      assertEquals(
          List.of(people.get(0)),
          db.read(c -> BoardRepository.page(c, s, "all", "", 1, 1)).stream()
              .map(BoardRow::personId)
              .toList(),
          "offset and limit");

      // One statement: a page with competition ranks (ties share a rank), the asker's line and the
      // board size.
      db.writeVoid(
          c ->
              BoardRepository.addAll(
                  c,
                  List.of(
                      new BoardRepository.Delta(s, "all", "", people.get(3), 45, 1),
                      new BoardRepository.Delta(s, "all", "", people.get(4), 5, 1))));
      BoardRepository.View view =
          db.read(c -> BoardRepository.view(c, s, "all", "", 1, 3, people.get(4)));
      assertEquals(
          List.of(people.get(0), people.get(3), people.get(2)),
          view.page().stream().map(r -> r.row().personId()).toList(),
          "points 45, 45, 35 after the leader; ties by person id");
      assertEquals(
          List.of(2, 2, 4), view.page().stream().map(BoardRepository.Ranked::rank).toList());
      assertEquals(5, view.own().orElseThrow().rank());
      assertEquals(5, view.own().orElseThrow().row().points());
      assertEquals(5, view.size());
      BoardRepository.View none =
          db.read(c -> BoardRepository.view(c, s, "m:2026-02", "", 0, 10, people.get(4)));
      assertEquals(List.of(), none.page());
      assertTrue(none.own().isEmpty(), "the asker has no line on a board they never scored on");
      assertEquals(0, none.size());
      BoardRepository.View topic =
          db.read(c -> BoardRepository.view(c, s, "w:2026-W01", "nodejs", 0, 10, 0));
      assertEquals(1, topic.size());
      assertEquals(1, topic.page().get(0).rank());
      assertTrue(topic.own().isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void streaks_reviews_and_hints_round_trip(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long a = db.write(c -> PeopleRepository.upsert(c, "local:a", "A", UTC, 0)).id();
      long b = db.write(c -> PeopleRepository.upsert(c, "local:b", "B", UTC, 0)).id();
      db.writeVoid(c -> ProgressRepository.putStreak(c, new StreakRow(a, 1, 1, "2026-01-01")));
      db.writeVoid(c -> ProgressRepository.putStreak(c, new StreakRow(a, 2, 2, "2026-01-02")));
      db.writeVoid(
          c -> ProgressRepository.putStreaks(c, List.of(new StreakRow(b, 5, 7, "2026-01-03"))));
      assertEquals(
          new StreakRow(a, 2, 2, "2026-01-02"),
          db.read(c -> ProgressRepository.streak(c, a)).orElseThrow());
      assertEquals(2, db.read(c -> ProgressRepository.streaks(c, List.of(a, b, 999L))).size());

      ReviewState r1 = new ReviewState(a, "71", 2, 6, 2.36, "2026-01-05", 80, 1000);
      ReviewState r2 = new ReviewState(a, "72", 1, 1, 2.5, "2026-01-02", 40, 1001);
      db.writeVoid(c -> ProgressRepository.putReview(c, r1));
      db.writeVoid(
          c ->
              ProgressRepository.putReviews(
                  c, List.of(r2, new ReviewState(b, "71", 1, 1, 2.5, "2026-01-01", 90, 1002))));
      assertEquals(r1, db.read(c -> ProgressRepository.review(c, a, "71")).orElseThrow());
      assertEquals(List.of(r2), db.read(c -> ProgressRepository.due(c, a, "2026-01-03")));
      assertEquals(List.of(r2, r1), db.read(c -> ProgressRepository.reviews(c, a)));
      var keys =
          List.of(
              new ProgressRepository.ReviewKey(a, "71"),
              new ProgressRepository.ReviewKey(b, "71"),
              new ProgressRepository.ReviewKey(b, "99"));
      assertEquals(2, db.read(c -> ProgressRepository.reviews(c, keys)).size());

      db.writeVoid(c -> HintRepository.setShown(c, a, "71", 1));
      db.writeVoid(c -> HintRepository.setShown(c, a, "71", 2));
      assertEquals(2, (int) db.read(c -> HintRepository.shown(c, a, "71")));
      db.writeVoid(c -> HintRepository.clear(c, a, "71"));
      assertEquals(0, (int) db.read(c -> HintRepository.shown(c, a, "71")));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void interviews_keep_their_items_and_position(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long p = db.write(c -> PeopleRepository.upsert(c, "local:a", "A", UTC, 0)).id();
      long s = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.DM, "1", "")).id();
      long old = db.write(c -> InterviewRepository.create(c, p, s, "", List.of("71"), 1));
      assertEquals(1, (int) db.write(c -> InterviewRepository.abandonActive(c, p, s, 2)));
      long id =
          db.write(
              c -> InterviewRepository.create(c, p, s, "nodejs", List.of("71", "72", "73"), 3));
      assertTrue(id > old);
      long attemptId =
          db.write(
              c -> AttemptRepository.insert(c, attempt(p, s, "71", 70, "2026-01-01", true, 70)));
      db.writeVoid(
          c ->
              InterviewRepository.updateItem(
                  c, id, new Item(0, "71", ItemStatus.ANSWERED, 1, attemptId, 70)));
      db.writeVoid(c -> InterviewRepository.move(c, id, 1, Status.ACTIVE, 4));
      Session session = db.read(c -> InterviewRepository.active(c, p, s)).orElseThrow();
      assertEquals(id, session.id());
      assertEquals(1, session.position());
      assertEquals(
          new Item(0, "71", ItemStatus.ANSWERED, 1, attemptId, 70), session.items().get(0));
      assertEquals(new Item(2, "73", ItemStatus.PENDING, 0, null, null), session.items().get(2));
      assertEquals(
          Status.ABANDONED,
          db.read(c -> InterviewRepository.session(c, old)).orElseThrow().status());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void daily_settings_posts_and_sealed_answers(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      long p = db.write(c -> PeopleRepository.upsert(c, "discord:1", "A", UTC, 0)).id();
      long s = db.write(c -> PeopleRepository.upsertScope(c, ScopeKind.GUILD, "9", "g")).id();
      Settings settings =
          new Settings(
              s, "777", LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"), true, false, "", p, 5);
      db.writeVoid(c -> DailyRepository.putSettings(c, settings));
      assertEquals(settings, db.read(c -> DailyRepository.settings(c, s)).orElseThrow());
      assertEquals(List.of(settings), db.read(DailyRepository::running));

      Post claimed = db.write(c -> DailyRepository.claim(c, s, "71", "2026-01-01", 100));
      Post again = db.write(c -> DailyRepository.claim(c, s, "72", "2026-01-01", 101));
      assertEquals(claimed, again, "a scheduled day is claimed once");
      Post manual = db.write(c -> DailyRepository.claim(c, s, "73", null, 102));
      db.writeVoid(c -> DailyRepository.markPosted(c, claimed.id(), "m1", 110));
      db.writeVoid(c -> DailyRepository.markRevealed(c, claimed.id(), 120));
      Post posted = db.read(c -> DailyRepository.scheduledPost(c, s, "2026-01-01")).orElseThrow();
      assertEquals(110L, posted.postedAt());
      assertEquals("m1", posted.messageId());
      assertEquals(120L, posted.revealedAt());
      assertEquals(
          List.of(manual.id(), claimed.id()),
          db.read(c -> DailyRepository.posts(c, s)).stream().map(Post::id).toList());
      assertEquals(Map.of("71", 1, "73", 1), db.read(c -> DailyRepository.postCounts(c, s)));

      long attemptId =
          db.write(
              c -> AttemptRepository.insert(c, attempt(p, s, "71", 90, "2026-01-01", true, 90)));
      db.writeVoid(c -> DailyRepository.insertAnswer(c, claimed.id(), p, attemptId, false));
      assertTrue((boolean) db.write(c -> DailyRepository.setShare(c, claimed.id(), p, true)));
      assertFalse((boolean) db.write(c -> DailyRepository.setShare(c, claimed.id(), 999, true)));
      var answer = db.read(c -> DailyRepository.answer(c, claimed.id(), p)).orElseThrow();
      assertTrue(answer.share());
      assertEquals(attemptId, answer.attempt().id());
      assertEquals(1, db.read(c -> DailyRepository.answers(c, claimed.id())).size());
      db.writeVoid(c -> DailyRepository.deletePost(c, manual.id()));
      assertTrue(db.read(c -> DailyRepository.post(c, manual.id())).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void llm_grades_are_cached_replaced_and_forgotten(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      var cache = new SqliteGradeCache(db, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
      String hash = GradeCache.answerHash("my answer");
      String key = "71\u00003\u0000" + hash; // as the LLM grader builds it: NUL-separated
      Grade grade =
          new Grade(
              "71",
              60,
              Verdict.PARTIALLY_CORRECT,
              List.of(),
              List.of(),
              "ok",
              "a tip",
              "llm:test",
              List.of());
      cache.put(key, grade);
      cache.put(key, grade);
      assertEquals(grade, cache.get(key).orElseThrow());
      cache.forget(Set.of(hash));
      assertTrue(cache.get(key).isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_failed_write_is_rolled_back_completely_and_the_next_one_works(Backend backend) {
    try (Database db = TestDatabases.open(backend, dir)) {
      assertThrows(
          RuntimeException.class,
          () ->
              db.writeVoid(
                  c -> {
                    PeopleRepository.upsert(c, "local:a", "A", UTC, 1);
                    Sql.update(c, "INSERT INTO no_such_table VALUES (1)");
                  }));
      assertEquals(0L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM people")));
      db.writeVoid(c -> PeopleRepository.upsert(c, "local:a", "A", UTC, 1));
      assertEquals(1L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM people")));
      StoreException dangling =
          assertThrows(
              StoreException.class,
              () ->
                  db.writeVoid(
                      c -> Sql.update(c, "INSERT INTO streaks VALUES (999, 1, 1, '2026-01-01')")));
      assertTrue(
          dangling.getMessage().toLowerCase(java.util.Locale.ROOT).contains("foreign key"),
          dangling.getMessage());
      assertEquals("ok", db.integrityCheck());
    }
  }

  @org.junit.jupiter.api.Test
  void both_dialects_reach_the_same_schema_version() {
    try (Database sqlite = TestDatabases.open(Backend.SQLITE, dir);
        Database postgres = TestDatabases.open(Backend.POSTGRESQL, dir)) {
      assertEquals(Migrations.latestVersion(sqlite), Migrations.currentVersion(sqlite));
      assertEquals(Migrations.latestVersion(postgres), Migrations.currentVersion(postgres));
      assertEquals(Migrations.currentVersion(sqlite), Migrations.currentVersion(postgres));
    }
  }
}
