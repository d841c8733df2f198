package dev.interviewtutor.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All questions loaded from the knowledge directory, in file then document order. Ids are unique.
 */
public record QuestionBank(List<Question> questions) {
  public QuestionBank {
    questions = List.copyOf(questions);
  }

  public Optional<Question> find(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** Distinct topics in order of first appearance. */
  public List<String> topics() {
    return List.copyOf(new LinkedHashSet<>(questions.stream().map(Question::topic).toList()));
  }

  /** Questions of one topic (case-insensitive); all questions when the topic is null or blank. */
  public List<Question> byTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      return questions;
    }
    String wanted = topic.strip().toLowerCase(Locale.ROOT);
    return questions.stream()
        .filter(q -> q.topic().toLowerCase(Locale.ROOT).equals(wanted))
        .toList();
  }
}
