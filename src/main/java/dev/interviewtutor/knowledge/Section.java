package dev.interviewtutor.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * A headed block inside a question: a {@code ### Heading} or a {@code **Bold label:**}
 * pseudo-heading, with its bullets and free paragraphs (for example a {@code ❌ ...} line under
 * {@code ### Bad Use Case}).
 *
 * @param heading the heading text without markup ("Scaling Methods", "Used for")
 * @param kind whether it was a real heading, a bold label, or wrong beliefs found under another
 *     name
 * @param parent the heading this block sits under ("Explanation" for a bold label inside it), or
 *     empty
 * @param bullets bullet items in order, Markdown inline markup kept as written
 * @param paragraphs non-bullet lines in order
 */
public record Section(
    String heading, Kind kind, String parent, List<String> bullets, List<String> paragraphs) {

  public enum Kind {
    HEADING,
    BOLD_LABEL,
    /**
     * Wrong beliefs the parser found in the notes under another name ("Don'ts", "Avoid",
     * "Anti-patterns"; not "Pitfalls" or "Gotchas", whose items are true statements of a trap and
     * stay key points), rewritten as the wrong statement itself ("Don't block the event loop" →
     * "Block the event loop"). The heading is "Common Mistakes", so the rubric builder reads the
     * bullets as misconceptions; {@code parent} is the heading as the author wrote it.
     */
    MISCONCEPTIONS
  }

  public Section {
    bullets = List.copyOf(bullets);
    paragraphs = List.copyOf(paragraphs);
  }

  static String normalise(String heading) {
    return heading.strip().replaceAll(":$", "").strip().toLowerCase(Locale.ROOT);
  }
}
