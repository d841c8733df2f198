package dev.interviewtutor.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When daily posts fall due (local time across DST, catch-up after downtime) and "share my answer".
 */
class DailyQuizScheduleTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-27T12:00:00Z"));
  Database db;
  PracticeService service;
  Scope guild;
  Person admin;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("tutor.db"));
    service =
        new PracticeService(
            TestBank.bank(4, 2), TestBank::rubric, new KeywordTestGrader(), db, clock);
    guild = service.scope(ScopeKind.GUILD, "g1", "Study group");
    admin = service.person("discord:1", "Admin");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void posts_fall_due_at_the_local_time_on_both_sides_of_the_spring_dst_change() {
    service.daily().configure(guild, "c1", LocalTime.of(9, 0), BERLIN, admin);
    // 2026-03-28 is CET (UTC+1): 09:00 local = 08:00Z.
    assertTrue(service.daily().duePosts(Instant.parse("2026-03-28T07:59:00Z")).isEmpty());
    List<DuePost> saturday = service.daily().duePosts(Instant.parse("2026-03-28T08:00:00Z"));
    assertEquals(1, saturday.size());
    assertEquals(LocalDate.parse("2026-03-28"), saturday.get(0).date());
    deliver(saturday.get(0));
    // 2026-03-29 is CEST (UTC+2) from 02:00 local: 09:00 local = 07:00Z.
    assertTrue(service.daily().duePosts(Instant.parse("2026-03-29T06:59:00Z")).isEmpty());
    List<DuePost> sunday = service.daily().duePosts(Instant.parse("2026-03-29T07:00:00Z"));
    assertEquals(
        List.of(LocalDate.parse("2026-03-29")), sunday.stream().map(DuePost::date).toList());
    assertEquals(Instant.parse("2026-03-29T07:00:00Z"), sunday.get(0).scheduledAt());
  }

  @Test
  void after_downtime_only_the_latest_missed_post_is_due_and_only_until_delivered() {
    service.daily().configure(guild, "c1", LocalTime.of(9, 0), BERLIN, admin);
    Instant back = Instant.parse("2026-03-31T15:00:00Z"); // three posting times missed
    List<DuePost> due = service.daily().duePosts(back);
    assertEquals(1, due.size());
    assertEquals(LocalDate.parse("2026-03-31"), due.get(0).date());
    DailyPost first = service.daily().claim(due.get(0));
    assertEquals(
        first.id(), service.daily().claim(due.get(0)).id(), "claiming twice gives the same post");
    service.daily().delivered(first.id(), "m1");
    assertTrue(service.daily().duePosts(back).isEmpty(), "never twice");
  }

  @Test
  void a_member_can_opt_in_to_sharing_until_the_reveal() {
    service.daily().configure(guild, "c1", LocalTime.of(9, 0), BERLIN, admin);
    DailyPost post = service.daily().postNow(guild);
    service.daily().delivered(post.id(), "m1");
    Person ana = service.person("discord:2", "Ana");
    assertFalse(
        service.daily().setShared(post.id(), ana, true), "nothing to share before answering");
    DailyPost next = post;
    service
        .daily()
        .answer(next.id(), ana, TestBank.answerCovering(next.question().id(), 1, 2), false);
    assertFalse(
        service.daily().myAnswer(next.id(), ana).orElseThrow().shared(),
        "sealed and private by default");
    assertTrue(service.daily().setShared(next.id(), ana, true));
    assertTrue(service.daily().myAnswer(next.id(), ana).orElseThrow().shared());
    RevealSummary summary = service.daily().reveal(next.id());
    assertEquals(
        List.of("Ana"),
        summary.shared().stream().map(RevealSummary.SharedAnswer::displayName).toList());
    assertFalse(service.daily().setShared(next.id(), ana, false), "too late after the reveal");
  }

  private void deliver(DuePost due) {
    DailyPost post = service.daily().claim(due);
    service.daily().delivered(post.id(), "m" + post.id());
  }
}
