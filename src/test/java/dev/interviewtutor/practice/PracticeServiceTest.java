package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PracticeServiceTest {
  @TempDir Path dir;
  final QuestionBank bank = TestBank.bank(6, 4);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
  Database db;
  PracticeService service;
  Person ana;
  Scope terminal;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
    service = newService();
    ana = service.person("local:ana", "Ana", ZoneId.of("Europe/Berlin"));
    terminal = service.scope(ScopeKind.TERMINAL, "local", "terminal");
  }

  @AfterEach
  void close() {
    db.close();
  }

  PracticeService newService() {
    return new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, clock);
  }

  @Test
  void an_interview_grades_each_answer_caps_hinted_scores_skips_and_summarises() {
    InterviewState s = service.startInterview(ana, terminal, "node", 3);
    assertEquals(3, s.total());
    Question first = s.current().orElseThrow();
    assertEquals("1", first.id(), "unseen questions in bank order");

    InterviewTurn t1 =
        service.answerInterview(s.sessionId(), TestBank.answerCovering("1", 1, 2, 3));
    assertEquals(100, t1.answer().orElseThrow().score());
    assertEquals(100, t1.answer().orElseThrow().points());

    InterviewState hinted = service.hintInterview(s.sessionId());
    assertEquals(1, hinted.hints().size());
    assertTrue(
        hinted.hints().get(0).text().startsWith("q2a"), "the most important key point first");
    InterviewTurn t2 =
        service.answerInterview(s.sessionId(), TestBank.answerCovering("2", 1, 2, 3));
    AnswerResult capped = t2.answer().orElseThrow();
    assertEquals(PracticeService.HINT_SCORE_CAP, capped.score());
    assertTrue(capped.hintCapped());
    assertEquals(100, capped.grade().score(), "the grade itself is unchanged");

    InterviewTurn t3 = service.skipInterview(s.sessionId());
    assertTrue(t3.next().finished());
    InterviewSummary summary = t3.summary().orElseThrow();
    assertEquals(
        List.of(100, 70, 0), summary.items().stream().map(InterviewSummary.Item::score).toList());
    assertEquals(
        List.of(false, false, true),
        summary.items().stream().map(InterviewSummary.Item::skipped).toList());
    assertEquals(57, summary.averageScore());
    assertEquals(List.of("3", "2"), summary.reviewNext().stream().map(Question::id).toList());
    assertTrue(summary.strongest().get(0).startsWith("q"), summary.strongest().toString());
    assertThrows(UserFacingException.class, () -> service.answerInterview(s.sessionId(), "late"));
  }

  @Test
  void an_interview_resumes_after_a_restart_on_the_same_file() {
    InterviewState s = service.startInterview(ana, terminal, null, 4);
    service.answerInterview(
        s.sessionId(), TestBank.answerCovering(s.current().orElseThrow().id(), 1));
    service.hintInterview(s.sessionId());
    db.close();

    db = Database.open(dir.resolve("tutor.db"));
    PracticeService restarted = newService();
    InterviewState resumed = restarted.activeInterview(ana, terminal).orElseThrow();
    assertEquals(s.sessionId(), resumed.sessionId());
    assertEquals(1, resumed.position());
    assertEquals(1, resumed.hints().size(), "revealed hints survive too");
    InterviewTurn next = restarted.answerInterview(resumed.sessionId(), "nothing");
    assertEquals(0, next.answer().orElseThrow().score());
    assertEquals(2, next.next().position());
  }

  @Test
  void starting_a_new_interview_abandons_the_old_one() {
    InterviewState first = service.startInterview(ana, terminal, null, 2);
    InterviewState second = service.startInterview(ana, terminal, "sql", 2);
    assertEquals(
        second.sessionId(), service.activeInterview(ana, terminal).orElseThrow().sessionId());
    assertTrue(service.interview(first.sessionId()).finished());
    assertEquals("sql", second.current().orElseThrow().topic());
  }

  @Test
  void practice_answers_to_one_question_earn_points_once_per_local_day() {
    Question q = service.question("1");
    AnswerResult a =
        service.answer(ana, terminal, q, TestBank.answerCovering("1", 2), AttemptKind.PRACTICE, 0);
    AnswerResult b =
        service.answer(
            ana, terminal, q, TestBank.answerCovering("1", 1, 2, 3), AttemptKind.PRACTICE, 0);
    AnswerResult c =
        service.answer(ana, terminal, q, TestBank.answerCovering("1", 1), AttemptKind.REVIEW, 0);
    assertEquals(a.score(), a.points());
    assertEquals(0, b.points());
    assertEquals(0, c.points());
    // 23:30 Berlin on the same day is still the same local day (22:30 UTC).
    clock.set(Instant.parse("2026-03-10T22:30:00Z"));
    assertEquals(0, service.answer(ana, terminal, q, "x", AttemptKind.PRACTICE, 0).points());
    // 00:30 Berlin is the next local day although UTC is still 10 March.
    clock.set(Instant.parse("2026-03-10T23:30:00Z"));
    AnswerResult nextDay =
        service.answer(ana, terminal, q, TestBank.answerCovering("1", 1), AttemptKind.PRACTICE, 0);
    assertEquals(nextDay.score(), nextDay.points());
    assertTrue(nextDay.points() > 0);
    assertEquals(a.points() + nextDay.points(), service.stats(ana).points());
  }

  @Test
  void the_next_question_is_a_due_review_then_unseen_then_the_weakest() {
    QuestionBank small = TestBank.bank(3, 0);
    PracticeService s =
        new PracticeService(small, TestBank::rubric, new KeywordTestGrader(), db, clock);
    assertEquals("1", s.nextQuestion(ana, null).id());
    s.answer(
        ana, terminal, s.question("1"), "nothing", AttemptKind.PRACTICE, 0); // poor: due tomorrow
    s.answer(
        ana,
        terminal,
        s.question("2"),
        TestBank.answerCovering("2", 1, 2, 3),
        AttemptKind.PRACTICE,
        0);
    assertEquals("3", s.nextQuestion(ana, null).id(), "unseen before anything not yet due");
    s.answer(
        ana, terminal, s.question("3"), TestBank.answerCovering("3", 1), AttemptKind.PRACTICE, 0);
    assertEquals("1", s.nextQuestion(ana, null).id(), "nothing due or unseen: weakest (score 0)");
    clock.advance(Duration.ofDays(1));
    assertEquals(
        List.of("1", "3", "2"),
        s.dueReviews(ana).stream().map(Question::id).toList(),
        "SM-2's first interval is one day for every answer; the weakest first");
    assertEquals("1", s.nextQuestion(ana, null).id());
  }

  @Test
  void sm2_brings_poor_answers_back_tomorrow_and_spaces_good_ones_out() {
    Question q = service.question("1");
    String good = TestBank.answerCovering("1", 1, 2, 3);
    LocalDate today = LocalDate.of(2026, 3, 10);
    assertEquals(
        today.plusDays(1),
        service.answer(ana, terminal, q, good, AttemptKind.PRACTICE, 0).nextReview());
    clock.advance(Duration.ofDays(1));
    assertEquals(
        today.plusDays(1 + 6),
        service.answer(ana, terminal, q, good, AttemptKind.REVIEW, 0).nextReview());
    clock.advance(Duration.ofDays(6));
    LocalDate third = service.answer(ana, terminal, q, good, AttemptKind.REVIEW, 0).nextReview();
    assertTrue(
        third.isAfter(today.plusDays(7 + 14)), "the interval grows by the ease factor: " + third);
    clock.advance(Duration.ofDays(20));
    assertEquals(
        LocalDate.of(2026, 3, 10).plusDays(27).plusDays(1),
        service.answer(ana, terminal, q, "no idea", AttemptKind.REVIEW, 0).nextReview(),
        "a poor answer restarts the schedule");
  }

  @Test
  void forget_me_removes_every_row_of_the_person_and_nobody_elses() {
    Person bo = service.person("local:bo", "Bo");
    Scope guild = service.scope(ScopeKind.GUILD, "42", "Guild");
    service.daily().configure(guild, "c1", java.time.LocalTime.of(9, 0), ZoneId.of("UTC"), ana);
    DailyPost post = service.daily().postNow(guild);
    service.daily().delivered(post.id(), "m1");
    service.daily().answer(post.id(), ana, "x", true);
    service.daily().answer(post.id(), bo, "y", false);
    InterviewState s = service.startInterview(ana, terminal, null, 2);
    service.answerInterview(s.sessionId(), "a");
    service.answer(bo, terminal, service.question("1"), "b", AttemptKind.PRACTICE, 0);

    int deleted = service.forget(ana);
    assertTrue(deleted >= 8, "rows deleted: " + deleted);
    for (String table :
        List.of(
            "attempts",
            "board_points",
            "streaks",
            "reviews",
            "interview_sessions",
            "daily_answers")) {
      assertEquals(
          0L,
          (long)
              db.read(
                  c ->
                      Sql.count(
                          c, "SELECT COUNT(*) FROM " + table + " WHERE person_id = ?", ana.id())),
          table);
      assertTrue(
          db.read(
                      c ->
                          Sql.count(
                              c, "SELECT COUNT(*) FROM " + table + " WHERE person_id = ?", bo.id()))
                  > 0
              || table.equals("interview_sessions"),
          table + " of the other person kept");
    }
    assertTrue(service.findPerson("local:ana").isEmpty());
    assertFalse(service.daily().settings(guild).orElseThrow().setUpBy().isPresent());
    assertEquals(0L, (long) db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM interview_items")));
    assertEquals("ok", db.integrityCheck());
  }
}
