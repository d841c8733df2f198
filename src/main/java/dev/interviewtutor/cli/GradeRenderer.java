package dev.interviewtutor.cli;

import dev.interviewtutor.grading.Coverage;
import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.KeyPointResult;
import dev.interviewtutor.grading.MisconceptionHit;
import java.util.ArrayList;
import java.util.List;

/** A grade as plain text that reads well in an 80-column terminal. */
final class GradeRenderer {
  static final int WIDTH = 80;

  private GradeRenderer() {}

  static String render(String question, Grade grade) {
    StringBuilder out = new StringBuilder();
    wrap(out, "", "Question " + grade.questionId() + ": " + question);
    out.append("Score ")
        .append(grade.score())
        .append("/100 - ")
        .append(grade.verdict().label())
        .append(" (graded ")
        .append(grade.grader())
        .append(")\n");
    out.append("\nKey points\n");
    for (KeyPointResult k : grade.keyPoints()) {
      String mark =
          k.unsure()
              ? "[?]"
              : k.coverage() == Coverage.COVERED
                  ? "[x]"
                  : k.coverage() == Coverage.PARTIAL ? "[~]" : "[ ]";
      wrap(out, "      ", "  " + mark + " " + k.keyPoint());
      if (!k.evidence().isBlank()) {
        wrap(out, "        ", "      \"" + k.evidence() + "\"");
      }
    }
    if (!grade.unsure().isEmpty()) {
      wrap(
          out,
          "  ",
          "  [?] the grader could not verify this point either way; it is counted as "
              + "shown, not as a mistake");
    }
    if (!grade.misconceptions().isEmpty()) {
      out.append("\nMistakes\n");
      for (MisconceptionHit m : grade.misconceptions()) {
        wrap(out, "      ", "  [!] " + m.misconception());
        wrap(out, "        ", "      \"" + m.evidence() + "\"");
      }
    }
    out.append("\nFeedback\n");
    wrap(out, "  ", "  " + grade.feedback());
    if (!grade.tip().isBlank()) {
      out.append("\nTip\n");
      wrap(out, "  ", "  " + grade.tip());
    }
    for (String note : grade.notes()) {
      out.append('\n');
      wrap(out, "  ", "Note: " + note);
    }
    return out.toString();
  }

  /** Word-wraps one paragraph at {@link #WIDTH}; continuation lines get the indent. */
  static void wrap(StringBuilder out, String indent, String text) {
    for (String line : lines(indent, text.replaceAll("\\s*\\R\\s*", " "))) {
      out.append(line).append('\n');
    }
  }

  static List<String> lines(String indent, String text) {
    List<String> lines = new ArrayList<>();
    String lead = text.substring(0, text.length() - text.stripLeading().length());
    StringBuilder line = new StringBuilder(lead);
    boolean empty = true;
    for (String word : text.strip().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    if (!empty) {
      lines.add(line.toString());
    }
    return lines;
  }
}
