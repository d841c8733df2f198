package dev.interviewtutor.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the LLM proposes for one question, read from its Markdown reply: bullets under {@code Key
 * Points}, {@code Synonyms} ({@code term: other, other}) and {@code Common Mistakes}. Anything else
 * in the reply is dropped, so nothing but these three lists reaches the bank.
 */
record Proposal(List<String> keyPoints, List<String> synonyms, List<String> mistakes) {
  static final int MAX_KEY_POINTS = 8;
  static final int MAX_SYNONYMS = 8;
  static final int MAX_MISTAKES = 5;
  static final int MAX_BULLET = 300;

  Proposal {
    keyPoints = List.copyOf(keyPoints);
    synonyms = List.copyOf(synonyms);
    mistakes = List.copyOf(mistakes);
  }

  boolean isEmpty() {
    return keyPoints.isEmpty() && synonyms.isEmpty() && mistakes.isEmpty();
  }

  /**
   * The lists of a reply; bullets of other sections, prose and over-long or malformed bullets are
   * left out.
   */
  static Proposal parse(String reply) {
    List<String> keyPoints = new ArrayList<>();
    List<String> synonyms = new ArrayList<>();
    List<String> mistakes = new ArrayList<>();
    List<String> current = null;
    for (String raw : reply.replace("\r", "").split("\n")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.startsWith("**") && line.endsWith("**"))) {
        String heading = line.replaceAll("^#+\\s*|\\*\\*|:$", "").strip().toLowerCase(Locale.ROOT);
        current =
            switch (heading) {
              case "key points", "key point" -> keyPoints;
              case "synonyms" -> synonyms;
              case "common mistakes", "mistakes", "misconceptions" -> mistakes;
              default -> null;
            };
        continue;
      }
      if (current == null
          || !(line.startsWith("- ") || line.startsWith("* ") || line.startsWith("• "))) {
        continue;
      }
      String bullet = line.substring(2).strip().replaceAll("\\s+", " ");
      if (bullet.isEmpty() || bullet.length() > MAX_BULLET || bullet.startsWith("#")) {
        continue;
      }
      if (current == synonyms && !bullet.matches("[^:]+:\\s*\\S.*")) {
        continue; // a synonym line names a term, a colon and its other names
      }
      int max =
          current == keyPoints ? MAX_KEY_POINTS : current == synonyms ? MAX_SYNONYMS : MAX_MISTAKES;
      if (current.size() < max && !current.contains(bullet)) {
        current.add(bullet);
      }
    }
    return new Proposal(keyPoints, synonyms, mistakes);
  }
}
