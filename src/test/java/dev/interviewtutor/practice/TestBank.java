package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.Section;
import dev.interviewtutor.knowledge.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small in-memory bank for engine tests: question {@code q<n>} has key points whose first words
 * are {@code q<n>a}, {@code q<n>b}, {@code q<n>c}; the first key point weighs 3, the others 1.
 */
public final class TestBank {
  private TestBank() {}

  public static QuestionBank bank(int nodeQuestions, int sqlQuestions) {
    List<Question> questions = new ArrayList<>();
    for (int i = 1; i <= nodeQuestions + sqlQuestions; i++) {
      String topic = i <= nodeQuestions ? "node" : "sql";
      String id = String.valueOf(i);
      List<String> bullets =
          List.of(
              "q" + i + "a is the main idea",
              "q" + i + "b is a detail",
              "q" + i + "c is another detail");
      questions.add(
          new Question(
              id,
              "Question " + i + " about " + topic + "?",
              topic,
              "Explanation " + i,
              List.of(new Section("Key points", Section.Kind.HEADING, "", bullets, List.of())),
              List.of(),
              List.of(),
              "Tip " + i,
              new SourceLocation(Path.of("test-bank.md"), i)));
    }
    return new QuestionBank(questions);
  }

  /** The test rubric: one key point per bullet. */
  public static Rubric rubric(Question q) {
    List<KeyPoint> kps = new ArrayList<>();
    List<String> bullets = q.sections().get(0).bullets();
    for (int i = 0; i < bullets.size(); i++) {
      kps.add(
          new KeyPoint(
              "kp" + (i + 1), bullets.get(i), i == 0 ? 3 : 1, List.of(), "section:Key points"));
    }
    return new Rubric(
        q.id(),
        q.title(),
        q.topic(),
        kps,
        List.of(),
        List.of(),
        Map.of(),
        "Model answer for " + q.id(),
        q.tip(),
        "v1");
  }

  /** An answer that covers the given key points (1-based) of question {@code id}. */
  public static String answerCovering(String id, int... keyPoints) {
    StringBuilder sb = new StringBuilder("My answer.");
    for (int k : keyPoints) {
      sb.append(" q").append(id).append((char) ('a' + k - 1)).append(" matters.");
    }
    return sb.toString();
  }
}
