package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyQuizTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @TempDir Path dir;
  final QuestionBank bank = TestBank.bank(6, 4);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T06:00:00Z"));
  Database db;
  PracticeService service;
  DailyQuiz daily;
  Scope guild;
  Person admin;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
    service = new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, clock);
    daily = service.daily();
    guild = service.scope(ScopeKind.GUILD, "100", "Study group");
    admin = service.person("discord:1", "Admin");
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Instant berlin(String date, int hour, int minute) {
    return ZonedDateTime.of(LocalDate.parse(date), LocalTime.of(hour, minute), BERLIN).toInstant();
  }

  /** Runs the scheduler loop once as the Discord adapter would; returns the dates posted. */
  List<LocalDate> tick() {
    return daily.duePosts().stream()
        .map(
            due -> {
              DailyPost post = daily.claim(due);
              daily.delivered(post.id(), "msg-" + post.id());
              return due.date();
            })
        .toList();
  }

  @Test
  void posts_at_the_local_time_once_per_day_across_the_spring_dst_change() {
    daily.configure(guild, "chan", LocalTime.of(9, 0), BERLIN, admin);
    assertEquals(List.of(), tick(), "07:00 local: not yet");
    clock.set(berlin("2026-03-27", 8, 59));
    assertEquals(List.of(), tick());
    clock.set(berlin("2026-03-27", 9, 0));
    assertEquals(List.of(LocalDate.of(2026, 3, 27)), tick());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(List.of(), tick(), "never twice");
    // 29 March: clocks jump 02:00 -> 03:00; 09:00 local is 07:00Z instead of 08:00Z.
    clock.set(Instant.parse("2026-03-28T08:00:00Z"));
    assertEquals(List.of(LocalDate.of(2026, 3, 28)), tick());
    clock.set(Instant.parse("2026-03-29T06:59:00Z"));
    assertEquals(List.of(), tick());
    clock.set(Instant.parse("2026-03-29T07:00:00Z"));
    assertEquals(List.of(LocalDate.of(2026, 3, 29)), tick(), "09:00 CEST = 07:00Z");
  }

  @Test
  void a_time_inside_the_dst_gap_posts_once_just_after_the_gap() {
    daily.configure(guild, "chan", LocalTime.of(2, 30), BERLIN, admin);
    clock.set(Instant.parse("2026-03-28T01:30:00Z")); // 02:30 CET on the day before
    assertEquals(List.of(LocalDate.of(2026, 3, 28)), tick());
    clock.set(Instant.parse("2026-03-29T00:59:00Z")); // 01:59 CET
    assertEquals(List.of(), tick());
    clock.set(
        Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST: 02:30 did not exist, moved forward
    assertEquals(List.of(LocalDate.of(2026, 3, 29)), tick());
    clock.advance(Duration.ofHours(3));
    assertEquals(List.of(), tick());
  }

  @Test
  void an_ambiguous_autumn_time_posts_once() {
    daily.configure(guild, "chan", LocalTime.of(2, 30), BERLIN, admin);
    clock.set(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST, the first of two 02:30s
    assertEquals(List.of(LocalDate.of(2026, 10, 25)), tick());
    clock.set(Instant.parse("2026-10-25T01:30:00Z")); // 02:30 CET, the second
    assertEquals(List.of(), tick(), "never twice on the 25-hour day");
  }

  @Test
  void after_downtime_the_latest_missed_post_goes_out_once() {
    daily.configure(guild, "chan", LocalTime.of(9, 0), BERLIN, admin);
    clock.set(berlin("2026-03-27", 9, 0));
    assertEquals(1, tick().size());
    // The bot is down from 27 March 10:00 to 30 March 15:00 (three posts missed).
    clock.set(berlin("2026-03-30", 15, 0));
    assertEquals(List.of(LocalDate.of(2026, 3, 30)), tick(), "posts once on return");
    assertEquals(List.of(), tick());
    // Down over the posting time into the next morning: yesterday's post goes out before today's
    // time.
    clock.set(berlin("2026-04-01", 7, 0));
    assertEquals(List.of(LocalDate.of(2026, 3, 31)), tick());
    clock.set(berlin("2026-04-01", 9, 0));
    assertEquals(List.of(LocalDate.of(2026, 4, 1)), tick());
  }

  @Test
  void a_crash_between_claim_and_delivery_resends_the_same_question() {
    daily.configure(guild, "chan", LocalTime.of(9, 0), BERLIN, admin);
    clock.set(berlin("2026-03-27", 9, 0));
    DuePost due = daily.duePosts().get(0);
    DailyPost claimed = daily.claim(due);
    // crash: never delivered
    List<DuePost> again = daily.duePosts();
    assertEquals(1, again.size());
    DailyPost reclaimed = daily.claim(again.get(0));
    assertEquals(claimed.id(), reclaimed.id());
    assertEquals(claimed.question().id(), reclaimed.question().id());
  }

  @Test
  void a_delivery_failure_pauses_the_schedule_instead_of_failing_daily_and_resume_posts_once() {
    daily.configure(guild, "chan", LocalTime.of(9, 0), BERLIN, admin);
    clock.set(berlin("2026-03-27", 9, 0));
    DailyPost post = daily.claim(daily.duePosts().get(0));
    DailySettings paused =
        daily.deliveryFailed(post.id(), "Missing permission: Send Messages in #chan");
    assertTrue(paused.paused());
    assertEquals("Missing permission: Send Messages in #chan", paused.pauseReason());
    assertEquals("discord:1", paused.setUpBy().orElseThrow(), "who to tell");
    clock.set(berlin("2026-03-28", 9, 0));
    assertEquals(List.of(), daily.duePosts(), "paused: no retry every minute");
    daily.resume(guild);
    assertEquals(
        List.of(LocalDate.of(2026, 3, 28)), tick(), "not silently skipped: due again once resumed");
  }

  @Test
  void off_stops_posting_and_dms_cannot_have_a_daily_question() {
    daily.configure(guild, "chan", LocalTime.of(9, 0), BERLIN, admin);
    daily.disable(guild);
    clock.set(berlin("2026-03-27", 10, 0));
    assertEquals(List.of(), daily.duePosts());
    assertFalse(daily.settings(guild).orElseThrow().enabled());
    Scope dm = service.scope(ScopeKind.DM, "5", "");
    assertThrows(UserFacingException.class, () -> daily.postNow(dm));
  }

  @Test
  void every_question_is_posted_before_any_repeats() {
    Set<String> firstRound = new HashSet<>();
    for (int i = 0; i < bank.questions().size(); i++) {
      DailyPost p = daily.postNow(guild);
      daily.delivered(p.id(), "m");
      assertTrue(
          firstRound.add(p.question().id()),
          "repeat before every question was posted: " + p.question().id());
      clock.advance(Duration.ofDays(1));
    }
    assertEquals(bank.questions().size(), firstRound.size());
    String last = daily.latest(guild).orElseThrow().question().id();
    DailyPost next = daily.postNow(guild);
    assertFalse(
        next.question().id().equals(last),
        "the second round does not start with the previous question");
  }

  @Test
  void the_question_of_the_day_leans_towards_what_the_group_does_worst() {
    // The group answers every question but question 4 perfectly; over many servers, 4 is picked
    // most often.
    Person member = service.person("discord:2", "M");
    int picksOfWeakest = 0;
    int servers = 60;
    for (int s = 0; s < servers; s++) {
      Scope g = service.scope(ScopeKind.GUILD, "g" + s, "");
      for (Question q : bank.questions()) {
        String answer = q.id().equals("4") ? "nothing" : TestBank.answerCovering(q.id(), 1, 2, 3);
        service.answer(member, g, q, answer, dev.interviewtutor.store.AttemptKind.PRACTICE, 0);
      }
      if (daily.postNow(g).question().id().equals("4")) {
        picksOfWeakest++;
      }
    }
    // Weights: 110 for question 4, 10 for each of the 9 others -> 55% expected, uniform would be
    // 10%.
    assertTrue(
        picksOfWeakest >= servers / 4,
        "weakest question picked " + picksOfWeakest + " of " + servers);
  }

  @Test
  void answers_are_sealed_first_one_counts_and_the_reveal_summarises_the_group() {
    Person ana = service.person("discord:11", "Ana");
    Person bo = service.person("discord:12", "Bo");
    Person cy = service.person("discord:13", "Cy");
    DailyPost post = daily.postNow(guild);
    daily.delivered(post.id(), "m1");
    String id = post.question().id();

    DailyAnswerResult a = daily.answer(post.id(), ana, TestBank.answerCovering(id, 1, 2, 3), true);
    assertEquals(DailyAnswerResult.Status.ACCEPTED, a.status());
    assertEquals(100, a.answer().orElseThrow().points());
    DailyAnswerResult again = daily.answer(post.id(), ana, "a worse second try", false);
    assertEquals(DailyAnswerResult.Status.ALREADY_ANSWERED, again.status());
    assertEquals(100, again.answer().orElseThrow().score(), "the first answer stands");
    daily.answer(post.id(), bo, TestBank.answerCovering(id, 2), false);
    daily.answer(post.id(), cy, TestBank.answerCovering(id, 1, 3), false);
    assertEquals(
        20,
        daily.myAnswer(post.id(), bo).orElseThrow().answer().orElseThrow().score(),
        "each member sees only their own");

    RevealSummary r = daily.reveal(post.id());
    assertEquals(3, r.answered());
    assertEquals(
        List.of(3 - 1, 2, 2),
        r.keyPoints().stream().map(RevealSummary.KeyPointCount::covered).toList());
    assertEquals(
        List.of(1, 1, 1), r.keyPoints().stream().map(RevealSummary.KeyPointCount::missed).toList());
    assertTrue(r.mostMissed().isPresent());
    assertEquals("Model answer for " + id, r.modelAnswer());
    assertEquals(
        List.of("Ana", "Cy", "Bo"),
        r.topScorers().stream().map(RevealSummary.Scorer::displayName).toList());
    assertEquals(1, r.shared().size(), "only Ana opted in to sharing");
    assertEquals("Ana", r.shared().get(0).displayName());
    assertTrue(r.shared().get(0).answer().contains("q" + id + "a"));
    assertTrue(daily.post(post.id()).revealed());

    Person late = service.person("discord:14", "Late");
    assertEquals(
        DailyAnswerResult.Status.CLOSED, daily.answer(post.id(), late, "x", false).status());
    assertEquals(3, daily.reveal(post.id()).answered(), "revealing again gives the same result");
  }

  @Test
  void the_previous_post_is_listed_for_reveal_before_the_next_one() {
    DailyPost first = daily.postNow(guild);
    daily.delivered(first.id(), "m1");
    assertEquals(List.of(first.id()), daily.unrevealed(guild).stream().map(DailyPost::id).toList());
    daily.reveal(first.id());
    assertEquals(List.of(), daily.unrevealed(guild));
  }
}
