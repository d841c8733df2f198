package dev.interviewtutor.practice;

import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * The stand-in for a question that stored state refers to but the bank no longer has (deleted or
 * renumbered): shown as "removed from the bank" and skipped, instead of failing whatever reads that
 * state.
 */
final class RemovedQuestion {
  /** Marks the stand-in: no bank file has this name. */
  private static final Path NOWHERE = Path.of("(removed from the bank)");

  private RemovedQuestion() {}

  static Question of(String id) {
    return new Question(
        id,
        "Question " + id + " (removed from the bank)",
        "",
        "",
        List.of(),
        List.of(),
        List.of(),
        "",
        new SourceLocation(NOWHERE, 0));
  }

  static boolean is(Question question) {
    return question.location() != null && NOWHERE.equals(question.location().file());
  }
}
