package dev.interviewtutor.grading;

import dev.interviewtutor.grading.text.TextUnits;
import dev.interviewtutor.grading.text.TextUnits.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that says one thing the bank describes is the same as another thing the same question
 * describes ("Layers are basically the same as volumes", "LoadBalancer is the same thing as an
 * Ingress"): the bank tells the two apart, so the answer confuses them. Only an explicit sameness
 * ("the same as", "another name for", "equivalent to"), without a qualification ("the same as call
 * but takes an array"), and only between two things the question's own text names: an analogy to
 * something the bank never mentions ("basically the same as a class in OOP") is no confusion of its
 * concepts. A bank synonym is read as the term it names first, so two names for one thing are never
 * "confused".
 */
final class SameAsCheck {
  private static final Pattern SAME_AS =
      Pattern.compile(
          "(?i)^\\W*(?:(?:and|so|also|because)\\s+)?(.{2,60}?)\\s+(?:is|are|'s|’s)\\s+"
              + "(?:(?:basically|just|really|pretty\\s+much|essentially|simply|actually|exactly)\\s+)?"
              + "(?:the\\s+same(?:\\s+thing)?\\s+as|another\\s+name\\s+for|equivalent\\s+to"
              + "|identical\\s+to|no\\s+different\\s+from)\\s+(.+)$");

  /** Where the other thing's name ends. */
  private static final Pattern NAME_END =
      Pattern.compile("(?i)[,;:.!?()]|\\s+(?:and|so|which|that|where|because|really)\\b");

  /** Words that qualify a sameness: "the same as call but takes an array". */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?i)\\b(?:but|except|apart\\s+from|other\\s+than|aside\\s+from|unlike|though|although"
              + "|whereas|while|only|almost|nearly|roughly|similar)\\b");

  private SameAsCheck() {}

  /** The confusions in the answer's units; adds the units that state one to {@code wrongUnits}. */
  static List<MisconceptionHit> find(RubricVectors rv, List<Unit> units, Set<Integer> wrongUnits) {
    List<MisconceptionHit> out = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      Matcher m = SAME_AS.matcher(unit.text().strip());
      if (!m.matches()
          || TextUnits.negated(unit.text())
          || QUALIFIED.matcher(unit.sentence()).find()) {
        continue;
      }
      String subject = m.group(1).strip();
      Matcher end = NAME_END.matcher(m.group(2));
      String other = (end.find() ? m.group(2).substring(0, end.start()) : m.group(2)).strip();
      Set<String> subjectTerms = rv.lexicon.terms(subject);
      Set<String> otherTerms = rv.lexicon.terms(other);
      if (subjectTerms.isEmpty()
          || otherTerms.isEmpty()
          || Collections.disjoint(subjectTerms, rv.rubricTerms)
          || !rv.rubricTerms.containsAll(otherTerms)
          || !Collections.disjoint(subjectTerms, otherTerms)) {
        continue;
      }
      String sentence = unit.sentence();
      if (out.stream().noneMatch(h -> h.evidence().equals(sentence))) {
        out.add(
            new MisconceptionHit(
                "same-as-" + String.join("-", new java.util.TreeSet<>(otherTerms)),
                capitalise(subject) + " is not the same as " + other,
                "The question tells them apart: they are different things.",
                sentence));
      }
      wrongUnits.add(u);
    }
    return out;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
