package dev.interviewtutor.cli;

import dev.interviewtutor.UserFacingException;
import dev.interviewtutor.config.TutorConfig;
import dev.interviewtutor.knowledge.BankLoader;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.ReferenceAnswerRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.Section;
import java.util.ArrayList;
import java.util.List;

/** Finds a bank question by id and derives its rubric, for the commands that grade against the bank. */
final class BankRubrics {
  private BankRubrics() {}

  static Rubric forQuestion(TutorConfig config, String id) {
    QuestionBank bank = BankLoader.load(config.knowledgeDir());
    Question question = bank.find(id.strip()).orElseThrow(() -> new UserFacingException(
        "no question " + id + " in " + config.knowledgeDir() + " (tutor bank list shows the ids)"));
    return rubric(question);
  }

  /** A plain rubric from the question's explanation, bullets and tip (until the bank's own derivation lands). */
  static Rubric rubric(Question q) {
    List<String> lines = new ArrayList<>();
    if (!q.explanation().isBlank()) {
      lines.add(q.explanation().replaceAll("\\s*\\R\\s*", " "));
    }
    for (Section s : q.sections()) {
      s.bullets().forEach(b -> lines.add("- " + b.replace("`", "").replace("**", "")));
    }
    if (!q.tip().isBlank()) {
      lines.add(q.tip());
    }
    Rubric plain = ReferenceAnswerRubrics.of(q.id(), q.title(), String.join("\n", lines));
    return new Rubric(plain.questionId(), plain.question(), q.topic(), plain.keyPoints(), plain.misconceptions(),
        plain.evidenceTerms(), plain.synonyms(), plain.referenceAnswer(), q.tip(), plain.version());
  }
}
