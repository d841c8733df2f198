package dev.interviewtutor.knowledge.lint;

import dev.interviewtutor.knowledge.SourceLocation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Something that makes a question hard to grade, printed as {@code file:line: [question] message
 * [kind]}.
 *
 * @param location where the question starts (for an acknowledgement: its front-matter line)
 * @param questionId the question's id
 * @param kind what sort of weakness, the name a bank's {@code lint-acknowledged:} entry uses
 * @param message what is weak and what to write instead
 */
public record LintWarning(SourceLocation location, String questionId, Kind kind, String message) {

  /** The sorts of warning, each with the name written in a {@code lint-acknowledged:} entry. */
  public enum Kind {
    TOO_FEW_KEY_POINTS,
    TOO_MANY_KEY_POINTS,
    DUPLICATE_KEY_POINTS,
    VAGUE_KEY_POINT,
    TIP_REPEATS_EXPLANATION,
    CONTRAST_MISSING,
    /** A {@code Sample Answers} line without a correct / partial / incorrect label. */
    UNLABELLED_SAMPLE_ANSWER,
    /** More {@code Sample Answers} than a rubric keeps ({@code Rubric.MAX_SAMPLES}). */
    TOO_MANY_SAMPLE_ANSWERS,
    /** A {@code lint-acknowledged:} entry that is malformed or matches no warning. */
    ACKNOWLEDGEMENT;

    /** The name as written in a bank: {@code duplicate-key-points}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a bank names, ignoring case. */
    public static Optional<Kind> ofLabel(String label) {
      return Arrays.stream(values()).filter(k -> k.label().equalsIgnoreCase(label)).findFirst();
    }
  }

  @Override
  public String toString() {
    return location + ": [" + questionId + "] " + message + " [" + kind.label() + "]";
  }
}
