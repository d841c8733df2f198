package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.grading.llm.FollowUpAsker;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mock interview asks one follow-up after a partial answer, graded against the missed key point
 * only.
 */
class InterviewFollowUpTest {
  @TempDir Path dir;
  final QuestionBank bank = TestBank.bank(3, 0);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
  final List<GradingContext> contexts = new CopyOnWriteArrayList<>();
  Database db;
  Person ana;
  Scope guild;

  /** The keyword fake, recording the scope each grade is charged to. */
  final Grader recording =
      new Grader() {
        private final KeywordTestGrader inner = new KeywordTestGrader();

        @Override
        public Grade grade(Rubric rubric, String answer) {
          return grade(rubric, answer, GradingContext.LOCAL);
        }

        @Override
        public Grade grade(Rubric rubric, String answer, GradingContext context) {
          contexts.add(context);
          return inner.grade(rubric, answer);
        }

        @Override
        public String name() {
          return inner.name();
        }
      };

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private PracticeService service(boolean followUps) {
    PracticeService s =
        new PracticeService(
            bank, TestBank::rubric, recording, db, clock, FollowUpAsker.offline(followUps));
    ana = s.person("discord:1", "Ana", ZoneId.of("UTC"));
    guild = s.scope(ScopeKind.GUILD, "42", "Study group");
    return s;
  }

  @Test
  void should_ask_one_follow_up_about_the_missed_key_point_and_grade_it_alone() {
    PracticeService service = service(true);
    InterviewState s = service.startInterview(ana, guild, "node", 2);

    InterviewTurn turn = service.answerInterview(s.sessionId(), TestBank.answerCovering("1", 1));

    assertEquals(60, turn.answer().orElseThrow().score(), "kp1 weighs 3 of 5: partially correct");
    FollowUp followUp = turn.followUp().orElseThrow();
    assertEquals("kp2", followUp.keyPointId(), "the first of the equally weighted missed points");
    assertEquals(List.of("kp2"), followUp.rubric().keyPoints().stream().map(k -> k.id()).toList());
    assertEquals(1, turn.next().position(), "the interview has moved on");

    Grade reply = service.answerFollowUp(s.sessionId(), followUp, "Well, q1b matters here.");
    assertEquals(100, reply.score());
    assertEquals(1, reply.keyPoints().size());
    assertEquals(
        List.of(GradingContext.of("guild:42"), GradingContext.of("guild:42")),
        contexts,
        "both grades are charged to the server's budget");
  }

  @Test
  void should_not_ask_after_a_full_answer_or_when_disabled() {
    PracticeService on = service(true);
    InterviewState s = on.startInterview(ana, guild, "node", 2);
    assertTrue(
        on.answerInterview(s.sessionId(), TestBank.answerCovering("1", 1, 2, 3))
            .followUp()
            .isEmpty());

    PracticeService off = service(false);
    InterviewState t = off.startInterview(ana, guild, "node", 2);
    String id = t.current().orElseThrow().id();
    InterviewTurn turn = off.answerInterview(t.sessionId(), TestBank.answerCovering(id, 1));
    assertEquals(60, turn.answer().orElseThrow().score());
    assertTrue(turn.followUp().isEmpty());
  }
}
