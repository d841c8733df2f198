package dev.interviewtutor.cli;

import dev.interviewtutor.config.BankLocation;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.console.BackgroundGrader;
import dev.interviewtutor.console.Terminal;
import dev.interviewtutor.console.TerminalTutor;
import dev.interviewtutor.grading.llm.DailyCallBudget;
import dev.interviewtutor.grading.llm.GradeCache;
import dev.interviewtutor.grading.llm.TutorGrading;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.LlmBudgetRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.SqliteGradeCache;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Wires the terminal tutor: the banks ({@link BankLocation}), the offline grader (hybrid with an
 * LLM when one is configured), the database file, the local profile (the OS user name) in the
 * system time zone, and the terminal scope. Prints where the database and the banks are, as
 * absolute paths, so progress never looks lost because a relative {@code data/} moved with the
 * working directory.
 *
 * <p>Start-up is kept short: the embedding model loads on a background thread ({@link
 * BackgroundGrader}) while the first question is on screen, and commands that never grade (stats,
 * leaderboard, forget-me) never load it.
 */
final class TerminalSession implements AutoCloseable {
  private final Database db;
  private final TerminalTutor tutor;
  private final BackgroundGrader offline;

  private TerminalSession(Database db, TerminalTutor tutor, BackgroundGrader offline) {
    this.db = db;
    this.tutor = tutor;
    this.offline = offline;
  }

  /**
   * Opens everything on the process's stdin (read as UTF-8 whatever the locale) and {@code
   * System.out} (which {@link dev.interviewtutor.App#main} makes UTF-8 whatever the locale).
   */
  static TerminalSession open(TutorConfig config, boolean grades) {
    return open(
        config,
        grades,
        System.in,
        System.out,
        Terminal.interactive(),
        Terminal.colourWanted(),
        Invocation.command());
  }

  /**
   * Opens everything.
   *
   * @param grades whether the command grades answers: if so the model starts loading in the
   *     background as soon as the banks and the database are ready; if not it is loaded only if
   *     something is graded after all
   */
  static TerminalSession open(
      TutorConfig config,
      boolean grades,
      InputStream in,
      PrintStream out,
      boolean interactive,
      boolean colour,
      String invocation) {
    Terminal term = new Terminal(Terminal.utf8Reader(in), out, colour, !interactive);
    BankLocation banks = BankLocation.of(config);
    // The banks are parsed on a second thread while the database opens (SQLite's native library,
    // the schema
    // check): the two biggest parts of start-up, side by side on a machine with two cores.
    CompletableFuture<QuestionBank> parsing =
        CompletableFuture.supplyAsync(
            () -> BankLoader.load(banks.dir(), BankLocation.shipped().map(BankLocation::dir)),
            r -> {
              Thread t = new Thread(r, "bank-loader");
              t.setDaemon(true);
              t.start();
            });
    Database db;
    try {
      db = Database.open(config.db());
    } catch (RuntimeException e) {
      bank(parsing); // a broken bank is reported first, as when the banks were read before the
      // database
      throw e;
    }
    QuestionBank bank;
    try {
      bank = bank(parsing);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    BackgroundGrader offline = null;
    try {
      offline =
          new BackgroundGrader(
              () -> Graders.create(config, "offline"),
              "offline",
              () -> term.say(term.dim("Loading the grading model (first answer only)...")),
              false);
      BackgroundGrader floor = offline;
      // Hybrid LLM grading, follow-ups, a grade cache and the daily LLM budget in the database when
      // TUTOR_LLM_PROVIDER is set. The cache (and its JSON mapper) is built only then: it costs
      // start-up time for
      // nothing otherwise.
      Optional<GradeCache> cache =
          config.llmConfigured()
              ? Optional.of(new SqliteGradeCache(db, Clock.systemUTC()))
              : Optional.empty();
      Optional<DailyCallBudget.Counter> budget =
          config.llmConfigured() ? Optional.of(new LlmBudgetRepository(db)) : Optional.empty();
      TutorGrading grading = TutorGrading.fromConfig(config, () -> floor, cache, budget);
      PracticeService service =
          new PracticeService(
              bank,
              QuestionRubrics.builderFor(bank),
              grading.grader(),
              db,
              Clock.systemUTC(),
              grading.followUps());
      String user = System.getProperty("user.name", "me");
      Person person = service.person(Person.localKey(user), user, ZoneId.systemDefault());
      if (!person.zone().equals(ZoneId.systemDefault())) {
        person = service.setTimeZone(person, ZoneId.systemDefault());
      }
      Scope scope = service.scope(ScopeKind.TERMINAL, "local", "terminal");
      term.location("Database:", config.db().describe());
      term.location(
          "Banks:",
          banks.shown()
              + ", "
              + bank.questions().size()
              + " question"
              + (bank.questions().size() == 1 ? "" : "s"));
      TerminalTutor tutor =
          new TerminalTutor(
              service,
              person,
              scope,
              term,
              invocation,
              questions -> floor.warm(questions.stream().map(service::rubric).toList()));
      if (grades) {
        // Only now, once the banks and the database are ready: on two cores the model's loading
        // would otherwise
        // slow down the very start-up it is meant to hide behind.
        offline.startLoading();
      }
      return new TerminalSession(db, tutor, offline);
    } catch (RuntimeException e) {
      if (offline != null) {
        offline.close();
      }
      db.close();
      throw e;
    }
  }

  /** The parsed banks, or the parser's own exception (a bank error names file and line). */
  private static QuestionBank bank(CompletableFuture<QuestionBank> parsing) {
    try {
      return parsing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  TerminalTutor tutor() {
    return tutor;
  }

  /** Whether loading the embedding model has started. */
  boolean graderStarted() {
    return offline.started();
  }

  @Override
  public void close() {
    offline.close();
    db.close();
  }
}
