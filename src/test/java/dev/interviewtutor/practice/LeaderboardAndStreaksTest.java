package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.AttemptKind;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardAndStreaksTest {
  @TempDir Path dir;
  final QuestionBank bank = TestBank.bank(6, 4);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-25T12:00:00Z")); // a Wednesday
  Database db;
  PracticeService service;
  Scope guild;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
    service = new PracticeService(bank, TestBank::rubric, new KeywordTestGrader(), db, clock);
    guild = service.scope(ScopeKind.GUILD, "7", "Guild");
  }

  @AfterEach
  void close() {
    db.close();
  }

  /**
   * Gives the person answers to the listed questions covering key points as given (1 = 60, 1+2 = 80
   * ...).
   */
  AnswerResult answer(Person p, String questionId, int... keyPoints) {
    return service.answer(
        p,
        guild,
        service.question(questionId),
        TestBank.answerCovering(questionId, keyPoints),
        AttemptKind.PRACTICE,
        0);
  }

  @Test
  void ties_share_a_rank_pages_continue_ranks_and_the_asker_sees_their_own_rank() {
    // Points: A 100, B 80, C 80, D 80, E 60, F 20.
    Person a = service.person("discord:1", "A");
    Person b = service.person("discord:2", "B");
    Person c = service.person("discord:3", "C");
    Person d = service.person("discord:4", "D");
    Person e = service.person("discord:5", "E");
    Person f = service.person("discord:6", "F");
    answer(a, "1", 1, 2, 3);
    answer(b, "1", 1, 2);
    answer(c, "2", 1, 2);
    answer(d, "7", 1, 3);
    answer(e, "3", 1);
    answer(f, "4", 2);

    Leaderboard first = service.leaderboard(guild, Period.WEEK, null, 0, 3, f);
    assertEquals(6, first.total());
    assertEquals(
        List.of("A", "B", "C"),
        first.entries().stream().map(Leaderboard.Entry::displayName).toList());
    assertEquals(List.of(1, 2, 2), first.entries().stream().map(Leaderboard.Entry::rank).toList());
    assertEquals(
        List.of(100, 80, 80), first.entries().stream().map(Leaderboard.Entry::points).toList());
    assertTrue(first.hasNext());
    Leaderboard.Entry own = first.asker().orElseThrow();
    assertEquals(6, own.rank(), "F is outside the page but sees their rank");
    assertEquals(20, own.points());

    Leaderboard second = service.leaderboard(guild, Period.WEEK, null, 3, 3, b);
    assertEquals(
        List.of("D", "E", "F"),
        second.entries().stream().map(Leaderboard.Entry::displayName).toList());
    assertEquals(
        List.of(2, 5, 6),
        second.entries().stream().map(Leaderboard.Entry::rank).toList(),
        "D ties with B and C across the page boundary");
    assertFalse(second.hasNext());
    assertEquals(2, second.asker().orElseThrow().rank());

    Leaderboard sql = service.leaderboard(guild, Period.ALL, "SQL", 0, 10, a);
    assertEquals("sql", sql.topic());
    assertEquals(List.of("D"), sql.entries().stream().map(Leaderboard.Entry::displayName).toList());
    assertTrue(sql.asker().isEmpty(), "A answered no sql question");
  }

  @Test
  void week_month_and_all_time_boards_cover_their_periods() {
    Person a = service.person("discord:1", "A");
    Person b = service.person("discord:2", "B");
    answer(a, "1", 1, 2, 3); // Wed 25 March: A 100
    clock.set(Instant.parse("2026-03-30T12:00:00Z")); // Monday of the next week
    answer(b, "1", 1); // B 60
    assertEquals(List.of("B"), names(service.leaderboard(guild, Period.WEEK, "", 0, 10, a)));
    assertEquals(List.of("A", "B"), names(service.leaderboard(guild, Period.MONTH, "", 0, 10, a)));
    clock.set(Instant.parse("2026-04-01T12:00:00Z"));
    answer(b, "2", 1, 2); // B 60 + 80 = 140 in all time, 80 in April
    assertEquals(List.of("B"), names(service.leaderboard(guild, Period.MONTH, "", 0, 10, a)));
    assertEquals(List.of("B", "A"), names(service.leaderboard(guild, Period.ALL, "", 0, 10, a)));
    assertEquals(
        140, service.leaderboard(guild, Period.ALL, "", 0, 10, a).entries().get(0).points());
  }

  static List<String> names(Leaderboard board) {
    return board.entries().stream().map(Leaderboard.Entry::displayName).toList();
  }

  @Test
  void streaks_count_local_days_of_the_persons_zone() {
    Person tokyo = service.person("discord:9", "T", ZoneId.of("Asia/Tokyo"));
    // 2026-03-25 14:00Z is 23:00 in Tokyo; one hour later it is the 26th there.
    clock.set(Instant.parse("2026-03-25T14:00:00Z"));
    answer(tokyo, "1", 1);
    clock.set(Instant.parse("2026-03-25T15:30:00Z"));
    answer(tokyo, "2", 1);
    assertEquals(2, service.stats(tokyo).currentStreak(), "two local days although one UTC day");
    clock.set(
        Instant.parse("2026-03-27T14:59:00Z")); // 23:59 on the 27th in Tokyo: streak still alive
    assertEquals(2, service.stats(tokyo).currentStreak());
    clock.set(Instant.parse("2026-03-27T15:01:00Z")); // 00:01 on the 28th: the 27th was missed
    assertEquals(0, service.stats(tokyo).currentStreak());
    answer(tokyo, "3", 1);
    PersonStats stats = service.stats(tokyo);
    assertEquals(1, stats.currentStreak());
    assertEquals(2, stats.bestStreak());
  }

  @Test
  void streaks_survive_daylight_saving_changes() {
    Person berlin = service.person("discord:10", "B", ZoneId.of("Europe/Berlin"));
    // Berlin springs forward on Sunday 29 March 2026 (a 23-hour day); answer at 23:30 local each
    // evening.
    for (LocalDate day = LocalDate.of(2026, 3, 27);
        !day.isAfter(LocalDate.of(2026, 3, 31));
        day = day.plusDays(1)) {
      clock.set(day.atTime(23, 30).atZone(ZoneId.of("Europe/Berlin")).toInstant());
      answer(berlin, "1", 1);
    }
    assertEquals(5, service.stats(berlin).currentStreak());
    // And back in autumn: 25 October 2026 has 25 hours. 00:30 local on consecutive days.
    for (LocalDate day = LocalDate.of(2026, 10, 24);
        !day.isAfter(LocalDate.of(2026, 10, 26));
        day = day.plusDays(1)) {
      clock.set(day.atTime(0, 30).atZone(ZoneId.of("Europe/Berlin")).toInstant());
      answer(berlin, "2", 1);
    }
    PersonStats stats = service.stats(berlin);
    assertEquals(3, stats.currentStreak());
    assertEquals(5, stats.bestStreak());
  }

  @Test
  void stats_show_answers_average_mastery_and_score_over_time() {
    Person p = service.person("discord:11", "S");
    answer(p, "1", 1, 2, 3); // 100
    answer(p, "1", 1); // 60 (no points)
    clock.advance(Duration.ofDays(1));
    answer(p, "7", 1, 2); // 80, sql
    PersonStats s = service.stats(p);
    assertEquals(3, s.answers());
    assertEquals(80.0, s.averageScore(), 1e-9);
    assertEquals(180, s.points());
    PersonStats.QuestionMastery q1 =
        s.questions().stream().filter(q -> q.questionId().equals("1")).findFirst().orElseThrow();
    assertEquals(80, q1.mastery());
    assertEquals(60, q1.lastScore());
    PersonStats.TopicMastery node = s.topics().get(0);
    assertEquals("node", node.topic());
    assertEquals(1, node.questionsAnswered());
    assertEquals(6, node.questionsTotal());
    assertEquals(13, node.mastery(), "80 over 6 questions");
    assertEquals(2, s.overTime().size());
    assertEquals(100, s.overTime().get(0).cumulativePoints());
    assertEquals(180, s.overTime().get(1).cumulativePoints());
  }

  @Test
  void the_points_label_says_why_an_answer_earned_nothing() {
    Person p = service.person("discord:12", "L");
    AnswerResult first = answer(p, "1", 1, 2, 3);
    assertEquals("+" + first.points() + " points", first.pointsLabel());
    AnswerResult again = answer(p, "1", 1);
    assertEquals(0, again.points());
    assertEquals(
        "no points (only your first answer to a question each day counts)", again.pointsLabel());
    AnswerResult nothing = answer(p, "2");
    assertEquals(0, nothing.score());
    assertEquals("no points (score 0)", nothing.pointsLabel());
  }

  @Test
  void a_first_answer_that_scored_nothing_is_not_said_to_have_earned_points() {
    Person p = service.person("discord:13", "M");
    AnswerResult zero = answer(p, "3");
    assertEquals(0, zero.score());
    AnswerResult better = answer(p, "3", 1);
    assertTrue(better.score() > 0);
    assertEquals(0, better.points());
    assertTrue(!better.pointsLabel().contains("earned points"), better.pointsLabel());
    assertEquals(
        "no points (only your first answer to a question each day counts)", better.pointsLabel());
  }

  @Test
  void one_point_is_singular() {
    AnswerResult one =
        new AnswerResult(
            TestBank.bank(1, 1).questions().get(0),
            null,
            new MissedPoints(List.of(), 0),
            1,
            false,
            1,
            1,
            java.time.LocalDate.of(2026, 1, 1),
            1);
    assertEquals("+1 point", one.pointsLabel());
  }
}
