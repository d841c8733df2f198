package dev.interviewtutor.practice;

import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.PeopleRepository;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.Scope;
import dev.interviewtutor.store.ScopeKind;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** People and scopes (Discord servers, DMs, the terminal), their time zones, and forget-me. */
final class PeopleService {
  private static final Logger LOG = LoggerFactory.getLogger(PeopleService.class);
  private final Database db;
  private final Clock clock;
  private final Grader grader;
  private final List<Consumer<Person>> forgetListeners = new CopyOnWriteArrayList<>();

  PeopleService(Database db, Clock clock, Grader grader) {
    this.db = db;
    this.clock = clock;
    this.grader = grader;
  }

  /**
   * Finds or creates a person (new people get UTC until {@link #setTimeZone}); updates a changed
   * name.
   */
  Person person(String key, String displayName) {
    return person(key, displayName, ZoneId.of("UTC"));
  }

  /** Finds or creates a person; {@code zoneIfNew} is used only when the person is created. */
  Person person(String key, String displayName, ZoneId zoneIfNew) {
    return db.write(
        c ->
            PeopleRepository.upsert(
                c, key, displayName, zoneIfNew, clock.instant().toEpochMilli()));
  }

  /** An existing person by key. */
  Optional<Person> findPerson(String key) {
    return db.read(c -> PeopleRepository.find(c, key));
  }

  Person setTimeZone(Person person, ZoneId zone) {
    return db.write(
        c -> {
          PeopleRepository.setZone(c, person.id(), zone);
          return PeopleRepository.byId(c, person.id()).orElseThrow();
        });
  }

  /** An existing scope, without creating it (a read). */
  Optional<Scope> findScope(ScopeKind kind, String key) {
    return db.read(c -> PeopleRepository.findScope(c, kind, key));
  }

  /** Finds or creates a scope (a guild, a DM, the terminal). */
  Scope scope(ScopeKind kind, String key, String name) {
    return db.write(c -> PeopleRepository.upsertScope(c, kind, key, name));
  }

  /**
   * Deletes every row of the person in one transaction, then drops what the grader and the
   * front-ends keep in memory about them ({@link #onForget}); returns the number of rows deleted.
   */
  int forget(Person person) {
    Set<String> answerHashes = new HashSet<>();
    int rows =
        db.write(
            c -> {
              answerHashes.addAll(PeopleRepository.answerHashes(c, person.id()));
              return PeopleRepository.deleteEverything(c, person.id()).values().stream()
                  .mapToInt(Integer::intValue)
                  .sum();
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
   * Runs {@code listener} after each forget-me, so state kept in memory by person (pending
   * follow-ups in a front-end) goes with the database rows.
   */
  void onForget(Consumer<Person> listener) {
    forgetListeners.add(listener);
  }
}
