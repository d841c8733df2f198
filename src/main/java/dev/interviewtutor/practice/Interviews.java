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
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.AttemptRow;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.InterviewRepository;
import dev.interviewtutor.store.InterviewRows.Item;
import dev.interviewtutor.store.InterviewRows.ItemStatus;
import dev.interviewtutor.store.InterviewRows.Session;
import dev.interviewtutor.store.InterviewRows.Status;
import dev.interviewtutor.store.PeopleRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mock interviews: start (abandoning the person's active one in the scope), resume, answer, hint,
 * skip, stop and summarise; position checks so an answer typed for one question is never recorded
 * for another; questions removed from the bank since the interview started are skipped.
 */
final class Interviews {
  private static final Logger LOG = LoggerFactory.getLogger(Interviews.class);
  private final Database db;
  private final Clock clock;
  private final Questions questions;
  private final QuestionPicker picker;
  private final AnswerRecorder recorder;
  private final Grader grader;
  private final FollowUpAsker followUps;

  Interviews(
      Database db,
      Clock clock,
      Questions questions,
      QuestionPicker picker,
      AnswerRecorder recorder,
      Grader grader,
      FollowUpAsker followUps) {
    this.db = db;
    this.clock = clock;
    this.questions = questions;
    this.picker = picker;
    this.recorder = recorder;
    this.grader = grader;
    this.followUps = followUps;
  }

  /**
   * Starts a mock interview (abandoning any active one of this person in this scope). Questions:
   * due reviews, then unseen, then weakest, presented in bank order.
   *
   * @param topic a bank topic, or null/blank for any
   * @param length number of questions (1–{@value PracticeService#MAX_INTERVIEW_LENGTH}; fewer if
   *     the topic has fewer)
   */
  InterviewState start(Person person, Scope scope, String topic, int length) {
    if (length < 1 || length > PracticeService.MAX_INTERVIEW_LENGTH) {
      throw new UserFacingException(
          "An interview has 1 to "
              + PracticeService.MAX_INTERVIEW_LENGTH
              + " questions, not "
              + length);
    }
    String wanted = topic == null ? "" : topic.strip();
    List<Question> picked =
        new ArrayList<>(picker.ranked(person, scope, wanted).stream().limit(length).toList());
    picked.sort(Comparator.comparingInt(q -> questions.bankIndex(q.id())));
    long id =
        db.write(
            c -> {
              long now = clock.instant().toEpochMilli();
              InterviewRepository.abandonActive(c, person.id(), scope.id(), now);
              return InterviewRepository.create(
                  c,
                  person.id(),
                  scope.id(),
                  wanted,
                  picked.stream().map(Question::id).toList(),
                  now);
            });
    return state(id);
  }

  /**
   * The person's interview in progress in this scope (it survives restarts). Questions removed from
   * the bank since are skipped first; an interview left with none ends.
   */
  Optional<InterviewState> active(Person person, Scope scope) {
    return db.read(c -> InterviewRepository.active(c, person.id(), scope.id()))
        .map(this::repaired)
        .map(this::state)
        .filter(s -> !s.finished());
  }

  /** The state of a session (questions removed from the bank since are skipped first). */
  InterviewState state(long sessionId) {
    return state(repaired(session(sessionId)));
  }

  /**
   * Like {@link PracticeService#answerInterview(long, String)}, for the question at {@code
   * position} (0-based) as the caller showed it: if the interview moved on meanwhile (another
   * terminal or window answered or skipped it), nothing is graded and {@link
   * InterviewMovedOnException} says which question is current, so an answer is never graded against
   * a question its author did not see.
   */
  InterviewTurn answer(long sessionId, int position, String text) {
    Session before = repaired(activeSession(sessionId));
    requireActive(before);
    requirePosition(before, position);
    Item item = before.items().get(before.position());
    Question question = questions.question(item.questionId());
    GradingContext context = recorder.context(before.scopeId());
    Grade grade = recorder.grade(question, text, context);
    InterviewTurn turn = answerAndAdvance(sessionId, before, question, text, grade);
    Optional<FollowUp> followUp =
        followUps.ask(questions.rubric(question), AnswerPolicy.check(text), grade, context);
    return followUp.isEmpty()
        ? turn
        : new InterviewTurn(turn.answer(), turn.next(), turn.summary(), followUp);
  }

  /**
   * Grades the reply to a follow-up against its one key point. Not recorded as an attempt: the
   * question's own answer already counts for points and reviews.
   */
  Grade answerFollowUp(long sessionId, FollowUp followUp, String text) {
    Session s = session(sessionId);
    GradingContext context = recorder.context(s.scopeId());
    String checked = AnswerPolicy.check(text);
    // Noted before grading: an LLM grade of this reply may be cached, and forget-me must find it.
    db.writeVoid(
        c -> PeopleRepository.noteFollowUpAnswer(c, s.personId(), GradeCache.answerHash(checked)));
    return grader.grade(followUp.rubric(), checked, context);
  }

  private InterviewTurn answerAndAdvance(
      long sessionId, Session before, Question question, String text, Grade grade) {
    return db.write(
        c -> {
          Session s = activeSession(c, sessionId);
          if (s.position() != before.position()) {
            throw new InterviewMovedOnException(
                "That question was already answered or skipped (in another window?);"
                    + " your answer was not recorded."
                    + nextQuestionText(s),
                s.position());
          }
          Person person = PeopleRepository.byId(c, s.personId()).orElseThrow();
          Scope scope = PeopleRepository.scopeById(c, s.scopeId()).orElseThrow();
          Item current = s.items().get(s.position());
          AnswerResult result =
              recorder.record(
                  c, person, scope, question, text, grade, AttemptKind.INTERVIEW, current.hints());
          InterviewRepository.updateItem(
              c,
              sessionId,
              new Item(
                  current.position(),
                  current.questionId(),
                  ItemStatus.ANSWERED,
                  current.hints(),
                  result.attemptId(),
                  result.score()));
          return advance(c, s, Optional.of(result));
        });
  }

  /** Skips the question at {@code position}; see {@link #answer} for the position. */
  InterviewTurn skip(long sessionId, int position) {
    return db.write(
        c -> {
          Session s = skipRemoved(c, activeSession(c, sessionId));
          requireActive(s);
          requirePosition(s, position);
          Item current = s.items().get(s.position());
          InterviewRepository.updateItem(
              c,
              sessionId,
              new Item(
                  current.position(),
                  current.questionId(),
                  ItemStatus.SKIPPED,
                  current.hints(),
                  null,
                  null));
          return advance(c, s, Optional.empty());
        });
  }

  /** Like {@link PracticeService#hintInterview(long)} for the question at {@code position}. */
  InterviewState hint(long sessionId, int position) {
    db.writeVoid(
        c -> {
          Session s = skipRemoved(c, activeSession(c, sessionId));
          requireActive(s);
          requirePosition(s, position);
          Item current = s.items().get(s.position());
          if (current.hints()
              < questions.hintOrder(questions.question(current.questionId())).size()) {
            InterviewRepository.updateItem(
                c,
                sessionId,
                new Item(
                    current.position(),
                    current.questionId(),
                    current.status(),
                    current.hints() + 1,
                    current.attemptId(),
                    current.score()));
          }
        });
    return state(sessionId);
  }

  /** Ends an interview early; unanswered questions count as skipped. Returns the summary. */
  InterviewSummary stop(long sessionId) {
    db.writeVoid(
        c -> {
          Session s = session(c, sessionId);
          if (s.status() == Status.ACTIVE) {
            InterviewRepository.move(
                c, sessionId, s.position(), Status.ABANDONED, clock.instant().toEpochMilli());
          }
        });
    return summary(sessionId);
  }

  /** The summary of a session (finished or not: unanswered questions count as skipped). */
  InterviewSummary summary(long sessionId) {
    return db.read(c -> summary(c, session(c, sessionId)));
  }

  private InterviewTurn advance(Connection c, Session s, Optional<AnswerResult> result)
      throws SQLException {
    int next = s.position() + 1;
    boolean done = next >= s.items().size();
    InterviewRepository.move(
        c, s.id(), next, done ? Status.FINISHED : Status.ACTIVE, clock.instant().toEpochMilli());
    Session after = skipRemoved(c, session(c, s.id()));
    boolean over = after.status() != Status.ACTIVE;
    return new InterviewTurn(
        result, state(after), over ? Optional.of(summary(c, after)) : Optional.empty());
  }

  private InterviewSummary summary(Connection c, Session s) throws SQLException {
    List<InterviewSummary.Item> items = new ArrayList<>();
    Map<String, Double> covered = new LinkedHashMap<>();
    Map<String, Double> missed = new LinkedHashMap<>();
    List<Map.Entry<Question, Integer>> weak = new ArrayList<>();
    int sum = 0;
    for (Item item : s.items()) {
      Question q = questions.questionOrRemoved(item.questionId());
      boolean gone = RemovedQuestion.is(q);
      boolean answered = item.status() == ItemStatus.ANSWERED;
      int score = answered && item.score() != null ? item.score() : 0;
      sum += score;
      items.add(new InterviewSummary.Item(q.id(), q.title(), score, !answered, item.hints()));
      if (!gone && (!answered || score < PracticeService.REVIEW_BELOW || item.hints() > 0)) {
        weak.add(Map.entry(q, score));
      }
      if (answered && item.attemptId() != null) {
        Map<String, Double> weights =
            gone
                ? Map.of()
                : questions.rubric(q).keyPoints().stream()
                    .collect(Collectors.toMap(KeyPoint::id, KeyPoint::weight, (a, b) -> a));
        Optional<AttemptRow> attempt = AttemptRepository.byId(c, item.attemptId());
        for (KeyPointResult r :
            attempt.map(a -> KeyPointJson.read(a.keyPointsJson())).orElse(List.of())) {
          double w = weights.getOrDefault(r.keyPointId(), 1.0);
          (r.coverage() == Coverage.MISSED ? missed : covered).merge(r.keyPoint(), w, Double::sum);
        }
      }
    }
    weak.sort(Map.Entry.comparingByValue());
    int average = s.items().isEmpty() ? 0 : Math.round((float) sum / s.items().size());
    return new InterviewSummary(
        s.id(),
        s.topic(),
        items,
        average,
        top(covered),
        top(missed),
        weak.stream().map(Map.Entry::getKey).toList());
  }

  private static List<String> top(Map<String, Double> weighted) {
    return weighted.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();
  }

  private InterviewState state(Session s) {
    boolean finished = s.status() != Status.ACTIVE || s.position() >= s.items().size();
    if (finished) {
      return new InterviewState(
          s.id(),
          s.topic(),
          Math.min(s.position(), s.items().size()),
          s.items().size(),
          Optional.empty(),
          List.of(),
          true);
    }
    Item item = s.items().get(s.position());
    Question q = questions.questionOrRemoved(item.questionId());
    List<KeyPoint> order = RemovedQuestion.is(q) ? List.of() : questions.hintOrder(q);
    return new InterviewState(
        s.id(),
        s.topic(),
        s.position(),
        s.items().size(),
        Optional.of(q),
        order.subList(0, Math.min(item.hints(), order.size())),
        false);
  }

  /**
   * The session with questions removed from the bank skipped (written only when there is one to
   * skip).
   */
  private Session repaired(Session s) {
    return currentRemoved(s) ? db.write(c -> skipRemoved(c, session(c, s.id()))) : s;
  }

  private boolean currentRemoved(Session s) {
    return s.status() == Status.ACTIVE
        && s.position() < s.items().size()
        && !questions.inBank(s.items().get(s.position()).questionId());
  }

  /**
   * Skips, inside the caller's transaction, every current question that is no longer in the bank
   * (deleted or renumbered since the interview started), finishing the interview if none is left.
   */
  private Session skipRemoved(Connection c, Session s) throws SQLException {
    Session current = s;
    while (currentRemoved(current)) {
      Item item = current.items().get(current.position());
      LOG.info(
          "interview {}: question {} is no longer in the bank; skipped",
          current.id(),
          item.questionId());
      InterviewRepository.updateItem(
          c,
          current.id(),
          new Item(
              item.position(), item.questionId(), ItemStatus.SKIPPED, item.hints(), null, null));
      int next = current.position() + 1;
      InterviewRepository.move(
          c,
          current.id(),
          next,
          next >= current.items().size() ? Status.FINISHED : Status.ACTIVE,
          clock.instant().toEpochMilli());
      current = session(c, current.id());
    }
    return current;
  }

  private static void requireActive(Session s) {
    if (s.status() != Status.ACTIVE || s.position() >= s.items().size()) {
      throw new UserFacingException("This interview is over; start a new one.");
    }
  }

  private void requirePosition(Session s, int position) {
    if (position != PracticeService.CURRENT && position != s.position()) {
      throw new InterviewMovedOnException(
          "This interview moved on in another window: question "
              + (position + 1)
              + " was already answered or skipped there; nothing was recorded."
              + nextQuestionText(s),
          s.position());
    }
  }

  private String nextQuestionText(Session s) {
    return s.position() < s.items().size()
        ? " Question " + (s.position() + 1) + " of " + s.items().size() + " is next."
        : "";
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
    requireActive(s);
    return s;
  }
}
