package dev.interviewtutor.cli;

import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.console.Terminal;
import dev.interviewtutor.console.TerminalTutor;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.llm.TutorGrading;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.SqliteGradeCache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires the terminal tutor: the banks from the knowledge directory, the offline grader (hybrid with an LLM when
 * one is configured), the database file, the
 * local profile (the OS user name) in the system time zone, and the terminal scope.
 */
final class TerminalSession implements AutoCloseable {
  private final Database db;
  private final TerminalTutor tutor;

  private TerminalSession(Database db, TerminalTutor tutor) {
    this.db = db;
    this.tutor = tutor;
  }

  /** Opens everything; {@code needsGrader} false skips loading the model (stats, leaderboard, forget-me). */
  static TerminalSession open(TutorConfig config, boolean needsGrader) {
    QuestionBank bank = BankLoader.load(config.knowledgeDir());
    Supplier<Grader> grader = () -> Graders.create(config, "offline");
    Grader g = needsGrader ? grader.get() : new LazyGrader(grader);
    Database db = Database.open(config.db());
    try {
      // Hybrid LLM grading, follow-ups and a grade cache in the database when TUTOR_LLM_PROVIDER is set.
      TutorGrading grading =
          TutorGrading.fromConfig(config, () -> g, Optional.of(new SqliteGradeCache(db, Clock.systemUTC())),
              Optional.of(new dev.interviewtutor.store.LlmBudgetRepository(db)));
      PracticeService service = new PracticeService(bank, QuestionRubrics.builderFor(bank), grading.grader(), db,
          Clock.systemUTC(), grading.followUps());
      String user = System.getProperty("user.name", "me");
      Person person = service.person(Person.localKey(user), user, ZoneId.systemDefault());
      if (!person.zone().equals(ZoneId.systemDefault())) {
        person = service.setTimeZone(person, ZoneId.systemDefault());
      }
      Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
      Terminal term = new Terminal(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          System.out, Terminal.colourWanted(), !Terminal.interactive());
      return new TerminalSession(db, new TerminalTutor(service, person, scope, term));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  TerminalTutor tutor() {
    return tutor;
  }

  @Override
  public void close() {
    db.close();
  }

  /** Loads the real grader only if something is graded. */
  private static final class LazyGrader implements Grader {
    private final Supplier<Grader> factory;
    private Grader delegate;

    LazyGrader(Supplier<Grader> factory) {
      this.factory = factory;
    }

    private synchronized Grader delegate() {
      if (delegate == null) {
        delegate = factory.get();
      }
      return delegate;
    }

    @Override
    public dev.interviewtutor.grading.Grade grade(dev.interviewtutor.knowledge.Rubric rubric, String answer) {
      return delegate().grade(rubric, answer);
    }

    @Override
    public dev.interviewtutor.grading.Grade grade(dev.interviewtutor.knowledge.Rubric rubric, String answer,
        dev.interviewtutor.grading.GradingContext context) {
      return delegate().grade(rubric, answer, context);
    }

    @Override
    public void forgetAnswers(java.util.Set<String> answerHashes) {
      Grader created;
      synchronized (this) {
        created = delegate;
      }
      if (created != null) {
        created.forgetAnswers(answerHashes);
      }
    }

    @Override
    public String name() {
      return "offline";
    }
  }
}
