package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.AnswerPolicy;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.GradingContext;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.grading.llm.FollowUpAsker;
import dev.interviewtutor.grading.llm.GradeCache;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.AttemptRepository.DayKey;
import dev.interviewtutor.store.AttemptRow;
import dev.interviewtutor.store.BoardRepository;
import dev.interviewtutor.store.BoardRow;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.HintRepository;
import dev.interviewtutor.store.InterviewRepository;
import dev.interviewtutor.store.InterviewRows.Item;
import dev.interviewtutor.store.InterviewRows.ItemStatus;
import dev.interviewtutor.store.InterviewRows.Session;
import dev.interviewtutor.store.InterviewRows.Status;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tutor's one entry point for every front-end (terminal, Discord): people and scopes, single questions
 * (quiz and review), mock interviews, points, streaks, leaderboards, stats, forget-me, and the daily question
 * ({@link #daily()}). Knows nothing of Discord or terminals. Thread-safe: grading runs outside transactions, each
 * recording is one transaction.
 *
 * <p>Rules: points = the recorded score; a daily question's first answer counts; practice, review and interview
 * answers to one question count at most once per local day of the person (later ones earn 0). A hint caps that
 * question's score at {@link #HINT_SCORE_CAP}. Days, streaks and review due dates are local to the person's zone.
 */
public final class PracticeService {
  private static final Logger LOG = LoggerFactory.getLogger(PracticeService.class);
  public static final int DEFAULT_INTERVIEW_LENGTH = 5;
  public static final int MAX_INTERVIEW_LENGTH = 50;
  public static final int HINT_SCORE_CAP = 70;
  /** A question scoring below this is suggested for review in an interview summary. */
  public static final int REVIEW_BELOW = 70;

  private final QuestionBank bank;
  private final Function<Question, Rubric> rubrics;
  private final Grader grader;
  private final Database db;
  private final Clock clock;
  private final Map<String, Rubric> rubricCache = new ConcurrentHashMap<>();
  private final List<Consumer<Person>> forgetListeners = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> bankOrder = new HashMap<>();
  private final DailyQuiz daily;
  private final FollowUpAsker followUps;
  private final GroupCommit groupCommit;

  /** A service without interview follow-ups. */
  public PracticeService(QuestionBank bank, Function<Question, Rubric> rubrics, Grader grader, Database db,
      Clock clock) {
    this(bank, rubrics, grader, db, clock, FollowUpAsker.offline(false));
  }

  /**
   * @param followUps asks one follow-up after a partially correct interview answer ({@code TUTOR_LLM_FOLLOW_UPS})
   */
  public PracticeService(QuestionBank bank, Function<Question, Rubric> rubrics, Grader grader, Database db,
      Clock clock, FollowUpAsker followUps) {
    this.followUps = followUps;
    this.bank = bank;
    this.rubrics = rubrics;
    this.grader = grader;
    this.db = db;
    this.clock = clock;
    for (int i = 0; i < bank.questions().size(); i++) {
      bankOrder.put(bank.questions().get(i).id(), i);
    }
    this.daily = new DailyQuiz(this);
    this.groupCommit = new GroupCommit(db, this);
  }

  // ---------------------------------------------------------------- people, scopes, questions

  /** Finds or creates a person (new people get UTC until {@link #setTimeZone}); updates a changed name. */
  public Person person(String key, String displayName) {
    return person(key, displayName, ZoneId.of("UTC"));
  }

  /** Finds or creates a person; {@code zoneIfNew} is used only when the person is created. */
  public Person person(String key, String displayName, ZoneId zoneIfNew) {
    return db.write(c -> PeopleRepository.upsert(c, key, displayName, zoneIfNew, now().toEpochMilli()));
  }

  /** An existing person by key. */
  public Optional<Person> findPerson(String key) {
    return db.read(c -> PeopleRepository.find(c, key));
  }

  public Person setTimeZone(Person person, ZoneId zone) {
    return db.write(c -> {
      PeopleRepository.setZone(c, person.id(), zone);
      return PeopleRepository.byId(c, person.id()).orElseThrow();
    });
  }

  /** Finds or creates a scope (a guild, a DM, the terminal). */
  public Scope scope(ScopeKind kind, String key, String name) {
    return db.write(c -> PeopleRepository.upsertScope(c, kind, key, name));
  }

  public QuestionBank bank() {
    return bank;
  }

  public String graderName() {
    return grader.name();
  }

  /** A question by id; an unknown id is a {@link UserFacingException}. */
  public Question question(String id) {
    return bank.find(id).orElseThrow(() -> new UserFacingException("There is no question with id '" + id
        + "'. Known ids: " + bank.questions().stream().map(Question::id).collect(Collectors.joining(", "))));
  }

  /** The question's rubric (computed once). */
  public Rubric rubric(Question question) {
    return rubricCache.computeIfAbsent(question.id(), id -> rubrics.apply(question));
  }

  /** The topics of the bank; a topic given by a person must be one of these (case-insensitive). */
  public List<String> topics() {
    return bank.topics();
  }

  // ---------------------------------------------------------------- single questions: quiz and review

  /**
   * What to ask next: a due review first (most overdue, then weakest), then an unseen question (bank order), then
   * the weakest one. {@code topic} null or blank means any topic.
   */
  public Question nextQuestion(Person person, String topic) {
    return ranked(person, topic).get(0);
  }

  /** Questions due for review today in the person's zone, most overdue first. */
  public List<Question> dueReviews(Person person) {
    String today = today(person).toString();
    return db.read(c -> ProgressRepository.due(c, person.id(), today)).stream()
        .map(r -> bank.find(r.questionId()))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * The {@code n}th hint (0-based) for a question: its key points from most to least important. Empty when every
   * key point has been revealed.
   */
  public Optional<KeyPoint> hint(Question question, int alreadyShown) {
    List<KeyPoint> ordered = hintOrder(question);
    return alreadyShown < ordered.size() ? Optional.of(ordered.get(alreadyShown)) : Optional.empty();
  }

  /**
   * Reveals the next hint of a single question (quiz or review) to the person, remembered in the database so the
   * score cap survives a restart until the question is answered with {@link #answerAfterHints}. Empty when every
   * key point has been shown.
   */
  public Optional<KeyPoint> revealHint(Person person, Question question) {
    return db.write(c -> {
      int shown = HintRepository.shown(c, person.id(), question.id());
      Optional<KeyPoint> hint = hint(question, shown);
      if (hint.isPresent()) {
        HintRepository.setShown(c, person.id(), question.id(), shown + 1);
      }
      return hint;
    });
  }

  /** Hints of this question revealed to the person with {@link #revealHint} and not yet used by an answer. */
  public int hintsShown(Person person, Question question) {
    return db.read(c -> HintRepository.shown(c, person.id(), question.id()));
  }

  /**
   * Like {@link #answer}, with the hints the person revealed through {@link #revealHint} (which then start again
   * from zero for this question), read and cleared in the transaction that records the answer.
   */
  public AnswerResult answerAfterHints(Person person, Scope scope, Question question, String text,
      AttemptKind kind) {
    if (kind == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    Grade grade = grade(question, text, context(scope));
    return db.write(c -> {
      int hints = HintRepository.shown(c, person.id(), question.id());
      AnswerResult result = record(c, person, scope, question, text, grade, kind, hints);
      HintRepository.clear(c, person.id(), question.id());
      return result;
    });
  }

  /**
   * Grades and records one answer (quiz, review or practice; daily answers go through {@link DailyQuiz#answer}).
   *
   * @param hintsUsed hints shown before answering; any hint caps the score at {@link #HINT_SCORE_CAP}
   * @throws dev.interviewtutor.grading.AnswerRejectedException if the answer is too long
   */
  public AnswerResult answer(Person person, Scope scope, Question question, String text, AttemptKind kind,
      int hintsUsed) {
    if (kind == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    Grade grade = grade(question, text, context(scope));
    return record(new GradedAnswer(person, scope, question, text, grade, kind, hintsUsed));
  }

  /**
   * Records one answer graded elsewhere, with the rules of {@link #answer}. Answers recorded at the same time by
   * other threads may share its transaction (group commit); it returns once that transaction committed.
   */
  public AnswerResult record(GradedAnswer answer) {
    if (answer.kind() == AttemptKind.DAILY) {
      throw new IllegalArgumentException("daily answers go through daily().answer(...)");
    }
    return groupCommit.record(answer);
  }

  /**
   * An answer graded elsewhere, to record without grading again (imports, the store benchmark).
   *
   * @param kind practice, review or interview (daily answers go through {@link DailyQuiz#answer})
   */
  public record GradedAnswer(
      Person person, Scope scope, Question question, String text, Grade grade, AttemptKind kind, int hints) {}

  /** Records already-graded answers in one transaction, with the same rules as {@link #answer}. */
  public List<AnswerResult> recordAll(List<GradedAnswer> answers) {
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
    return grader.grade(rubric(question), AnswerPolicy.check(text), context);
  }

  GradingContext context(long scopeId) {
    return db.read(c -> PeopleRepository.scopeById(c, scopeId)).map(PracticeService::context)
        .orElse(GradingContext.LOCAL);
  }

  /** The grading scope of a place: each Discord server (or DM, or the terminal) has its own daily LLM budget. */
  static GradingContext context(Scope scope) {
    return GradingContext.of(scope.kind().dbName() + ":" + scope.key());
  }

  /** Records a graded answer inside the caller's write transaction: attempt, board, streak, review. */
  AnswerResult record(Connection c, Person person, Scope scope, Question question, String text, Grade grade,
      AttemptKind kind, int hintsUsed) throws SQLException {
    return recordBatch(c, List.of(new GradedAnswer(person, scope, question, text, grade, kind, hintsUsed))).get(0);
  }

  /**
   * Records graded answers inside the caller's write transaction with exactly the rules of recording them one
   * after another in list order (points, no-farming, streaks, reviews, boards), but with the statements grouped per
   * batch: the people, the no-farming keys, the streaks and the review states are read once for the whole batch,
   * advanced in memory answer by answer, and written back with multi-row statements (one row per person, per
   * review and per board key, the board sums added up first). Far fewer SQLite calls per answer.
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
      at[i] = now();
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
      int score = a.hints() > 0 ? Math.min(a.grade().score(), HINT_SCORE_CAP) : a.grade().score();
      // A non-daily answer counts when no earlier one of this person, question and local day did (in the database
      // or earlier in this batch); counting it makes the key taken.
      boolean counted = a.kind() == AttemptKind.DAILY || countedKeys.add(new DayKey(personId, question.id(), day));
      scores[i] = score;
      points[i] = counted ? score : 0;
      rows.add(new AttemptRow(0, personId, a.scope().id(), question.id(), question.topic(), a.kind(),
          a.text() == null ? "" : a.text(), score, a.grade().verdict(),
          KeyPointJson.write(a.grade().keyPoints()), a.grade().grader(), a.hints(), at[i].toEpochMilli(), day,
          counted, points[i]));
      for (String period : Period.keysFor(days[i])) {
        for (String t : question.topic().isEmpty() ? List.of(BoardRepository.ALL_TOPICS)
            : List.of(BoardRepository.ALL_TOPICS, question.topic())) {
          int[] sum = board.computeIfAbsent(new BoardRepository.Delta(a.scope().id(), period, t, personId, 0, 0),
              k -> new int[2]);
          sum[0] += points[i];
          sum[1]++;
        }
      }
      StreakRow streak = Streaks.advance(Optional.ofNullable(streaks.get(personId)), personId, days[i]);
      streaks.put(personId, streak);
      streakNow[i] = streak.current();
      ReviewKey rk = new ReviewKey(personId, question.id());
      ReviewState review = Sm2.next(Optional.ofNullable(reviews.get(rk)), personId, question.id(), score, days[i],
          at[i].toEpochMilli());
      reviews.put(rk, review);
      dueDays[i] = review.dueDay();
    }
    long[] ids = AttemptRepository.insertAll(c, rows);
    List<BoardRepository.Delta> deltas = new ArrayList<>(board.size());
    board.forEach((k, sum) -> deltas.add(
        new BoardRepository.Delta(k.scopeId(), k.period(), k.topic(), k.personId(), sum[0], sum[1])));
    BoardRepository.addAll(c, deltas);
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
      results.add(new AnswerResult(a.question(), a.grade(), scores[i], scores[i] < a.grade().score(), points[i],
          ids[i], LocalDate.parse(dueDays[i]), streakNow[i]));
    }
    return results;
  }

  // ---------------------------------------------------------------- mock interviews

  /**
   * Starts a mock interview (abandoning any active one of this person in this scope). Questions: due reviews,
   * then unseen, then weakest, presented in bank order.
   *
   * @param topic  a bank topic, or null/blank for any
   * @param length number of questions (1–{@value #MAX_INTERVIEW_LENGTH}; fewer if the topic has fewer)
   */
  public InterviewState startInterview(Person person, Scope scope, String topic, int length) {
    if (length < 1 || length > MAX_INTERVIEW_LENGTH) {
      throw new UserFacingException("An interview has 1 to " + MAX_INTERVIEW_LENGTH + " questions, not " + length);
    }
    String wanted = topic == null ? "" : topic.strip();
    List<Question> picked = new ArrayList<>(ranked(person, wanted).stream().limit(length).toList());
    picked.sort(Comparator.comparingInt(q -> bankOrder.get(q.id())));
    long id = db.write(c -> {
      long now = now().toEpochMilli();
      InterviewRepository.abandonActive(c, person.id(), scope.id(), now);
      return InterviewRepository.create(c, person.id(), scope.id(), wanted,
          picked.stream().map(Question::id).toList(), now);
    });
    return interview(id);
  }

  /** The person's interview in progress in this scope (it survives restarts). */
  public Optional<InterviewState> activeInterview(Person person, Scope scope) {
    return db.read(c -> InterviewRepository.active(c, person.id(), scope.id())).map(this::state);
  }

  /** The state of a session. */
  public InterviewState interview(long sessionId) {
    return state(session(sessionId));
  }

  /**
   * Grades the answer to the current question and moves on; the last answer also returns the summary. After a
   * partially correct answer the turn may carry one follow-up about a missed key point (answer it with
   * {@link #answerFollowUp}); the interview has already moved on, so ignoring it is fine.
   */
  public InterviewTurn answerInterview(long sessionId, String text) {
    Session before = activeSession(sessionId);
    Item item = before.items().get(before.position());
    Question question = question(item.questionId());
    GradingContext context = context(before.scopeId());
    Grade grade = grade(question, text, context);
    InterviewTurn turn = answerAndAdvance(sessionId, before, question, text, grade);
    Optional<FollowUp> followUp = followUps.ask(rubric(question), AnswerPolicy.check(text), grade, context);
    return followUp.isEmpty() ? turn : new InterviewTurn(turn.answer(), turn.next(), turn.summary(), followUp);
  }

  /**
   * Grades the reply to a follow-up against its one key point. Not recorded as an attempt: the question's own
   * answer already counts for points and reviews.
   */
  public Grade answerFollowUp(long sessionId, FollowUp followUp, String text) {
    Session s = session(sessionId);
    GradingContext context = context(s.scopeId());
    String checked = AnswerPolicy.check(text);
    // Noted before grading: an LLM grade of this reply may be cached, and forget-me must find it.
    db.writeVoid(c -> PeopleRepository.noteFollowUpAnswer(c, s.personId(), GradeCache.answerHash(checked)));
    return grader.grade(followUp.rubric(), checked, context);
  }

  private InterviewTurn answerAndAdvance(long sessionId, Session before, Question question, String text,
      Grade grade) {
    return db.write(c -> {
      Session s = activeSession(c, sessionId);
      if (s.position() != before.position()) {
        throw new UserFacingException("That question was already answered or skipped.");
      }
      Person person = PeopleRepository.byId(c, s.personId()).orElseThrow();
      Scope scope = PeopleRepository.scopeById(c, s.scopeId()).orElseThrow();
      Item current = s.items().get(s.position());
      AnswerResult result = record(c, person, scope, question, text, grade, AttemptKind.INTERVIEW, current.hints());
      InterviewRepository.updateItem(c, sessionId, new Item(current.position(), current.questionId(),
          ItemStatus.ANSWERED, current.hints(), result.attemptId(), result.score()));
      return advance(c, s, Optional.of(result));
    });
  }

  /** Skips the current question (it scores 0 in the summary and is suggested for review). */
  public InterviewTurn skipInterview(long sessionId) {
    return db.write(c -> {
      Session s = activeSession(c, sessionId);
      Item current = s.items().get(s.position());
      InterviewRepository.updateItem(c, sessionId, new Item(current.position(), current.questionId(),
          ItemStatus.SKIPPED, current.hints(), null, null));
      return advance(c, s, Optional.empty());
    });
  }

  /**
   * Reveals one more key point of the current question (most important first); the question's score is then
   * capped at {@link #HINT_SCORE_CAP}. Returns the new state; its {@code hints} grow by one unless all are shown.
   */
  public InterviewState hintInterview(long sessionId) {
    db.writeVoid(c -> {
      Session s = activeSession(c, sessionId);
      Item current = s.items().get(s.position());
      if (current.hints() < hintOrder(question(current.questionId())).size()) {
        InterviewRepository.updateItem(c, sessionId, new Item(current.position(), current.questionId(),
            current.status(), current.hints() + 1, current.attemptId(), current.score()));
      }
    });
    return interview(sessionId);
  }

  /** Ends an interview early; unanswered questions count as skipped. Returns the summary. */
  public InterviewSummary stopInterview(long sessionId) {
    db.writeVoid(c -> {
      Session s = session(c, sessionId);
      if (s.status() == Status.ACTIVE) {
        InterviewRepository.move(c, sessionId, s.position(), Status.ABANDONED, now().toEpochMilli());
      }
    });
    return summary(sessionId);
  }

  /** The summary of a session (finished or not: unanswered questions count as skipped). */
  public InterviewSummary summary(long sessionId) {
    return db.read(c -> summary(c, session(c, sessionId)));
  }

  private InterviewTurn advance(Connection c, Session s, Optional<AnswerResult> result) throws SQLException {
    int next = s.position() + 1;
    boolean done = next >= s.items().size();
    InterviewRepository.move(c, s.id(), next, done ? Status.FINISHED : Status.ACTIVE, now().toEpochMilli());
    Session after = session(c, s.id());
    return new InterviewTurn(result, state(after), done ? Optional.of(summary(c, after)) : Optional.empty());
  }

  private InterviewSummary summary(Connection c, Session s) throws SQLException {
    List<InterviewSummary.Item> items = new ArrayList<>();
    Map<String, Double> covered = new LinkedHashMap<>();
    Map<String, Double> missed = new LinkedHashMap<>();
    List<Map.Entry<Question, Integer>> weak = new ArrayList<>();
    int sum = 0;
    for (Item item : s.items()) {
      Question q = question(item.questionId());
      boolean answered = item.status() == ItemStatus.ANSWERED;
      int score = answered && item.score() != null ? item.score() : 0;
      sum += score;
      items.add(new InterviewSummary.Item(q.id(), q.title(), score, !answered, item.hints()));
      if (!answered || score < REVIEW_BELOW || item.hints() > 0) {
        weak.add(Map.entry(q, score));
      }
      if (answered && item.attemptId() != null) {
        Map<String, Double> weights = rubric(q).keyPoints().stream()
            .collect(Collectors.toMap(KeyPoint::id, KeyPoint::weight, (a, b) -> a));
        Optional<AttemptRow> attempt = AttemptRepository.byId(c, item.attemptId());
        for (KeyPointResult r : attempt.map(a -> KeyPointJson.read(a.keyPointsJson())).orElse(List.of())) {
          double w = weights.getOrDefault(r.keyPointId(), 1.0);
          (r.coverage() == Coverage.MISSED ? missed : covered).merge(r.keyPoint(), w, Double::sum);
        }
      }
    }
    weak.sort(Map.Entry.comparingByValue());
    int average = s.items().isEmpty() ? 0 : Math.round((float) sum / s.items().size());
    return new InterviewSummary(s.id(), s.topic(), items, average, top(covered), top(missed),
        weak.stream().map(Map.Entry::getKey).toList());
  }

  private static List<String> top(Map<String, Double> weighted) {
    return weighted.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(3).map(Map.Entry::getKey).toList();
  }

  private InterviewState state(Session s) {
    boolean finished = s.status() != Status.ACTIVE || s.position() >= s.items().size();
    if (finished) {
      return new InterviewState(s.id(), s.topic(), Math.min(s.position(), s.items().size()), s.items().size(),
          Optional.empty(), List.of(), true);
    }
    Item item = s.items().get(s.position());
    Question q = question(item.questionId());
    List<KeyPoint> order = hintOrder(q);
    return new InterviewState(s.id(), s.topic(), s.position(), s.items().size(), Optional.of(q),
        order.subList(0, Math.min(item.hints(), order.size())), false);
  }

  private Session session(long id) {
    return db.read(c -> session(c, id));
  }

  private static Session session(Connection c, long id) throws SQLException {
    return InterviewRepository.session(c, id)
        .orElseThrow(() -> new UserFacingException("There is no interview session " + id + "."));
  }

  private Session activeSession(long id) {
    return db.read(c -> activeSession(c, id));
  }

  private static Session activeSession(Connection c, long id) throws SQLException {
    Session s = session(c, id);
    if (s.status() != Status.ACTIVE || s.position() >= s.items().size()) {
      throw new UserFacingException("This interview is over; start a new one.");
    }
    return s;
  }

  // ---------------------------------------------------------------- leaderboards, stats, forget-me

  /**
   * One page of a scope's leaderboard for the period containing today (in the asker's zone).
   *
   * @param topic  a topic filter, null/blank for all topics
   * @param offset first line (0-based)
   * @param limit  lines per page (e.g. 10)
   * @param asker  whose own rank to include (may be null)
   */
  public Leaderboard leaderboard(Scope scope, Period period, String topic, int offset, int limit, Person asker) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    ZoneId zone = asker == null ? ZoneId.of("UTC") : asker.zone();
    String key = period.key(now().atZone(zone).toLocalDate());
    String t = topic == null ? "" : canonicalTopic(topic.strip());
    return db.read(c -> {
      List<BoardRow> rows = BoardRepository.page(c, scope.id(), key, t, offset, limit);
      List<Leaderboard.Entry> entries = new ArrayList<>();
      int rank = 0;
      for (int i = 0; i < rows.size(); i++) {
        BoardRow r = rows.get(i);
        if (i == 0) {
          rank = 1 + BoardRepository.countAbove(c, scope.id(), key, t, r.points());
        } else if (r.points() != rows.get(i - 1).points()) {
          rank = offset + i + 1;
        }
        entries.add(entry(rank, r));
      }
      Optional<Leaderboard.Entry> own = Optional.empty();
      if (asker != null) {
        Optional<BoardRow> mine = BoardRepository.of(c, scope.id(), key, t, asker.id());
        if (mine.isPresent()) {
          own = Optional.of(entry(1 + BoardRepository.countAbove(c, scope.id(), key, t, mine.get().points()),
              mine.get()));
        }
      }
      return new Leaderboard(period, t, offset, limit, BoardRepository.size(c, scope.id(), key, t), entries, own);
    });
  }

  private static Leaderboard.Entry entry(int rank, BoardRow r) {
    return new Leaderboard.Entry(rank, r.personId(), r.personKey(), r.displayName(), r.points(), r.answers());
  }

  private String canonicalTopic(String topic) {
    return bank.topics().stream().filter(t -> t.equalsIgnoreCase(topic)).findFirst().orElse(topic);
  }

  /** A person's progress: answers, average, streaks, mastery per topic and question, score over time. */
  public PersonStats stats(Person person) {
    return db.read(c -> {
      Person p = PeopleRepository.byId(c, person.id()).orElse(person);
      List<AttemptRow> attempts = AttemptRepository.summariesFor(c, p.id());
      Optional<StreakRow> streak = ProgressRepository.streak(c, p.id());
      List<ReviewState> reviews = ProgressRepository.reviews(c, p.id());
      return Stats.of(p, bank, attempts, streak, reviews, today(p));
    });
  }

  /**
   * Deletes every row of the person in one transaction, then drops what the grader and the front-ends keep in
   * memory about them ({@link #onForget}); returns the number of rows deleted.
   */
  public int forget(Person person) {
    Set<String> answerHashes = new HashSet<>();
    int rows = db.write(c -> {
      answerHashes.addAll(PeopleRepository.answerHashes(c, person.id()));
      return PeopleRepository.deleteEverything(c, person.id()).values().stream().mapToInt(Integer::intValue).sum();
    });
    grader.forgetAnswers(Set.copyOf(answerHashes));
    for (Consumer<Person> listener : forgetListeners) {
      try {
        listener.accept(person);
      } catch (RuntimeException e) {
        LOG.error("dropping in-memory state of a forgotten person failed", e);
      }
    }
    return rows;
  }

  /**
   * Runs {@code listener} after each forget-me, so state kept in memory by person (pending follow-ups in a
   * front-end) goes with the database rows.
   */
  public void onForget(Consumer<Person> listener) {
    forgetListeners.add(listener);
  }

  // ---------------------------------------------------------------- daily question

  /** The daily-question domain for Discord servers. */
  public DailyQuiz daily() {
    return daily;
  }

  // ---------------------------------------------------------------- shared helpers

  Database db() {
    return db;
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today(Person person) {
    return now().atZone(person.zone()).toLocalDate();
  }

  int bankIndex(String questionId) {
    return bankOrder.getOrDefault(questionId, Integer.MAX_VALUE);
  }

  List<KeyPoint> hintOrder(Question question) {
    return rubric(question).keyPoints().stream()
        .sorted(Comparator.comparingDouble(KeyPoint::weight).reversed())
        .toList();
  }

  /** Candidates in asking order: due (most overdue, weakest), unseen (bank order), then weakest seen. */
  private List<Question> ranked(Person person, String topic) {
    List<Question> candidates = bank.byTopic(topic);
    if (candidates.isEmpty()) {
      throw new UserFacingException(bank.questions().isEmpty()
          ? "The question bank is empty."
          : "No questions on topic '" + topic + "'. Topics: " + String.join(", ", bank.topics()));
    }
    String today = today(person).toString();
    Map<String, ReviewState> reviews = db.read(c -> ProgressRepository.reviews(c, person.id())).stream()
        .collect(Collectors.toMap(ReviewState::questionId, r -> r));
    Set<String> ids = candidates.stream().map(Question::id).collect(Collectors.toSet());
    List<Question> due = new ArrayList<>();
    List<Question> unseen = new ArrayList<>();
    List<Question> seen = new ArrayList<>();
    for (Question q : candidates) {
      ReviewState r = reviews.get(q.id());
      if (r == null) {
        unseen.add(q);
      } else if (r.dueDay().compareTo(today) <= 0) {
        due.add(q);
      } else {
        seen.add(q);
      }
    }
    Comparator<Question> byDue = Comparator.comparing((Question q) -> reviews.get(q.id()).dueDay())
        .thenComparingInt(q -> reviews.get(q.id()).lastScore());
    due.sort(byDue);
    seen.sort(Comparator.comparingInt((Question q) -> reviews.get(q.id()).lastScore())
        .thenComparing(q -> reviews.get(q.id()).dueDay()));
    List<Question> out = new ArrayList<>(due);
    out.addAll(unseen);
    out.addAll(seen);
    assert out.stream().allMatch(q -> ids.contains(q.id()));
    return out;
  }
}
