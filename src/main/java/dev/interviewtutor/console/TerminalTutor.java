package dev.interviewtutor.console;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerRejectedException;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.AnswerResult;
import dev.interviewtutor.practice.InterviewMovedOnException;
import dev.interviewtutor.practice.InterviewState;
import dev.interviewtutor.practice.InterviewSummary;
import dev.interviewtutor.practice.InterviewTurn;
import dev.interviewtutor.practice.Leaderboard;
import dev.interviewtutor.practice.Period;
import dev.interviewtutor.practice.PersonStats;
import dev.interviewtutor.practice.PracticeService;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The terminal front-end: mock interviews, reviews, stats, leaderboard and forget-me over {@link
 * PracticeService}.
 */
public final class TerminalTutor {
  private final PracticeService service;
  private final Person person;
  private final Scope scope;
  private final Terminal term;
  private final String invocation;
  private final Consumer<List<Question>> prepare;

  /** A tutor whose messages name the command as {@code java -jar target/interview-tutor.jar}. */
  public TerminalTutor(PracticeService service, Person person, Scope scope, Terminal term) {
    this(service, person, scope, term, "java -jar target/interview-tutor.jar", questions -> {});
  }

  /**
   * @param invocation how the person runs the tutor ({@code tutor}, {@code java -jar
   *     /abs/interview-tutor.jar}): messages that suggest a command name one that exists
   * @param prepare told the questions about to be asked, so their rubrics can be embedded while the
   *     person reads and types (see {@link BackgroundGrader#warm})
   */
  public TerminalTutor(
      PracticeService service,
      Person person,
      Scope scope,
      Terminal term,
      String invocation,
      Consumer<List<Question>> prepare) {
    this.service = service;
    this.person = person;
    this.scope = scope;
    this.term = term;
    this.invocation = invocation;
    this.prepare = prepare;
  }

  /**
   * A command line the person can type: {@code command("stats")} is "java -jar ... stats" or "tutor
   * stats".
   */
  String command(String args) {
    return "`" + invocation + (args.isEmpty() ? "" : " " + args) + "`";
  }

  /**
   * Runs a mock interview: resumes the active one unless {@code fresh}; otherwise starts one on
   * {@code topic} (null = any) with {@code length} questions. Returns 0.
   */
  public int interview(String topic, int length, boolean fresh) {
    Optional<InterviewState> active =
        fresh ? Optional.empty() : service.activeInterview(person, scope);
    InterviewState state;
    if (active.isPresent()) {
      state = active.get();
      term.say(
          term.yellow("Resuming your interview")
              + " at question "
              + (state.position() + 1)
              + " of "
              + state.total()
              + (state.topic().isEmpty() ? "" : " on " + state.topic())
              + ". (Start over with: "
              + command("practice --new")
              + ")");
    } else {
      state = service.startInterview(person, scope, topic, length);
      term.say(
          term.bold("Mock interview")
              + ": "
              + state.total()
              + " question"
              + (state.total() == 1 ? "" : "s")
              + (state.topic().isEmpty() ? " on any topic" : " on " + state.topic())
              + ", graded by the "
              + service.graderName()
              + " grader.");
    }
    term.say(
        term.dim(
            "Answer in as many lines as you like; an empty line ends the answer. Commands: :hint"
                + " (reveals a key point, caps the score at "
                + PracticeService.HINT_SCORE_CAP
                + "), :skip, :quit"
                + " (resume later)."));
    int asked = -1;
    while (!state.finished()) {
      Question q = state.current().orElseThrow();
      if (asked != state.position()) {
        asked = state.position();
        prepare.accept(List.of(q));
        askQuestion(q, "Question " + (state.position() + 1) + "/" + state.total());
        for (KeyPoint hint : state.hints()) {
          term.bullet("hint:", "33", hint.text());
        }
      }
      Terminal.Input input = term.readAnswer();
      if (input instanceof Terminal.EndOfInput
          || input instanceof Terminal.Command c && c.name().equals("quit")) {
        term.blank();
        term.say(
            "Interview saved. Run "
                + command("practice")
                + " (or just "
                + command("")
                + ") to continue where you left off.");
        return 0;
      }
      try {
        if (input instanceof Terminal.Command c) {
          switch (c.name()) {
            case "hint" -> {
              InterviewState after = service.hintInterview(state.sessionId(), state.position());
              if (after.hints().size() == state.hints().size()) {
                term.say(term.dim("No more hints for this question."));
              } else {
                term.bullet("hint:", "33", after.hints().get(after.hints().size() - 1).text());
                term.say(
                    term.dim(
                        "(This question's score is now capped at "
                            + PracticeService.HINT_SCORE_CAP
                            + ".)"));
              }
              state = after;
            }
            case "skip" -> {
              InterviewTurn turn = service.skipInterview(state.sessionId(), state.position());
              showSkipped(
                  q, "It counts 0 in this interview's average and is suggested for review.");
              state = turn.next();
              turn.summary().ifPresent(this::printSummary);
            }
            default -> term.say("Unknown command :" + c.name() + ". Use :hint, :skip or :quit.");
          }
          continue;
        }
        String text = ((Terminal.Answer) input).text();
        InterviewTurn turn = service.answerInterview(state.sessionId(), state.position(), text);
        printResult(turn.answer().orElseThrow());
        long sessionId = state.sessionId();
        turn.followUp().ifPresent(f -> askFollowUp(sessionId, f));
        state = turn.next();
        turn.summary().ifPresent(this::printSummary);
      } catch (AnswerRejectedException e) {
        term.say(term.red(e.getMessage()));
      } catch (InterviewMovedOnException e) {
        // Another terminal on the same database answered or skipped this question: show what is
        // current now.
        term.say(term.yellow(e.getMessage()));
        state = service.interview(state.sessionId());
        if (state.finished()) {
          term.say(
              "The interview ended in another window. Your progress: " + command("stats") + ".");
          return 0;
        }
      } catch (UserFacingException e) {
        InterviewState now = service.interview(state.sessionId());
        if (!now.finished()) {
          throw e;
        }
        // Ended elsewhere: a second terminal on the same database started a new interview, which
        // replaces this one.
        term.say(
            term.yellow(
                "This interview ended in another window (a new one was started there); nothing was"
                    + " recorded here. Run "
                    + command("practice")
                    + " to continue the current one."));
        return 0;
      }
    }
    return 0;
  }

  /**
   * After {@code :skip}: what skipping does, then the model answer so the question still teaches
   * something.
   */
  private void showSkipped(Question q, String consequence) {
    term.say(term.dim("Skipped. " + consequence));
    String model = service.rubric(q).referenceAnswer();
    if (!model.isBlank()) {
      term.say(term.bold("Model answer:") + " " + model);
    }
  }

  /** Asks every question due for review, one at a time. */
  public int review() {
    List<Question> due = service.dueReviews(person);
    if (due.isEmpty()) {
      PersonStats stats = service.stats(person);
      Optional<PersonStats.QuestionMastery> next =
          stats.questions().stream().min((a, b) -> a.due().compareTo(b.due()));
      term.say(
          "Nothing is due for review today."
              + next.map(q -> " Next: \"" + q.title() + "\" on " + q.due() + ".")
                  .orElse(" Answer some questions first: " + command("practice") + "."));
      return 0;
    }
    term.say(
        term.bold("Review")
            + ": "
            + due.size()
            + " question"
            + (due.size() == 1 ? "" : "s")
            + " due. "
            + term.dim("Empty line ends an answer; :hint, :skip, :quit."));
    int i = 0;
    for (Question q : due) {
      i++;
      prepare.accept(List.of(q));
      askQuestion(q, "Review " + i + "/" + due.size());
      int hints = 0;
      while (true) {
        Terminal.Input input = term.readAnswer();
        if (input instanceof Terminal.EndOfInput
            || input instanceof Terminal.Command c && c.name().equals("quit")) {
          term.say("Stopped. The rest stays due.");
          return 0;
        }
        if (input instanceof Terminal.Command c && c.name().equals("skip")) {
          showSkipped(q, "Nothing is recorded; it stays due.");
          break;
        }
        if (input instanceof Terminal.Command c && c.name().equals("hint")) {
          Optional<KeyPoint> hint = service.hint(q, hints);
          if (hint.isPresent()) {
            hints++;
            term.bullet("hint:", "33", hint.get().text());
          } else {
            term.say(term.dim("No more hints for this question."));
          }
          continue;
        }
        if (input instanceof Terminal.Command c) {
          term.say("Unknown command :" + c.name() + ". Use :hint, :skip or :quit.");
          continue;
        }
        try {
          printResult(
              service.answer(
                  person, scope, q, ((Terminal.Answer) input).text(), AttemptKind.REVIEW, hints));
          break;
        } catch (AnswerRejectedException e) {
          term.say(term.red(e.getMessage()));
        }
      }
    }
    term.say("Review done.");
    return 0;
  }

  public int stats() {
    PersonStats s = service.stats(person);
    term.heading("Progress of " + person.displayName());
    term.row(
        String.format(
            Locale.ROOT,
            "  Answers %d   Average %.0f   Points %d   Streak %d day%s (best %d)" + "   Due %d",
            s.answers(),
            s.averageScore(),
            s.points(),
            s.currentStreak(),
            s.currentStreak() == 1 ? "" : "s",
            s.bestStreak(),
            s.dueReviews()));
    if (s.answers() == 0) {
      term.say("  No answers yet: start with " + command("practice") + ".");
      return 0;
    }
    term.blank();
    term.heading("Mastery per topic");
    for (PersonStats.TopicMastery t : s.topics()) {
      term.row(
          String.format(
              Locale.ROOT,
              "  %-24s %s %3d%%  (%d/%d questions)",
              clip(t.topic(), 24),
              bar(t.mastery()),
              t.mastery(),
              t.questionsAnswered(),
              t.questionsTotal()));
    }
    term.blank();
    term.heading("Mastery per question");
    for (PersonStats.QuestionMastery q : s.questions()) {
      term.row(
          String.format(
              Locale.ROOT,
              "  %-5s %-44s %3d%%  due %s",
              clip(q.questionId(), 5),
              clip(q.title(), 44),
              q.mastery(),
              q.due()));
    }
    return 0;
  }

  public int leaderboard(Period period, String topic, int page, int pageSize) {
    Leaderboard board =
        service.leaderboard(scope, period, topic, (page - 1) * pageSize, pageSize, person);
    term.heading(
        "Leaderboard: "
            + switch (period) {
              case WEEK -> "this week";
              case MONTH -> "this month";
              case ALL -> "all time";
            }
            + (board.topic().isEmpty() ? "" : ", topic " + board.topic())
            + " (page "
            + page
            + ")");
    if (board.entries().isEmpty()) {
      term.say("  Nobody on this page yet.");
    }
    for (Leaderboard.Entry e : board.entries()) {
      term.row(
          String.format(
              Locale.ROOT,
              "  %4d. %-40s %6d pts  %4d answers",
              e.rank(),
              clip(e.displayName(), 40),
              e.points(),
              e.answers()));
    }
    board
        .asker()
        .ifPresentOrElse(
            me ->
                term.say(
                    "  You: #"
                        + me.rank()
                        + " of "
                        + board.total()
                        + " with "
                        + me.points()
                        + " points."),
            () -> term.say("  You are not on this board yet."));
    return 0;
  }

  /**
   * Deletes everything stored about the person after confirmation (or at once with {@code yes}).
   */
  public int forgetMe(boolean yes) {
    PersonStats s = service.stats(person);
    if (!yes) {
      term.say(
          "This deletes everything stored about "
              + person.displayName()
              + " ("
              + s.answers()
              + " answers, interviews, reviews, streaks, points) from "
              + "this database. It cannot be undone.");
      String answer = term.readLine("Type yes to confirm: ");
      if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
        term.say("Nothing deleted.");
        return 1;
      }
    }
    int rows = service.forget(person);
    term.say("Forgotten: " + rows + " rows deleted.");
    return 0;
  }

  private void askQuestion(Question q, String label) {
    term.blank();
    term.say(term.bold(label) + term.dim("  ·  " + q.topic() + "  ·  #" + q.id()));
    term.say(term.bold(q.title()));
  }

  private void printResult(AnswerResult r) {
    Grade g = r.grade();
    String verdict = g.verdict().label();
    String scoreText = "Score " + r.score() + "/100 (" + verdict + ")";
    String colouredScore =
        r.score() >= 70
            ? term.green(scoreText)
            : r.score() >= 40 ? term.yellow(scoreText) : term.red(scoreText);
    term.say(
        colouredScore
            + (r.hintCapped() ? term.dim(" capped by a hint, graded " + g.score()) : "")
            + "   "
            + (r.points() > 0 ? r.pointsLabel() : term.dim(r.pointsLabel())));
    for (KeyPointResult k : g.covered()) {
      term.bullet("+", "32", k.keyPoint());
    }
    for (KeyPointResult k : r.missed().shown()) {
      term.bullet("-", "31", k.keyPoint());
    }
    r.missed().moreLine().ifPresent(more -> term.say("    ", term.dim(more)));
    for (MisconceptionHit m : g.misconceptions()) {
      term.bullet(
          "!",
          "31",
          "Misconception: "
              + m.misconception()
              + (m.reason().isBlank() ? "" : " (" + m.reason() + ")"));
    }
    if (!g.feedback().isBlank()) {
      term.say(g.feedback());
    }
    if (!g.tip().isBlank()) {
      term.say(term.dim("Tip: " + g.tip()));
    }
    g.notes().forEach(n -> term.say(term.dim("Note: " + n)));
    term.say(
        term.dim(
            "Next review: "
                + r.nextReview()
                + ".  Streak: "
                + r.currentStreak()
                + " day"
                + (r.currentStreak() == 1 ? "" : "s")
                + "."));
  }

  /** One follow-up about a missed key point; any command or an empty answer skips it. */
  private void askFollowUp(long sessionId, FollowUp followUp) {
    term.blank();
    term.say(term.bold("Follow-up") + ": " + followUp.question());
    term.say(term.dim("(Answer it, or :skip to move on.)"));
    Terminal.Input input = term.readAnswer();
    if (!(input instanceof Terminal.Answer answer) || answer.text().isBlank()) {
      term.say(term.dim("Follow-up skipped."));
      return;
    }
    try {
      Grade g = service.answerFollowUp(sessionId, followUp, answer.text());
      term.say("Follow-up: " + g.score() + "/100 (" + g.verdict().label() + ")");
      for (KeyPointResult k : g.keyPoints()) {
        boolean got = k.coverage() != dev.interviewtutor.grading.Coverage.MISSED;
        term.bullet(got ? "+" : "-", got ? "32" : "31", k.keyPoint());
      }
      g.notes().forEach(n -> term.say(term.dim("Note: " + n)));
    } catch (AnswerRejectedException e) {
      term.say(term.red(e.getMessage()));
    }
  }

  private void printSummary(InterviewSummary s) {
    term.blank();
    long skipped = s.items().stream().filter(InterviewSummary.Item::skipped).count();
    term.heading("Interview summary: " + s.averageScore() + "/100 on average");
    if (skipped > 0) {
      term.say(
          term.dim(
              "(Skipped questions count 0 in the average: "
                  + skipped
                  + " of "
                  + s.items().size()
                  + ".)"));
    }
    for (InterviewSummary.Item i : s.items()) {
      String result = i.skipped() ? "skipped" : String.format(Locale.ROOT, "%3d", i.score());
      term.row(
          String.format(
              Locale.ROOT,
              "  %-7s %-5s %s%s",
              result,
              "#" + clip(i.questionId(), 4),
              clip(i.title(), 55),
              i.hints() > 0 ? " (hint)" : ""));
    }
    if (!s.strongest().isEmpty()) {
      term.say(term.bold("Strongest:"));
      s.strongest().forEach(k -> term.bullet("+", "32", k));
    }
    if (!s.weakest().isEmpty()) {
      term.say(term.bold("Weakest:"));
      s.weakest().forEach(k -> term.bullet("-", "31", k));
    }
    if (!s.reviewNext().isEmpty()) {
      term.say(term.bold("Review next:"));
      s.reviewNext().forEach(q -> term.bullet("*", "33", "#" + q.id() + " " + q.title()));
    }
    term.say(
        term.dim(
            "Your progress: " + command("stats") + ".  Due questions: " + command("review") + "."));
  }

  private static String bar(int percent) {
    int filled = Math.max(0, Math.min(20, Math.round(percent / 5f)));
    return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }

  /** Rejects a bad interview length before any work. */
  public static int checkLength(int n) {
    if (n < 1 || n > PracticeService.MAX_INTERVIEW_LENGTH) {
      throw new UserFacingException(
          "--questions must be 1 to " + PracticeService.MAX_INTERVIEW_LENGTH + ", not " + n);
    }
    return n;
  }
}
