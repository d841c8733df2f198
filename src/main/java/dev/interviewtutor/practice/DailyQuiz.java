package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.DailyClaimRepository;
import dev.interviewtutor.store.DailyRepository;
import dev.interviewtutor.store.DailyRows;
import dev.interviewtutor.store.DailyRows.Answer;
import dev.interviewtutor.store.DailyRows.Post;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.PeopleRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.ProgressRepository;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The daily question of a Discord server, without Discord: settings, when a post is due, which
 * question, sealed answers and the reveal. The front-end polls {@link #duePosts()} (say every
 * minute), and for each one calls {@link #claim}, reveals the previous post ({@link #unrevealed},
 * {@link #reveal}), sends the message, then {@link #delivered} or, when sending fails, {@link
 * #deliveryFailed} (which pauses the schedule).
 *
 * <p>Correct over time: the post for a server-local date is due from that date's local time
 * (resolved by {@link ZonedDateTime#of}: a time skipped by a DST gap moves forward, an ambiguous
 * one takes the earlier offset) until it is delivered, so a bot that was down posts the latest
 * missed date once on return; one post per date (unique in the database) so never twice; a failed
 * delivery pauses instead of skipping silently.
 */
public final class DailyQuiz {
  private static final int TOP_SCORERS = 5;
  private final Database db;
  private final Clock clock;
  private final Questions questions;
  private final AnswerRecorder recorder;

  DailyQuiz(Database db, Clock clock, Questions questions, AnswerRecorder recorder) {
    this.db = db;
    this.clock = clock;
    this.questions = questions;
    this.recorder = recorder;
  }

  /**
   * Sets up (or changes) the daily question of a server; clears any pause. Posts start from the
   * next time.
   */
  public DailySettings configure(
      Scope scope, String channelId, LocalTime time, ZoneId zone, Person setUpBy) {
    requireGuild(scope);
    long now = clock.instant().toEpochMilli();
    return db.write(
        c -> {
          DailyRepository.putSettings(
              c,
              new DailyRows.Settings(
                  scope.id(),
                  channelId,
                  time.withSecond(0).withNano(0),
                  zone,
                  true,
                  false,
                  "",
                  setUpBy == null ? null : setUpBy.id(),
                  now));
          return settings(c, scope).orElseThrow();
        });
  }

  /** {@code /daily off}: no more posts until set up again. */
  public void disable(Scope scope) {
    db.writeVoid(
        c -> {
          Optional<DailyRows.Settings> s = DailyRepository.settings(c, scope.id());
          if (s.isPresent()) {
            DailyRows.Settings v = s.get();
            DailyRepository.putSettings(
                c,
                new DailyRows.Settings(
                    v.scopeId(),
                    v.channelId(),
                    v.localTime(),
                    v.zone(),
                    false,
                    v.paused(),
                    v.pauseReason(),
                    v.setUpBy(),
                    v.activeFrom()));
          }
        });
  }

  /** Resumes a paused schedule; a post missed while paused becomes due (once). */
  public void resume(Scope scope) {
    db.writeVoid(
        c -> {
          Optional<DailyRows.Settings> s = DailyRepository.settings(c, scope.id());
          if (s.isPresent()) {
            DailyRows.Settings v = s.get();
            DailyRepository.putSettings(
                c,
                new DailyRows.Settings(
                    v.scopeId(),
                    v.channelId(),
                    v.localTime(),
                    v.zone(),
                    v.enabled(),
                    false,
                    "",
                    v.setUpBy(),
                    v.activeFrom()));
          }
        });
  }

  public Optional<DailySettings> settings(Scope scope) {
    return db.read(c -> settings(c, scope));
  }

  /** Scheduled posts due at the clock's now, for every running server. */
  public List<DuePost> duePosts() {
    return duePosts(clock.instant());
  }

  /** Scheduled posts due at {@code now} (a scheduler with its own clock passes its time). */
  public List<DuePost> duePosts(Instant now) {
    return db.read(
        c -> {
          List<DuePost> due = new ArrayList<>();
          for (DailyRows.Settings s : DailyRepository.running(c)) {
            LocalDate date = now.atZone(s.zone()).toLocalDate();
            ZonedDateTime at = ZonedDateTime.of(date, s.localTime(), s.zone());
            if (at.toInstant().isAfter(now)) {
              date = date.minusDays(1);
              at = ZonedDateTime.of(date, s.localTime(), s.zone());
            }
            if (at.toInstant().toEpochMilli() < s.activeFrom()) {
              continue;
            }
            Optional<Post> existing =
                DailyRepository.scheduledPost(c, s.scopeId(), date.toString());
            if (existing.isPresent() && existing.get().postedAt() != null) {
              continue;
            }
            Scope scope = PeopleRepository.scopeById(c, s.scopeId()).orElseThrow();
            due.add(new DuePost(toSettings(c, scope, s), date, at.toInstant()));
          }
          return due;
        });
  }

  /**
   * How many scheduled days before {@code due} got no post (the bot was down or the schedule
   * paused): the dates since the last delivered scheduled post (or since the schedule started), so
   * a catch-up post can say so instead of skipping them silently.
   */
  public int missedBefore(DuePost due) {
    DailySettings s = due.settings();
    return db.read(
        c -> {
          DailyRows.Settings row = DailyRepository.settings(c, s.scope().id()).orElseThrow();
          LocalDate lastDelivered = null;
          for (Post p : DailyRepository.posts(c, row.scopeId())) {
            if (p.scheduledFor() != null && p.postedAt() != null) {
              LocalDate d = LocalDate.parse(p.scheduledFor());
              if (d.isBefore(due.date()) && (lastDelivered == null || d.isAfter(lastDelivered))) {
                lastDelivered = d;
              }
            }
          }
          LocalDate from =
              lastDelivered != null
                  ? lastDelivered.plusDays(1)
                  : Instant.ofEpochMilli(row.activeFrom()).atZone(row.zone()).toLocalDate();
          int missed = 0;
          for (LocalDate d = from; d.isBefore(due.date()); d = d.plusDays(1)) {
            if (ZonedDateTime.of(d, row.localTime(), row.zone()).toInstant().toEpochMilli()
                >= row.activeFrom()) {
              missed++;
            }
          }
          return missed;
        });
  }

  /**
   * Claims the post for a due date, choosing its question; claiming the same date again returns the
   * same post (so a crash between claim and delivery re-sends the same question, never a second
   * one).
   */
  public DailyPost claim(DuePost due) {
    long scopeId = due.settings().scope().id();
    QuestionBank visible =
        questions.bank(scopeId); // read before the transaction: it may read the database
    return db.write(
        c -> {
          Optional<Post> existing =
              DailyRepository.scheduledPost(c, scopeId, due.date().toString());
          if (existing.isPresent()
              && existing.get().postedAt() == null
              && visible.find(existing.get().questionId()).isEmpty()) {
            // Claimed, not yet sent, and its question was removed from the bank since: choose again
            // rather than
            // fail (and be retried) forever.
            DailyRepository.deletePost(c, existing.get().id());
            existing = Optional.empty();
          }
          if (existing.isPresent()) {
            return toPost(existing.get());
          }
          Question q = choose(c, visible, scopeId, due.date().toEpochDay());
          return toPost(
              DailyRepository.claim(
                  c, scopeId, q.id(), due.date().toString(), clock.instant().toEpochMilli()));
        });
  }

  /** {@code /daily now}: claims an extra post right away (not tied to the schedule). */
  public DailyPost postNow(Scope scope) {
    requireGuild(scope);
    QuestionBank visible = questions.bank(scope);
    return db.write(
        c -> {
          long now = clock.instant().toEpochMilli();
          Question q = choose(c, visible, scope.id(), now);
          return toPost(DailyRepository.claim(c, scope.id(), q.id(), null, now));
        });
  }

  /** The front-end sent the post's message. */
  public void delivered(long postId, String messageId) {
    db.writeVoid(
        c -> DailyRepository.markPosted(c, postId, messageId, clock.instant().toEpochMilli()));
  }

  /**
   * Sending failed (deleted channel, missing permission): the claim is dropped and the schedule
   * pauses with the reason, so it is neither retried every minute nor silently skipped. Returns the
   * settings (tell {@link DailySettings#setUpBy()}).
   */
  public DailySettings deliveryFailed(long postId, String reason) {
    return db.write(
        c -> {
          Post p =
              DailyRepository.post(c, postId)
                  .orElseThrow(
                      () -> new UserFacingException("There is no daily post " + postId + "."));
          DailyRepository.deletePost(c, postId);
          DailyRows.Settings s = DailyRepository.settings(c, p.scopeId()).orElseThrow();
          DailyRepository.putSettings(
              c,
              new DailyRows.Settings(
                  s.scopeId(),
                  s.channelId(),
                  s.localTime(),
                  s.zone(),
                  s.enabled(),
                  true,
                  reason,
                  s.setUpBy(),
                  s.activeFrom()));
          return settings(c, PeopleRepository.scopeById(c, p.scopeId()).orElseThrow())
              .orElseThrow();
        });
  }

  public DailyPost post(long postId) {
    return db.read(c -> DailyRepository.post(c, postId))
        .map(this::toPost)
        .orElseThrow(() -> new UserFacingException("There is no daily post " + postId + "."));
  }

  /** The newest delivered post of a server. */
  public Optional<DailyPost> latest(Scope scope) {
    return db.read(c -> DailyRepository.posts(c, scope.id())).stream()
        .filter(p -> p.postedAt() != null)
        .findFirst()
        .map(this::toPost);
  }

  /** Delivered posts not yet revealed, oldest first (reveal them before posting the next one). */
  public List<DailyPost> unrevealed(Scope scope) {
    List<DailyPost> out =
        new ArrayList<>(
            db.read(c -> DailyRepository.posts(c, scope.id())).stream()
                .filter(p -> p.postedAt() != null && p.revealedAt() == null)
                .map(this::toPost)
                .toList());
    out.sort(Comparator.comparing(DailyPost::claimedAt));
    return out;
  }

  /**
   * Per scope id, how many delivered posts wait for their reveal (one query for every server, so a
   * busy minute can be planned before it is sent).
   */
  public java.util.Map<Long, Integer> unrevealedCounts() {
    return db.read(DailyRepository::unrevealedCounts);
  }

  /**
   * Grades and seals a member's answer. Only the first answer counts (and earns points); a later
   * one returns the first result again; after the reveal answers are closed.
   *
   * @param share whether the member agrees to show the answer text at the reveal
   */
  public DailyAnswerResult answer(long postId, Person person, String text, boolean share) {
    DailyPost post = post(postId);
    Optional<DailyAnswerResult> earlier = myAnswer(postId, person);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (post.revealed() || RemovedQuestion.is(post.question())) {
      return new DailyAnswerResult(DailyAnswerResult.Status.CLOSED, Optional.empty(), false);
    }
    Grade grade = recorder.grade(post.question(), text, recorder.context(post.scopeId()));
    return db.write(
        c -> {
          Optional<Answer> first = DailyRepository.answer(c, postId, person.id());
          if (first.isPresent()) {
            return sealed(first.get(), DailyAnswerResult.Status.ALREADY_ANSWERED);
          }
          Post p = DailyRepository.post(c, postId).orElseThrow();
          if (p.revealedAt() != null) {
            return new DailyAnswerResult(DailyAnswerResult.Status.CLOSED, Optional.empty(), false);
          }
          Scope scope = PeopleRepository.scopeById(c, p.scopeId()).orElseThrow();
          AnswerResult result =
              recorder.record(c, person, scope, post.question(), text, grade, AttemptKind.DAILY, 0);
          DailyRepository.insertAnswer(c, postId, person.id(), result.attemptId(), share);
          return new DailyAnswerResult(
              DailyAnswerResult.Status.ACCEPTED, Optional.of(result), share);
        });
  }

  /**
   * Changes whether the member's sealed answer is shown at the reveal ("share my answer"). Returns
   * false when the member has not answered, or the post is already revealed (too late to change).
   */
  public boolean setShared(long postId, Person person, boolean share) {
    return db.write(
        c -> {
          Optional<Post> p = DailyRepository.post(c, postId);
          if (p.isEmpty() || p.get().revealedAt() != null) {
            return false;
          }
          return DailyRepository.setShare(c, postId, person.id(), share);
        });
  }

  /** The member's own sealed answer to a post, if any (status ALREADY_ANSWERED). */
  public Optional<DailyAnswerResult> myAnswer(long postId, Person person) {
    return db.read(c -> DailyRepository.answer(c, postId, person.id()))
        .map(a -> sealed(a, DailyAnswerResult.Status.ALREADY_ANSWERED));
  }

  /** Closes answers and returns the group result; revealing again returns the same summary. */
  public RevealSummary reveal(long postId) {
    markRevealed(postId);
    return summary(postId);
  }

  /**
   * Closes answers to the post: call it once the reveal was posted, so a failed reveal is tried
   * again.
   */
  public void markRevealed(long postId) {
    db.writeVoid(c -> DailyRepository.markRevealed(c, postId, clock.instant().toEpochMilli()));
  }

  /** The group result of the answers so far, without closing answers. */
  public RevealSummary summary(long postId) {
    DailyPost post = post(postId);
    List<Answer> answers = db.read(c -> DailyRepository.answers(c, postId));
    Rubric rubric = questions.rubric(post.question());
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (KeyPoint k : rubric.keyPoints()) {
      counts.put(k.id(), new int[3]);
      texts.put(k.id(), k.text());
    }
    double sum = 0;
    for (Answer a : answers) {
      sum += a.attempt().score();
      for (KeyPointResult r : KeyPointJson.read(a.attempt().keyPointsJson())) {
        int[] c = counts.computeIfAbsent(r.keyPointId(), k -> new int[3]);
        texts.putIfAbsent(r.keyPointId(), r.keyPoint());
        c[r.coverage().ordinal()]++;
      }
    }
    List<RevealSummary.KeyPointCount> keyPoints =
        counts.entrySet().stream()
            .map(
                e ->
                    new RevealSummary.KeyPointCount(
                        e.getKey(),
                        texts.get(e.getKey()),
                        e.getValue()[Coverage.COVERED.ordinal()],
                        e.getValue()[Coverage.PARTIAL.ordinal()],
                        e.getValue()[Coverage.MISSED.ordinal()]))
            .toList();
    Optional<RevealSummary.KeyPointCount> mostMissed =
        answers.isEmpty()
            ? Optional.empty()
            : keyPoints.stream()
                .filter(k -> k.missed() > 0)
                .max(Comparator.comparingInt(RevealSummary.KeyPointCount::missed));
    List<RevealSummary.Scorer> top =
        answers.stream()
            .limit(TOP_SCORERS)
            .map(
                a ->
                    new RevealSummary.Scorer(
                        a.person().key(), a.person().displayName(), a.attempt().score()))
            .toList();
    List<RevealSummary.SharedAnswer> shared =
        answers.stream()
            .filter(Answer::share)
            .map(
                a ->
                    new RevealSummary.SharedAnswer(
                        a.person().key(),
                        a.person().displayName(),
                        a.attempt().score(),
                        a.attempt().answer()))
            .toList();
    return new RevealSummary(
        post,
        answers.size(),
        answers.isEmpty() ? 0 : sum / answers.size(),
        keyPoints,
        mostMissed,
        rubric.referenceAnswer(),
        rubric.tip(),
        top,
        shared);
  }

  // ---------------------------------------------------------------- internals

  /**
   * Every question before repeats (least-posted first), weighted towards what the group does worst
   * (weight = 10 + 100 − the scope's average score, 50 when unanswered), never the previous post's
   * question when there is a choice. Deterministic for a scope and seed.
   */
  /**
   * Claims the sending of a due post for {@code holder} (one process) for {@code lease}, in the
   * database, so that of several processes that find it due (two holding the same gateway shard
   * during a rolling restart) exactly one sends it. True when this holder may send it now: no other
   * holder's claim is live and it is not delivered yet. A holder that does not send it gives it up
   * with {@link #releasePublishing}; one that dies lets the claim lapse after {@code lease}, and
   * another process sends it then (late, never skipped).
   */
  public boolean holdPublishing(DuePost due, String holder, Duration lease) {
    long scopeId = due.settings().scope().id();
    String date = due.date().toString();
    long now = clock.instant().toEpochMilli();
    return db.write(
        c -> {
          if (!DailyClaimRepository.tryHold(
              c, scopeId, date, holder, now, now + lease.toMillis())) {
            return false;
          }
          // Claimed, but the due list may be stale: another process may have sent it and let its
          // claim lapse since.
          Optional<Post> existing = DailyRepository.scheduledPost(c, scopeId, date);
          return existing.isEmpty() || existing.get().postedAt() == null;
        });
  }

  /** {@code holder} did not send the post: any process may send it at once. */
  public void releasePublishing(DuePost due, String holder) {
    db.writeVoid(
        c ->
            DailyClaimRepository.release(
                c, due.settings().scope().id(), due.date().toString(), holder));
  }

  /**
   * Forgets publishing claims that lapsed before {@code before} (their posts were sent or given up
   * long ago).
   */
  public int pruneClaims(Instant before) {
    return db.write(c -> DailyClaimRepository.prune(c, before.toEpochMilli()));
  }

  private Question choose(Connection c, QuestionBank visible, long scopeId, long seed)
      throws SQLException {
    List<Question> all = visible.questions();
    if (all.isEmpty()) {
      throw new UserFacingException("The question bank is empty: nothing to post.");
    }
    Map<String, Integer> posted = DailyRepository.postCounts(c, scopeId);
    int least = all.stream().mapToInt(q -> posted.getOrDefault(q.id(), 0)).min().orElse(0);
    List<Question> pool =
        new ArrayList<>(all.stream().filter(q -> posted.getOrDefault(q.id(), 0) == least).toList());
    List<Post> history = DailyRepository.posts(c, scopeId);
    if (pool.size() > 1 && !history.isEmpty()) {
      String previous = history.get(0).questionId();
      pool.removeIf(q -> q.id().equals(previous));
    }
    Map<String, Double> averages = AttemptRepository.averageByQuestion(c, scopeId);
    double[] weights =
        pool.stream().mapToDouble(q -> 10 + 100 - averages.getOrDefault(q.id(), 50.0)).toArray();
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double pick = new Random(scopeId * 1_000_003L + seed).nextDouble() * total;
    for (int i = 0; i < pool.size(); i++) {
      pick -= weights[i];
      if (pick < 0) {
        return pool.get(i);
      }
    }
    return pool.get(pool.size() - 1);
  }

  private DailyAnswerResult sealed(Answer a, DailyAnswerResult.Status status) {
    Question q = questions.questionOrRemoved(a.attempt().questionId());
    var row = a.attempt();
    Grade grade =
        new Grade(
            q.id(),
            row.score(),
            row.verdict(),
            KeyPointJson.read(row.keyPointsJson()),
            List.of(),
            "",
            questions.rubric(q).tip(),
            row.grader(),
            List.of());
    LocalDate due =
        db.read(c -> ProgressRepository.review(c, a.person().id(), q.id()))
            .map(r -> LocalDate.parse(r.dueDay()))
            .orElse(LocalDate.parse(row.localDay()));
    AnswerResult result =
        new AnswerResult(
            q,
            grade,
            MissedPoints.of(grade, questions.rubric(q)),
            row.score(),
            false,
            row.points(),
            row.id(),
            due,
            0);
    return new DailyAnswerResult(status, Optional.of(result), a.share());
  }

  private DailyPost toPost(Post p) {
    return new DailyPost(
        p.id(),
        p.scopeId(),
        questions.questionOrRemoved(p.questionId()),
        Optional.ofNullable(p.scheduledFor()).map(LocalDate::parse),
        Instant.ofEpochMilli(p.claimedAt()),
        p.postedAt() != null,
        Optional.ofNullable(p.messageId()),
        p.revealedAt() != null);
  }

  private Optional<DailySettings> settings(Connection c, Scope scope) throws SQLException {
    Optional<DailyRows.Settings> s = DailyRepository.settings(c, scope.id());
    return s.isEmpty() ? Optional.empty() : Optional.of(toSettings(c, scope, s.get()));
  }

  private static DailySettings toSettings(Connection c, Scope scope, DailyRows.Settings s)
      throws SQLException {
    Optional<String> by =
        s.setUpBy() == null
            ? Optional.empty()
            : PeopleRepository.byId(c, s.setUpBy()).map(Person::key);
    return new DailySettings(
        scope,
        s.channelId(),
        s.localTime(),
        s.zone(),
        s.enabled(),
        s.paused(),
        s.pauseReason(),
        by);
  }

  private static void requireGuild(Scope scope) {
    if (scope.kind() != ScopeKind.GUILD) {
      throw new UserFacingException(
          "The daily question is set up per server, not in a " + scope.kind().dbName() + ".");
    }
  }
}
