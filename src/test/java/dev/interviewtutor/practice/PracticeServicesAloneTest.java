package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services behind {@link PracticeService} work on their own, wired by hand, without the façade.
 */
class PracticeServicesAloneTest {
  @TempDir Path dir;

  @Test
  void picking_recording_and_boards_work_without_the_facade() {
    QuestionBank bank = TestBank.bank(2, 1);
    MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    try (Database db = Database.open(dir.resolve("t.db"))) {
      PeopleService people = new PeopleService(db, clock, new KeywordTestGrader());
      Questions questions = new Questions(bank, TestBank::rubric);
      QuestionPicker picker = new QuestionPicker(db, clock, questions);
      AnswerRecorder recorder = new AnswerRecorder(db, clock, questions, new KeywordTestGrader());
      Boards boards = new Boards(db, clock, questions);
      Person ana = people.person("local:ana", "Ana");
      Scope terminal = people.scope(ScopeKind.TERMINAL, "local", "terminal");

      assertEquals("1", picker.next(ana, null).id(), "unseen questions in bank order");
      AnswerResult r =
          recorder.answer(
              ana,
              terminal,
              questions.question("1"),
              TestBank.answerCovering("1", 1, 2, 3),
              AttemptKind.PRACTICE,
              0);
      assertEquals(100, r.points());
      assertEquals("2", picker.next(ana, null).id(), "the answered question is not due yet");
      assertEquals(1, boards.stats(ana).answers());
      assertEquals(
          100,
          boards.leaderboard(terminal, Period.ALL, null, 0, 10, ana).entries().get(0).points());
      assertTrue(people.forget(ana) > 0);
    }
  }
}
