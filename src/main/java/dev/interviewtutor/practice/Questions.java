package dev.interviewtutor.practice;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bank and what is derived from it: questions by id (a question the bank no longer has as the "removed from
 * the bank" stand-in), rubrics computed once, the hint order, the bank order and topics.
 */
final class Questions {
  private final QuestionBank bank;
  private final Function<Question, Rubric> rubrics;
  private final Map<String, Rubric> rubricCache = new ConcurrentHashMap<>();
  private final Map<String, Integer> bankOrder = new HashMap<>();

  Questions(QuestionBank bank, Function<Question, Rubric> rubrics) {
    this.bank = bank;
    this.rubrics = rubrics;
    for (int i = 0; i < bank.questions().size(); i++) {
      bankOrder.put(bank.questions().get(i).id(), i);
    }
  }

  QuestionBank bank() {
    return bank;
  }

  /** A question by id; an unknown id is a {@link UserFacingException}. */
  Question question(String id) {
    return bank.find(id).orElseThrow(() -> new UserFacingException("There is no question with id '" + id
        + "'. Known ids: " + bank.questions().stream().map(Question::id).collect(Collectors.joining(", "))));
  }

  /** The question, or the "removed from the bank" stand-in when the bank no longer has it. */
  Question questionOrRemoved(String id) {
    return bank.find(id).orElseGet(() -> RemovedQuestion.of(id));
  }

  /** Whether the bank has this id. */
  boolean inBank(String id) {
    return bankOrder.containsKey(id);
  }

  /** The question's rubric (computed once). */
  Rubric rubric(Question question) {
    if (RemovedQuestion.is(question)) {
      // Nothing to grade against: a one-point rubric keeps summaries and reveals of stored answers working.
      return new Rubric(question.id(), question.title(), "", List.of(new KeyPoint("removed", question.title(), 1,
          List.of(), "removed")), List.of(), List.of(), Map.of(), "", "", "removed");
    }
    return rubricCache.computeIfAbsent(question.id(), id -> rubrics.apply(question));
  }

  /** Key points from most to least important: the order hints reveal them. */
  List<KeyPoint> hintOrder(Question question) {
    return rubric(question).keyPoints().stream()
        .sorted(Comparator.comparingDouble(KeyPoint::weight).reversed())
        .toList();
  }

  /** The {@code n}th hint (0-based) for a question; empty when every key point has been revealed. */
  Optional<KeyPoint> hint(Question question, int alreadyShown) {
    List<KeyPoint> ordered = hintOrder(question);
    return alreadyShown < ordered.size() ? Optional.of(ordered.get(alreadyShown)) : Optional.empty();
  }

  /** Position in the bank (file order); questions no longer in the bank sort last. */
  int bankIndex(String questionId) {
    return bankOrder.getOrDefault(questionId, Integer.MAX_VALUE);
  }

  /** A topic as the bank spells it (case-insensitive match), else as given. */
  String canonicalTopic(String topic) {
    return bank.topics().stream().filter(t -> t.equalsIgnoreCase(topic)).findFirst().orElse(topic);
  }
}
