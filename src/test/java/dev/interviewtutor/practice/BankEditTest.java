package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank edited after state was stored (a question deleted or renumbered) never wedges that state:
 * interviews, summaries and daily posts that refer to the missing question show it as "removed from
 * the bank" and skip it. Each step runs the engine as a restarted program would: a new service over
 * the edited bank, same database.
 */
class BankEditTest {
  @TempDir Path dir;
  final QuestionBank full = TestBank.bank(3, 2);
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  PracticeService service(QuestionBank bank) {
    return new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, clock);
  }

  /**
   * The full bank without these ids (a deletion; a renumbering removes the old id the same way).
   */
  QuestionBank without(String... ids) {
    Set<String> gone = Set.of(ids);
    return new QuestionBank(full.questions().stream().filter(q -> !gone.contains(q.id())).toList());
  }

  @Test
  void an_interview_skips_a_question_removed_from_the_bank_and_its_summary_says_so() {
    PracticeService before = service(full);
    Person me = before.person("local:me", "me");
    Scope terminal = before.scope(ScopeKind.TERMINAL, "local", "terminal");
    InterviewState started = before.startInterview(me, terminal, "node", 3);
    before.answerInterview(started.sessionId(), TestBank.answerCovering("1", 1));

    PracticeService after = service(without("2"));
    InterviewState resumed = after.activeInterview(me, terminal).orElseThrow();
    assertEquals(
        "3", resumed.current().orElseThrow().id(), "question 2 is gone: skipped, 3 is next");
    assertEquals(2, resumed.position());
    InterviewSummary mid = after.summary(started.sessionId());
    InterviewSummary.Item removed = mid.items().get(1);
    assertTrue(removed.title().contains("removed from the bank"), removed.title());
    assertTrue(removed.skipped());
    assertTrue(
        mid.reviewNext().stream().noneMatch(q -> q.id().equals("2")),
        "nothing to review in a gone question");

    InterviewSummary stopped = after.stopInterview(started.sessionId());
    assertEquals(3, stopped.items().size());
    InterviewState again = after.startInterview(me, terminal, "node", 3);
    assertFalse(again.finished(), "a new interview starts: nobody is locked out");
  }

  @Test
  void an_interview_whose_remaining_questions_were_all_removed_ends_instead_of_failing() {
    PracticeService before = service(full);
    Person me = before.person("local:me", "me");
    Scope terminal = before.scope(ScopeKind.TERMINAL, "local", "terminal");
    InterviewState started = before.startInterview(me, terminal, "node", 3);

    PracticeService after = service(without("1", "2", "3"));
    assertTrue(after.activeInterview(me, terminal).isEmpty());
    assertTrue(after.interview(started.sessionId()).finished());
    InterviewSummary summary = after.summary(started.sessionId());
    assertTrue(
        summary.items().stream().allMatch(i -> i.title().contains("removed from the bank")),
        summary.toString());
    assertFalse(after.startInterview(me, terminal, null, 2).finished());
  }

  @Test
  void a_daily_post_of_a_removed_question_is_chosen_again_or_shown_as_removed_and_closed() {
    PracticeService before = service(full);
    Scope guild = before.scope(ScopeKind.GUILD, "7", "Guild");
    Person admin = before.person("discord:1", "Admin");
    Person member = before.person("discord:2", "Member");
    before.daily().configure(guild, "chan", LocalTime.of(9, 0), ZoneOffset.UTC, admin);
    clock.set(Instant.parse("2026-05-05T09:00:00Z"));
    DuePost due = before.daily().duePosts().get(0);
    DailyPost claimed = before.daily().claim(due);
    String chosen = claimed.question().id();

    // Claimed but not sent when the bank lost its question: the next try picks another one instead
    // of failing.
    PracticeService after = service(without(chosen));
    DuePost dueAgain = after.daily().duePosts().get(0);
    DailyPost reclaimed = after.daily().claim(dueAgain);
    assertNotEquals(chosen, reclaimed.question().id());
    assertFalse(PracticeService.removed(reclaimed.question()));
    after.daily().delivered(reclaimed.id(), "msg-1");
    after
        .daily()
        .answer(
            reclaimed.id(), member, TestBank.answerCovering(reclaimed.question().id(), 1), true);

    // Delivered, answered, then removed: the post reads as removed, answers are closed, the reveal
    // still works.
    PracticeService later = service(without(chosen, reclaimed.question().id()));
    DailyPost shown = later.daily().post(reclaimed.id());
    assertTrue(
        shown.question().title().contains("removed from the bank"), shown.question().title());
    assertEquals(
        List.of(reclaimed.id()),
        later.daily().unrevealed(guild).stream().map(DailyPost::id).toList());
    Person other = later.person("discord:3", "Other");
    assertEquals(
        DailyAnswerResult.Status.CLOSED,
        later.daily().answer(reclaimed.id(), other, "an answer", false).status());
    assertEquals(
        DailyAnswerResult.Status.ALREADY_ANSWERED,
        later.daily().myAnswer(reclaimed.id(), member).orElseThrow().status());
    RevealSummary reveal = later.daily().reveal(reclaimed.id());
    assertEquals(1, reveal.answered());
  }

  @Test
  void stats_and_due_reviews_ignore_answers_to_removed_questions() {
    PracticeService before = service(full);
    Person me = before.person("local:me", "me");
    Scope terminal = before.scope(ScopeKind.TERMINAL, "local", "terminal");
    for (Question q : full.questions()) {
      before.answer(
          me,
          terminal,
          q,
          TestBank.answerCovering(q.id(), 1),
          dev.interviewtutor.store.AttemptKind.PRACTICE,
          0);
    }
    PracticeService after = service(without("1"));
    assertEquals(full.questions().size(), after.stats(me).answers());
    clock.set(Instant.parse("2026-06-30T08:00:00Z"));
    assertTrue(after.dueReviews(me).stream().noneMatch(q -> q.id().equals("1")));
    assertFalse(after.nextQuestion(me, null).id().equals("1"));
  }
}
