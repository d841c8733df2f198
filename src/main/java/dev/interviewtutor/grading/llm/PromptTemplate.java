package dev.interviewtutor.grading.llm;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt file with {@code {{placeholders}}}. Rendering is a single pass: substituted values
 * (such as a learner's answer that itself contains {@code {{...}}}) are never scanned again.
 *
 * @param file the file it was read from, for error messages
 * @param text the template text
 */
public record PromptTemplate(Path file, String text) {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

  /** The placeholder names the template uses, in order of first use. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Fills every placeholder.
   *
   * @throws IllegalArgumentException naming the file and placeholder when a value is missing
   */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "prompt template "
                + file
                + " uses {{"
                + m.group(1)
                + "}} but no value was given for it");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
