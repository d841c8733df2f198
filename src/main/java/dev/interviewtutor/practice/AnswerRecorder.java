package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.practice.PracticeService.GradedAnswer;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.AttemptRepository.DayKey;
import dev.interviewtutor.store.AttemptRow;
import dev.interviewtutor.store.BoardRepository;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.HintRepository;
import dev.interviewtutor.store.PeopleRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.ProgressRepository;
import dev.interviewtutor.store.ProgressRepository.ReviewKey;
import dev.interviewtutor.store.ReviewState;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import dev.interviewtutor.store.StreakRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades answers and records them: the attempt, points (once per question and local day), the board
 * totals, the streak and the SM-2 review state, in one transaction per recording; hints revealed
 * for single questions.
 */
final class AnswerRecorder {
  private final Database db;
  private final Clock clock;
  private final Questions questions;
  private final Grader grader;

  AnswerRecorder(Database db, Clock clock, Questions questions, Grader grader) {
    this.db = db;
    this.clock = clock;
    this.questions = questions;
    this.grader = grader;
  }

  /**
   * Reveals the next hint of a single question (quiz or review) to the person, remembered in the
   * database so the score cap survives a restart until the question is answered with {@link
   * #answerAfterHints}. Empty when every key point has been shown.
   */
  Optional<KeyPoint> revealHint(Person person, Question question) {
    return db.write(
        c -> {
          int shown = HintRepository.shown(c, person.id(), question.id());
          Optional<KeyPoint> hint = questions.hint(question, shown);
          if (hint.isPresent()) {
            HintRepository.setShown(c, person.id(), question.id(), shown + 1);
          }
          return hint;
        });
  }

  /**
   * Hints of this question revealed to the person with {@link #revealHint} and not yet used by an
   * answer.
   */
  int hintsShown(Person person, Question question) {
    return db.read(c -> HintRepository.shown(c, person.id(), question.id()));
  }

  /**
   * Like {@link #answer}, with the hints the person revealed through {@link #revealHint} (which
   * then start again from zero for this question), read and cleared in the transaction that records
   * the answer.
   */
  AnswerResult answerAfterHints(
      Person person, Scope scope, Question question, String text, AttemptKind kind) {
    if (kind == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    Grade grade = grade(question, text, context(scope));
    return db.write(
        c -> {
          int hints = HintRepository.shown(c, person.id(), question.id());
          AnswerResult result = record(c, person, scope, question, text, grade, kind, hints);
          HintRepository.clear(c, person.id(), question.id());
          return result;
        });
  }

  /**
   * Grades and records one answer (quiz, review or practice; daily answers go through {@link
   * DailyQuiz#answer}).
   *
   * @param hintsUsed hints shown before answering; any hint caps the score at {@link
   *     PracticeService#HINT_SCORE_CAP}
   * @throws dev.interviewtutor.grading.AnswerRejectedException if the answer is too long
   */
  AnswerResult answer(
      Person person, Scope scope, Question question, String text, AttemptKind kind, int hintsUsed) {
    if (kind == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    Grade grade = grade(question, text, context(scope));
    return record(new GradedAnswer(person, scope, question, text, grade, kind, hintsUsed));
  }

  /**
   * Records one answer graded elsewhere, with the rules of {@link #answer}, in its own transaction.
   */
  AnswerResult record(GradedAnswer answer) {
    if (answer.kind() == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    return db.write(c -> recordBatch(c, List.of(answer))).get(0);
  }

  /** Records already-graded answers in one transaction, with the same rules as {@link #answer}. */
  List<AnswerResult> recordAll(List<GradedAnswer> answers) {
    for (GradedAnswer a : answers) {
      if (a.kind() == AttemptKind.DAILY) {
        throw new IllegalArgumentException("daily answers go through daily().answer(...)");
      }
    }
    return db.write(c -> recordBatch(c, answers));
  }

  Grade grade(Question question, String text) {
    return grade(question, text, GradingContext.LOCAL);
  }

  Grade grade(Question question, String text, GradingContext context) {
    return grader.grade(questions.rubric(question), AnswerPolicy.check(text), context);
  }

  GradingContext context(long scopeId) {
    return db.read(c -> PeopleRepository.scopeById(c, scopeId))
        .map(AnswerRecorder::context)
        .orElse(GradingContext.LOCAL);
  }

  /**
   * The grading scope of a place: each Discord server (or DM, or the terminal) has its own daily
   * LLM budget.
   */
  static GradingContext context(Scope scope) {
    return GradingContext.of(scope.kind().dbName() + ":" + scope.key());
  }

  /**
   * Records a graded answer inside the caller's write transaction: attempt, board, streak, review.
   */
  AnswerResult record(
      Connection c,
      Person person,
      Scope scope,
      Question question,
      String text,
      Grade grade,
      AttemptKind kind,
      int hintsUsed)
      throws SQLException {
    return recordBatch(
            c, List.of(new GradedAnswer(person, scope, question, text, grade, kind, hintsUsed)))
        .get(0);
  }

  /**
   * Records graded answers inside the caller's write transaction with exactly the rules of
   * recording them one after another in list order (points, no-farming, streaks, reviews, boards),
   * but with the statements grouped per batch: the people, the no-farming keys, the streaks and the
   * review states are read once for the whole batch, advanced in memory answer by answer, and
   * written back with multi-row statements (one row per person, per review and per board key, the
   * board sums added up first). Far fewer SQLite calls per answer.
   */
  List<AnswerResult> recordBatch(Connection c, List<GradedAnswer> answers) throws SQLException {
    int n = answers.size();
    Set<Long> personIds = new LinkedHashSet<>();
    for (GradedAnswer a : answers) {
      personIds.add(a.person().id());
    }
    Map<Long, Person> people = PeopleRepository.byIds(c, personIds);
    Instant[] at = new Instant[n];
    LocalDate[] days = new LocalDate[n];
    Set<DayKey> dayKeys = new LinkedHashSet<>();
    Set<ReviewKey> reviewKeys = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      GradedAnswer a = answers.get(i);
      Person fresh = people.get(a.person().id());
      if (fresh == null) {
        throw new UserFacingException("Unknown person " + a.person().key() + " (forgotten?)");
      }
      at[i] = clock.instant();
      days[i] = at[i].atZone(fresh.zone()).toLocalDate();
      if (a.kind() != AttemptKind.DAILY) {
        dayKeys.add(new DayKey(fresh.id(), a.question().id(), days[i].toString()));
      }
      reviewKeys.add(new ReviewKey(fresh.id(), a.question().id()));
    }
    Set<DayKey> countedKeys = new HashSet<>(AttemptRepository.countedOn(c, dayKeys));
    Map<Long, StreakRow> streaks = ProgressRepository.streaks(c, personIds);
    Map<ReviewKey, ReviewState> reviews = ProgressRepository.reviews(c, reviewKeys);
    Map<BoardRepository.Delta, int[]> board = new LinkedHashMap<>();
    Map<BoardRepository.EverywhereDelta, int[]> everywhere = new LinkedHashMap<>();
    List<AttemptRow> rows = new ArrayList<>(n);
    int[] scores = new int[n];
    int[] points = new int[n];
    int[] streakNow = new int[n];
    String[] dueDays = new String[n];
    for (int i = 0; i < n; i++) {
      GradedAnswer a = answers.get(i);
      Question question = a.question();
      long personId = a.person().id();
      String day = days[i].toString();
      int score =
          a.hints() > 0
              ? Math.min(a.grade().score(), PracticeService.HINT_SCORE_CAP)
              : a.grade().score();
      // A non-daily answer counts when no earlier one of this person, question and local day did
      // (in the database
      // or earlier in this batch); counting it makes the key taken.
      boolean counted =
          a.kind() == AttemptKind.DAILY
              || countedKeys.add(new DayKey(personId, question.id(), day));
      scores[i] = score;
      points[i] = counted ? score : 0;
      rows.add(
          new AttemptRow(
              0,
              personId,
              a.scope().id(),
              question.id(),
              question.topic(),
              a.kind(),
              a.text() == null ? "" : a.text(),
              score,
              a.grade().verdict(),
              KeyPointJson.write(a.grade().keyPoints()),
              a.grade().grader(),
              a.hints(),
              at[i].toEpochMilli(),
              day,
              counted,
              points[i]));
      for (String period : Period.keysFor(days[i])) {
        for (String t :
            question.topic().isEmpty()
                ? List.of(BoardRepository.ALL_TOPICS)
                : List.of(BoardRepository.ALL_TOPICS, question.topic())) {
          int[] sum =
              board.computeIfAbsent(
                  new BoardRepository.Delta(a.scope().id(), period, t, personId, 0, 0),
                  k -> new int[2]);
          sum[0] += points[i];
          sum[1]++;
        }
        if (a.scope().kind() != ScopeKind.TERMINAL) {
          int[] sum =
              everywhere.computeIfAbsent(
                  new BoardRepository.EverywhereDelta(period, personId, 0, 0), k -> new int[2]);
          sum[0] += points[i];
          sum[1]++;
        }
      }
      StreakRow streak =
          Streaks.advance(Optional.ofNullable(streaks.get(personId)), personId, days[i]);
      streaks.put(personId, streak);
      streakNow[i] = streak.current();
      ReviewKey rk = new ReviewKey(personId, question.id());
      ReviewState review =
          Sm2.next(
              Optional.ofNullable(reviews.get(rk)),
              personId,
              question.id(),
              score,
              days[i],
              at[i].toEpochMilli());
      reviews.put(rk, review);
      dueDays[i] = review.dueDay();
    }
    long[] ids = AttemptRepository.insertAll(c, rows);
    List<BoardRepository.Delta> deltas = new ArrayList<>(board.size());
    board.forEach(
        (k, sum) ->
            deltas.add(
                new BoardRepository.Delta(
                    k.scopeId(), k.period(), k.topic(), k.personId(), sum[0], sum[1])));
    BoardRepository.addAll(c, deltas);
    List<BoardRepository.EverywhereDelta> everywhereDeltas = new ArrayList<>(everywhere.size());
    everywhere.forEach(
        (k, sum) ->
            everywhereDeltas.add(
                new BoardRepository.EverywhereDelta(k.period(), k.personId(), sum[0], sum[1])));
    BoardRepository.addEverywhere(c, everywhereDeltas);
    List<StreakRow> touchedStreaks = new ArrayList<>(personIds.size());
    for (Long id : personIds) {
      touchedStreaks.add(streaks.get(id));
    }
    ProgressRepository.putStreaks(c, touchedStreaks);
    List<ReviewState> touchedReviews = new ArrayList<>(reviewKeys.size());
    for (ReviewKey k : reviewKeys) {
      touchedReviews.add(reviews.get(k));
    }
    ProgressRepository.putReviews(c, touchedReviews);
    List<AnswerResult> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GradedAnswer a = answers.get(i);
      results.add(
          new AnswerResult(
              a.question(),
              a.grade(),
              MissedPoints.of(a.grade(), questions.rubric(a.question())),
              scores[i],
              scores[i] < a.grade().score(),
              points[i],
              ids[i],
              LocalDate.parse(dueDays[i]),
              streakNow[i]));
    }
    return results;
  }
}
