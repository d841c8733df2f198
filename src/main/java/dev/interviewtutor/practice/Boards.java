package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.AttemptRepository;
import dev.interviewtutor.store.AttemptRow;
import dev.interviewtutor.store.BoardRepository;
import dev.interviewtutor.store.BoardRow;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.PeopleRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.ProgressRepository;
import dev.interviewtutor.store.ReviewState;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.StreakRow;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Leaderboards of a scope and one person's stats, read from the totals recording keeps. */
final class Boards {
  private final Database db;
  private final Clock clock;
  private final Questions questions;

  Boards(Database db, Clock clock, Questions questions) {
    this.db = db;
    this.clock = clock;
    this.questions = questions;
  }

  /**
   * One page of a scope's leaderboard for the period containing today (in the asker's zone).
   *
   * @param topic a topic filter, null/blank for all topics
   * @param offset first line (0-based)
   * @param limit lines per page (e.g. 10)
   * @param asker whose own rank to include (may be null)
   */
  Leaderboard leaderboard(
      Scope scope, Period period, String topic, int offset, int limit, Person asker) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    ZoneId zone = asker == null ? ZoneId.of("UTC") : asker.zone();
    String key = period.key(clock.instant().atZone(zone).toLocalDate());
    String t = topic == null ? "" : questions.canonicalTopic(scope, topic.strip());
    return db.read(
        c -> {
          BoardRepository.View view =
              BoardRepository.view(
                  c, scope.id(), key, t, offset, limit, asker == null ? 0 : asker.id());
          List<Leaderboard.Entry> entries = new ArrayList<>();
          view.page().forEach(r -> entries.add(entry(r.rank(), r.row())));
          Optional<Leaderboard.Entry> own = view.own().map(r -> entry(r.rank(), r.row()));
          return new Leaderboard(period, t, offset, limit, view.size(), entries, own);
        });
  }

  /**
   * One page of the board across every Discord server and DM (all topics), for the period
   * containing today in the asker's zone.
   */
  Leaderboard leaderboardEverywhere(Period period, int offset, int limit, Person asker) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    ZoneId zone = asker == null ? ZoneId.of("UTC") : asker.zone();
    String key = period.key(clock.instant().atZone(zone).toLocalDate());
    return db.read(
        c -> {
          BoardRepository.View view =
              BoardRepository.viewEverywhere(c, key, offset, limit, asker == null ? 0 : asker.id());
          List<Leaderboard.Entry> entries = new ArrayList<>();
          view.page().forEach(r -> entries.add(entry(r.rank(), r.row())));
          Optional<Leaderboard.Entry> own = view.own().map(r -> entry(r.rank(), r.row()));
          return new Leaderboard(period, "", offset, limit, view.size(), entries, own);
        });
  }

  private static Leaderboard.Entry entry(int rank, BoardRow r) {
    return new Leaderboard.Entry(
        rank, r.personId(), r.personKey(), r.displayName(), r.points(), r.answers());
  }

  /**
   * A person's progress: answers, average, streaks, mastery per topic and question, score over
   * time.
   */
  PersonStats stats(Person person) {
    return stats(person, questions.bank());
  }

  /** The same progress, with topics and questions as a place sees them (a server's own banks). */
  PersonStats stats(Person person, QuestionBank bank) {
    return db.read(
        c -> {
          Person p = PeopleRepository.byId(c, person.id()).orElse(person);
          List<AttemptRow> attempts = AttemptRepository.summariesFor(c, p.id());
          Optional<StreakRow> streak = ProgressRepository.streak(c, p.id());
          List<ReviewState> reviews = ProgressRepository.reviews(c, p.id());
          return Stats.of(
              p, bank, attempts, streak, reviews, clock.instant().atZone(p.zone()).toLocalDate());
        });
  }
}
