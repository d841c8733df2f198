package dev.interviewtutor.practice;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.llm.FollowUp;
import dev.interviewtutor.grading.llm.FollowUpAsker;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tutor's one entry point for every front-end (terminal, Discord), a façade over small services
 * that each do one job: {@link PeopleService} (people, scopes, forget-me), {@link Questions} (the
 * bank, rubrics, hint order), {@link QuestionPicker} (what to ask), {@link AnswerRecorder} (grading
 * and recording answers: points, streaks, reviews, boards), {@link Interviews} (mock interviews),
 * {@link Boards} (leaderboards, stats) and {@link DailyQuiz} (the daily question, {@link
 * #daily()}). Knows nothing of Discord or terminals. Thread-safe: grading runs outside
 * transactions, each recording is one transaction.
 *
 * <p>Rules: points = the recorded score; a daily question's first answer counts; practice, review
 * and interview answers to one question count at most once per local day of the person (later ones
 * earn 0). A hint caps that question's score at {@link #HINT_SCORE_CAP}. Days, streaks and review
 * due dates are local to the person's zone. A question removed from the bank after state was stored
 * is shown as "removed from the bank" and skipped.
 */
public final class PracticeService {
  public static final int DEFAULT_INTERVIEW_LENGTH = 5;
  public static final int MAX_INTERVIEW_LENGTH = 50;
  public static final int HINT_SCORE_CAP = 70;

  /** A question scoring below this is suggested for review in an interview summary. */
  public static final int REVIEW_BELOW = 70;

  /**
   * Position argument meaning "whatever question is current" (callers that do not track the
   * position).
   */
  public static final int CURRENT = -1;

  private final Grader grader;
  private final PeopleService people;
  private final Questions questions;
  private final QuestionPicker picker;
  private final AnswerRecorder recorder;
  private final Interviews interviews;
  private final Boards boards;
  private final DailyQuiz daily;
  private final ServerBanks serverBanks;

  /** A service without interview follow-ups. */
  public PracticeService(
      QuestionBank bank,
      Function<Question, Rubric> rubrics,
      Grader grader,
      Database db,
      Clock clock) {
    this(bank, rubrics, grader, db, clock, FollowUpAsker.offline(false));
  }

  /**
   * @param followUps asks one follow-up after a partially correct interview answer ({@code
   *     TUTOR_LLM_FOLLOW_UPS})
   */
  public PracticeService(
      QuestionBank bank,
      Function<Question, Rubric> rubrics,
      Grader grader,
      Database db,
      Clock clock,
      FollowUpAsker followUps) {
    this.grader = grader;
    this.people = new PeopleService(db, clock, grader);
    this.questions = new Questions(new Catalog(bank, rubrics, db));
    this.picker = new QuestionPicker(db, clock, questions);
    this.recorder = new AnswerRecorder(db, clock, questions, grader);
    this.interviews = new Interviews(db, clock, questions, picker, recorder, grader, followUps);
    this.boards = new Boards(db, clock, questions);
    this.daily = new DailyQuiz(db, clock, questions, recorder);
    this.serverBanks = new ServerBanks(db, clock, questions.catalog());
  }

  // ---------------------------------------------------------------- people and scopes

  /**
   * Finds or creates a person (new people get UTC until {@link #setTimeZone}); updates a changed
   * name.
   */
  public Person person(String key, String displayName) {
    return people.person(key, displayName);
  }

  /** Finds or creates a person; {@code zoneIfNew} is used only when the person is created. */
  public Person person(String key, String displayName, ZoneId zoneIfNew) {
    return people.person(key, displayName, zoneIfNew);
  }

  /** An existing person by key. */
  public Optional<Person> findPerson(String key) {
    return people.findPerson(key);
  }

  public Person setTimeZone(Person person, ZoneId zone) {
    return people.setTimeZone(person, zone);
  }

  /**
   * An existing scope, without creating it (a read only: usable before an interaction is
   * acknowledged).
   */
  public Optional<Scope> findScope(ScopeKind kind, String key) {
    return people.findScope(kind, key);
  }

  /** Finds or creates a scope (a guild, a DM, the terminal). */
  public Scope scope(ScopeKind kind, String key, String name) {
    return people.scope(kind, key, name);
  }

  // ---------------------------------------------------------------- the bank

  /** The shipped banks (the knowledge directory): what the terminal and DMs see. */
  public QuestionBank bank() {
    return questions.bank();
  }

  /**
   * The questions a place sees: on a Discord server its own banks too, without the shipped banks it
   * switched off.
   */
  public QuestionBank bank(Scope scope) {
    return questions.bank(scope);
  }

  /** Which questions each place sees; ids are looked up across all of them. */
  public Catalog catalog() {
    return questions.catalog();
  }

  /** Discord servers' own banks: upload, list, remove, and the switch for each shipped bank. */
  public ServerBanks serverBanks() {
    return serverBanks;
  }

  /**
   * Replaces the shipped banks (the knowledge directory was read again, {@code /tutoradmin
   * reload}). Open interviews, reviews and daily posts carry on: they look questions up by id, and
   * one no longer in the banks is shown as removed and skipped.
   */
  public void reloadBanks(QuestionBank bank, Function<Question, Rubric> rubrics) {
    questions.catalog().reloadShipped(bank, rubrics);
  }

  public String graderName() {
    return grader.name();
  }

  /** A question by id; an unknown id is a {@link dev.interviewtutor.UserFacingException}. */
  public Question question(String id) {
    return questions.question(id);
  }

  /**
   * A question the place sees, by id; any other id (another server's, an unknown one) is a {@link
   * dev.interviewtutor.UserFacingException}.
   */
  public Question question(Scope scope, String id) {
    return questions.question(scope, id);
  }

  /**
   * The question with this id, or a stand-in titled "removed from the bank" when the bank no longer
   * has it (a bank edited after answers, interviews or daily posts were stored): stored state never
   * stops working because of a bank edit. See {@link #removed(Question)}.
   */
  public Question questionOrRemoved(String id) {
    return questions.questionOrRemoved(id);
  }

  /** Whether this is the stand-in for a question no longer in the bank. */
  public static boolean removed(Question question) {
    return RemovedQuestion.is(question);
  }

  /** The question's rubric (computed once). */
  public Rubric rubric(Question question) {
    return questions.rubric(question);
  }

  /** The topics of the bank; a topic given by a person must be one of these (case-insensitive). */
  public List<String> topics() {
    return questions.bank().topics();
  }

  /** The topics a place sees. */
  public List<String> topics(Scope scope) {
    return questions.bank(scope).topics();
  }

  // ---------------------------------------------------------------- single questions: quiz and
  // review

  /**
   * What to ask next: a due review first (most overdue, then weakest), then an unseen question
   * (bank order), then the weakest one. {@code topic} null or blank means any topic.
   */
  public Question nextQuestion(Person person, String topic) {
    return picker.next(person, null, topic);
  }

  /** Like {@link #nextQuestion(Person, String)} among the questions the place sees. */
  public Question nextQuestion(Person person, Scope scope, String topic) {
    return picker.next(person, scope, topic);
  }

  /**
   * Questions due for review today in the person's zone, most overdue first (of the shipped banks).
   */
  public List<Question> dueReviews(Person person) {
    return picker.dueReviews(person, null);
  }

  /** Questions due for review today that the place sees, most overdue first. */
  public List<Question> dueReviews(Person person, Scope scope) {
    return picker.dueReviews(person, scope);
  }

  /**
   * The {@code n}th hint (0-based) for a question: its key points from most to least important.
   * Empty when every key point has been revealed.
   */
  public Optional<KeyPoint> hint(Question question, int alreadyShown) {
    return questions.hint(question, alreadyShown);
  }

  /**
   * Reveals the next hint of a single question (quiz or review) to the person, remembered in the
   * database so the score cap survives a restart until the question is answered with {@link
   * #answerAfterHints}. Empty when every key point has been shown.
   */
  public Optional<KeyPoint> revealHint(Person person, Question question) {
    return recorder.revealHint(person, question);
  }

  /**
   * Hints of this question revealed to the person with {@link #revealHint} and not yet used by an
   * answer.
   */
  public int hintsShown(Person person, Question question) {
    return recorder.hintsShown(person, question);
  }

  /**
   * Like {@link #answer}, with the hints the person revealed through {@link #revealHint} (which
   * then start again from zero for this question), read and cleared in the transaction that records
   * the answer.
   */
  public AnswerResult answerAfterHints(
      Person person, Scope scope, Question question, String text, AttemptKind kind) {
    return recorder.answerAfterHints(person, scope, question, text, kind);
  }

  /**
   * Grades and records one answer (quiz, review or practice; daily answers go through {@link
   * DailyQuiz#answer}).
   *
   * @param hintsUsed hints shown before answering; any hint caps the score at {@link
   *     #HINT_SCORE_CAP}
   * @throws dev.interviewtutor.grading.AnswerRejectedException if the answer is too long
   */
  public AnswerResult answer(
      Person person, Scope scope, Question question, String text, AttemptKind kind, int hintsUsed) {
    return recorder.answer(person, scope, question, text, kind, hintsUsed);
  }

  /**
   * Records one answer graded elsewhere, with the rules of {@link #answer}, in its own transaction.
   */
  public AnswerResult record(GradedAnswer answer) {
    return recorder.record(answer);
  }

  /**
   * An answer graded elsewhere, to record without grading again (imports, the store benchmark).
   *
   * @param kind practice, review or interview (daily answers go through {@link DailyQuiz#answer})
   */
  public record GradedAnswer(
      Person person,
      Scope scope,
      Question question,
      String text,
      Grade grade,
      AttemptKind kind,
      int hints) {}

  /** Records already-graded answers in one transaction, with the same rules as {@link #answer}. */
  public List<AnswerResult> recordAll(List<GradedAnswer> answers) {
    return recorder.recordAll(answers);
  }

  // ---------------------------------------------------------------- mock interviews

  /**
   * Starts a mock interview (abandoning any active one of this person in this scope). Questions:
   * due reviews, then unseen, then weakest, presented in bank order.
   *
   * @param topic a bank topic, or null/blank for any
   * @param length number of questions (1–{@value #MAX_INTERVIEW_LENGTH}; fewer if the topic has
   *     fewer)
   */
  public InterviewState startInterview(Person person, Scope scope, String topic, int length) {
    return interviews.start(person, scope, topic, length);
  }

  /**
   * The person's interview in progress in this scope (it survives restarts). Questions removed from
   * the bank since are skipped first; an interview left with none ends.
   */
  public Optional<InterviewState> activeInterview(Person person, Scope scope) {
    return interviews.active(person, scope);
  }

  /** The state of a session (questions removed from the bank since are skipped first). */
  public InterviewState interview(long sessionId) {
    return interviews.state(sessionId);
  }

  /**
   * Grades the answer to the current question and moves on; the last answer also returns the
   * summary. After a partially correct answer the turn may carry one follow-up about a missed key
   * point (answer it with {@link #answerFollowUp}); the interview has already moved on, so ignoring
   * it is fine.
   */
  public InterviewTurn answerInterview(long sessionId, String text) {
    return interviews.answer(sessionId, CURRENT, text);
  }

  /**
   * Like {@link #answerInterview(long, String)}, for the question at {@code position} (0-based) as
   * the caller showed it: if the interview moved on meanwhile (another terminal or window answered
   * or skipped it), nothing is graded and {@link InterviewMovedOnException} says which question is
   * current, so an answer is never graded against a question its author did not see.
   */
  public InterviewTurn answerInterview(long sessionId, int position, String text) {
    return interviews.answer(sessionId, position, text);
  }

  /**
   * Grades the reply to a follow-up against its one key point. Not recorded as an attempt: the
   * question's own answer already counts for points and reviews.
   */
  public Grade answerFollowUp(long sessionId, FollowUp followUp, String text) {
    return interviews.answerFollowUp(sessionId, followUp, text);
  }

  /** Skips the current question (it scores 0 in the summary and is suggested for review). */
  public InterviewTurn skipInterview(long sessionId) {
    return interviews.skip(sessionId, CURRENT);
  }

  /**
   * Skips the question at {@code position}; see {@link #answerInterview(long, int, String)} for the
   * position.
   */
  public InterviewTurn skipInterview(long sessionId, int position) {
    return interviews.skip(sessionId, position);
  }

  /**
   * Reveals one more key point of the current question (most important first); the question's score
   * is then capped at {@link #HINT_SCORE_CAP}. Returns the new state; its {@code hints} grow by one
   * unless all are shown.
   */
  public InterviewState hintInterview(long sessionId) {
    return interviews.hint(sessionId, CURRENT);
  }

  /** Like {@link #hintInterview(long)} for the question at {@code position}. */
  public InterviewState hintInterview(long sessionId, int position) {
    return interviews.hint(sessionId, position);
  }

  /** Ends an interview early; unanswered questions count as skipped. Returns the summary. */
  public InterviewSummary stopInterview(long sessionId) {
    return interviews.stop(sessionId);
  }

  /** The summary of a session (finished or not: unanswered questions count as skipped). */
  public InterviewSummary summary(long sessionId) {
    return interviews.summary(sessionId);
  }

  // ---------------------------------------------------------------- leaderboards, stats, forget-me

  /**
   * One page of a scope's leaderboard for the period containing today (in the asker's zone).
   *
   * @param topic a topic filter, null/blank for all topics
   * @param offset first line (0-based)
   * @param limit lines per page (e.g. 10)
   * @param asker whose own rank to include (may be null)
   */
  public Leaderboard leaderboard(
      Scope scope, Period period, String topic, int offset, int limit, Person asker) {
    return boards.leaderboard(scope, period, topic, offset, limit, asker);
  }

  /**
   * One page of the leaderboard across every Discord server and DM of the bot (all topics; terminal
   * answers are not on it), with the asker's own line.
   */
  public Leaderboard leaderboardEverywhere(Period period, int offset, int limit, Person asker) {
    return boards.leaderboardEverywhere(period, offset, limit, asker);
  }

  /**
   * A person's progress: answers, average, streaks, mastery per topic and question, score over
   * time.
   */
  public PersonStats stats(Person person) {
    return boards.stats(person);
  }

  /**
   * A person's progress as a place sees it: answers, points and streaks span every place; mastery
   * per topic and question covers the questions of {@link #bank(Scope)}, so a Discord server's own
   * banks show there and nowhere else.
   */
  public PersonStats stats(Person person, Scope scope) {
    return boards.stats(person, questions.bank(scope));
  }

  /**
   * Deletes every row of the person in one transaction, then drops what the grader and the
   * front-ends keep in memory about them ({@link #onForget}); returns the number of rows deleted.
   */
  public int forget(Person person) {
    return people.forget(person);
  }

  /**
   * Runs {@code listener} after each forget-me, so state kept in memory by person (pending
   * follow-ups in a front-end) goes with the database rows.
   */
  public void onForget(Consumer<Person> listener) {
    people.onForget(listener);
  }

  // ---------------------------------------------------------------- daily question

  /** The daily-question domain for Discord servers. */
  public DailyQuiz daily() {
    return daily;
  }
}
