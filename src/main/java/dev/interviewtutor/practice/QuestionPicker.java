package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.store.Database;
import dev.interviewtutor.store.Person;
import dev.interviewtutor.store.ProgressRepository;
import dev.interviewtutor.store.ReviewState;
import dev.interviewtutor.store.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which question to ask: due reviews, then unseen questions in bank order, then the weakest. */
final class QuestionPicker {
  private final Database db;
  private final Clock clock;
  private final Questions questions;

  QuestionPicker(Database db, Clock clock, Questions questions) {
    this.db = db;
    this.clock = clock;
    this.questions = questions;
  }

  /**
   * What to ask next: a due review first (most overdue, then weakest), then an unseen question
   * (bank order), then the weakest one, among the questions the place sees ({@code scope} null: the
   * shipped banks). {@code topic} null or blank means any topic.
   */
  Question next(Person person, String topic) {
    return next(person, null, topic);
  }

  /**
   * {@link #next(Person, String)} among the questions the place sees ({@code scope} null: the
   * shipped banks).
   */
  Question next(Person person, Scope scope, String topic) {
    return ranked(person, scope, topic).get(0);
  }

  /**
   * Questions due for review today in the person's zone, most overdue first (only questions in the
   * bank).
   */
  List<Question> dueReviews(Person person, Scope scope) {
    String today = clock.instant().atZone(person.zone()).toLocalDate().toString();
    QuestionBank visible = questions.bank(scope);
    return db.read(c -> ProgressRepository.due(c, person.id(), today)).stream()
        .map(r -> visible.find(r.questionId()))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Candidates in asking order: due (most overdue, weakest), unseen (bank order), then weakest
   * seen.
   */
  List<Question> ranked(Person person, Scope scope, String topic) {
    QuestionBank visible = questions.bank(scope);
    List<Question> candidates = visible.byTopic(topic);
    if (candidates.isEmpty()) {
      throw new UserFacingException(
          visible.questions().isEmpty()
              ? "The question bank is empty."
              : "No questions on topic '"
                  + topic
                  + "'. Topics: "
                  + String.join(", ", visible.topics()));
    }
    String today = clock.instant().atZone(person.zone()).toLocalDate().toString();
    Map<String, ReviewState> reviews =
        db.read(c -> ProgressRepository.reviews(c, person.id())).stream()
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
    Comparator<Question> byDue =
        Comparator.comparing((Question q) -> reviews.get(q.id()).dueDay())
            .thenComparingInt(q -> reviews.get(q.id()).lastScore());
    due.sort(byDue);
    seen.sort(
        Comparator.comparingInt((Question q) -> reviews.get(q.id()).lastScore())
            .thenComparing(q -> reviews.get(q.id()).dueDay()));
    List<Question> out = new ArrayList<>(due);
    out.addAll(unseen);
    out.addAll(seen);
    assert out.stream().allMatch(q -> ids.contains(q.id()));
    return out;
  }
}
