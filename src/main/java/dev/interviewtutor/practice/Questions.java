package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.store.Scope;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bank and what is derived from it: questions by id (a question the bank no longer has as the
 * "removed from the bank" stand-in), rubrics computed once, the hint order, the bank order and
 * topics.
 */
final class Questions {
  private final Catalog catalog;

  Questions(QuestionBank bank, Function<Question, Rubric> rubrics) {
    this(new Catalog(bank, rubrics, null));
  }

  Questions(Catalog catalog) {
    this.catalog = catalog;
  }

  Catalog catalog() {
    return catalog;
  }

  /** The shipped banks (what a place without banks of its own sees). */
  QuestionBank bank() {
    return catalog.shipped();
  }

  /**
   * The questions a place sees (a server's own banks and its switches; the shipped banks
   * elsewhere).
   */
  QuestionBank bank(Scope scope) {
    return catalog.visible(scope);
  }

  /** The questions the place with this scope id sees. */
  QuestionBank bank(long scopeId) {
    return catalog.visible(scopeId);
  }

  /** A question by id; an unknown id is a {@link UserFacingException}. */
  Question question(String id) {
    return catalog.find(id).orElseThrow(() -> unknown(id, catalog.shipped()));
  }

  /** A question by id among those a place sees; any other id is a {@link UserFacingException}. */
  Question question(Scope scope, String id) {
    QuestionBank visible = bank(scope);
    return visible.find(id).orElseThrow(() -> unknown(id, visible));
  }

  private static UserFacingException unknown(String id, QuestionBank bank) {
    String known =
        bank.questions().stream().limit(30).map(Question::id).collect(Collectors.joining(", "));
    return new UserFacingException(
        "There is no question with id '"
            + id
            + "'. Known ids: "
            + known
            + (bank.questions().size() > 30 ? ", ..." : ""));
  }

  /** The question, or the "removed from the bank" stand-in when no bank has it any more. */
  Question questionOrRemoved(String id) {
    return catalog.find(id).orElseGet(() -> RemovedQuestion.of(id));
  }

  /** Whether a bank (shipped, or a server's) has this id. */
  boolean inBank(String id) {
    return catalog.find(id).isPresent();
  }

  /** The question's rubric (computed once). */
  Rubric rubric(Question question) {
    if (RemovedQuestion.is(question)) {
      // Nothing to grade against: a one-point rubric keeps summaries and reveals of stored answers
      // working.
      return new Rubric(
          question.id(),
          question.title(),
          "",
          List.of(new KeyPoint("removed", question.title(), 1, List.of(), "removed")),
          List.of(),
          List.of(),
          Map.of(),
          "",
          "",
          "removed");
    }
    return catalog.rubric(question);
  }

  /** Key points from most to least important: the order hints reveal them. */
  List<KeyPoint> hintOrder(Question question) {
    return rubric(question).keyPoints().stream()
        .sorted(Comparator.comparingDouble(KeyPoint::weight).reversed())
        .toList();
  }

  /**
   * The {@code n}th hint (0-based) for a question; empty when every key point has been revealed.
   */
  Optional<KeyPoint> hint(Question question, int alreadyShown) {
    List<KeyPoint> ordered = hintOrder(question);
    return alreadyShown < ordered.size()
        ? Optional.of(ordered.get(alreadyShown))
        : Optional.empty();
  }

  /**
   * Position in the banks (file order, a server's own after the shipped); questions no longer there
   * sort last.
   */
  int bankIndex(String questionId) {
    return catalog.order(questionId);
  }

  /** A topic as the place's banks spell it (case-insensitive match), else as given. */
  String canonicalTopic(Scope scope, String topic) {
    return bank(scope).topics().stream()
        .filter(t -> t.equalsIgnoreCase(topic))
        .findFirst()
        .orElse(topic);
  }
}
