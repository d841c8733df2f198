package dev.interviewtutor.knowledge.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes imported notes as a bank in the seed format: {@code topic:} front matter, then per note
 * {@code # N. Question} and an {@code ### Explanation} holding the answer. Lines of the answer that
 * would read as Markdown structure of the bank (a heading, a stray fence) are escaped so the answer
 * stays the answer.
 */
public final class SeedBankWriter {
  private SeedBankWriter() {}

  private static final Pattern LEADING_NUMBER = Pattern.compile("^(?:Q\\s*)?\\d+[.):]\\s+");

  /** The bank text; questions are numbered from {@code firstNumber}. */
  public static String write(String topic, List<ImportedNote> notes, int firstNumber) {
    StringBuilder out = new StringBuilder();
    out.append("---\ntopic: ").append(topic.replace("\n", " ").strip()).append("\n---\n");
    int number = firstNumber;
    for (ImportedNote note : notes) {
      String question = LEADING_NUMBER.matcher(note.question().strip()).replaceFirst("");
      out.append("\n# ")
          .append(number++)
          .append(". ")
          .append(question)
          .append("\n\n### Explanation\n\n");
      out.append(answer(note.answer())).append('\n');
    }
    return out.toString();
  }

  private static String answer(String text) {
    List<String> lines = new ArrayList<>();
    boolean inFence = false;
    for (String line : text.strip().split("\\r?\\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        inFence = !inFence;
        lines.add(line);
        continue;
      }
      if (!inFence && stripped.startsWith("#")) {
        line = "\\" + stripped; // "# step" in an answer is text, not a new question
      } else if (!inFence
          && (stripped.equals("---") || stripped.matches("\\d+[A-Za-z]?\\.\\s+\\S.*"))) {
        line =
            stripped.equals("---")
                ? ""
                : "- " + stripped; // a bare "12. x" line could read as a question
      }
      lines.add(line);
    }
    if (inFence) {
      lines.add("```");
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
  }
}
