package dev.interviewtutor.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.interviewtutor.grading.Grade;
import dev.interviewtutor.grading.Grader;
import dev.interviewtutor.grading.OfflineGrader;
import dev.interviewtutor.grading.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every shipped question is proven gradable by answers derived from the bank itself,
 * graded exactly as the product grades them (the banks in {@code knowledge/}, {@link
 * QuestionRubrics#builderFor}, one shipped {@link OfflineGrader}).
 *
 * <ul>
 *   <li><b>own</b>: the question's {@code Key Points} (or its explanation sentences when it has
 *       none) joined into an answer, each point with one term replaced by the bank's own {@code
 *       Synonyms} where one applies: graded correct, score ≥ 70, no mistake named;
 *   <li><b>swap</b>: the same answer with two sibling concepts exchanged (the subjects of an "X vs
 *       Y" title, the row subjects or column headings of a table, the labels of "X: Y" bullets;
 *       where the answer names one by the bank's synonym, the synonym is exchanged too), or, when
 *       no two siblings both occur in the answer, with its heaviest key claim negated: score &lt;
 *       40 with a mistake named;
 *   <li><b>mistake</b>: each {@code Common Mistakes} belief said as an answer: score &lt; 40 with a
 *       mistake named.
 * </ul>
 *
 * Every failing question is collected and the test fails once, naming each question, the answer and
 * its grade.
 */
class ShippedBanksSelfCheckTest {
  static final int HIGH = 70;
  static final int LOW = 40;

  /**
   * Questions the shipped grader cannot yet tell apart for reasons in the grader, not the bank:
   * skipped, each with the limitation (scores as measured on branch skip, 2026-12-03; {@code
   * -Dtutor.selfCheck.only=<these ids>}). Empty means every shipped question is asserted.
   */
  static final Map<String, String> KNOWN_GRADER_LIMITATIONS = Map.of();

  /**
   * Questions whose bank text (or this test's derivation from it) still has to be fixed: skipped
   * until fixed, each with what is wrong. Not grader limitations; the list should only shrink.
   */
  static final Map<String, String> BANK_TEXT_TO_FIX = Map.of();

  private static final Pattern WEIGHT =
      Pattern.compile("\\s*\\((?:weight|w)\\s*[:=]?\\s*[\\d.]+\\)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern VERSUS = Pattern.compile("(?i)^(.*?)\\s+(?:vs\\.?|versus)\\s+(.*)$");
  private static final Pattern LABELLED_BULLET = Pattern.compile("^([^:]{1,40}):\\s+\\S.*$");
  private static final Pattern AUXILIARY =
      Pattern.compile(
          "(?i)\\b(is|are|was|were|can|could|does|do|did|must|should|will|would|has|have|may|might)\\b(?!\\s+not\\b)");
  private static final Pattern NEGATED =
      Pattern.compile(
          "(?i)\\b(?:is|are|was|were|can|could|does|do|did|must|should"
              + "|will|would|has|have|may|might)\\s+(not)\\s+|\\b(never)\\s+|\\b(cannot)\\b|n't\\b");
  private static final Pattern SUBORDINATE =
      Pattern.compile(
          "(?i)(?:[,;]\\s|\\s)(?:how|when|while|whereas|because|since|so|which|that|who|where|if|unless|until|but)\\b");
  private static final Pattern THIRD_PERSON_VERB = Pattern.compile("(?i)\\b([a-z]+?)(ies|es|s)\\b");
  private static final Set<String> NOT_VERBS =
      Set.of(
          "is",
          "as",
          "has",
          "was",
          "its",
          "this",
          "thus",
          "his",
          "us",
          "yes",
          "does",
          "less",
          "process",
          "access",
          "class",
          "address",
          "bus",
          "status",
          "alias",
          "always",
          "across",
          "series",
          "species",
          "whereas",
          "unless",
          "plus",
          "bytes",
          "types",
          "rows",
          "keys",
          "users",
          "tables",
          "values",
          "requests",
          "threads",
          "processes",
          "objects",
          "files",
          "modules",
          "queries",
          "indexes",
          "classes",
          "props",
          "hooks",
          "errors",
          "tests",
          "services",
          "nodes",
          "servers",
          "clients",
          "columns",
          "records",
          "items",
          "components",
          "functions",
          "methods",
          "variables",
          "packets",
          "messages",
          "events",
          "callbacks",
          "promises",
          "streams",
          "data",
          "https",
          "ms",
          "os",
          "js",
          "ts",
          "dns",
          "tls",
          "cors",
          "xss",
          "aws",
          "apis",
          "ids");

  private record Check(
      String questionId, String kind, String answer, Grade grade, String problem) {}

  @Test
  void every_shipped_question_tells_its_own_content_from_swapped_negated_and_mistaken_answers() {
    QuestionBank bank =
        BankLoader.load(Path.of(System.getProperty("tutor.knowledgeDir", "knowledge")));
    assertTrue(bank.questions().size() >= 200, "the shipped library has at least 200 questions");
    for (String id : concat(KNOWN_GRADER_LIMITATIONS.keySet(), BANK_TEXT_TO_FIX.keySet())) {
      assertTrue(bank.find(id).isPresent(), "a skipped id is a shipped question: " + id);
    }
    Function<Question, Rubric> rubrics = QuestionRubrics.builderFor(bank);
    Grader grader = OfflineGrader.withDefaultModel();

    List<Check> failures = new ArrayList<>();
    int graded = 0;
    // -Dtutor.selfCheck.only=1007,1116 checks just those questions, skipped ones included: how a
    // bank edit is tried on a question before it leaves a skip list
    Set<String> only =
        java.util.Arrays.stream(System.getProperty("tutor.selfCheck.only", "").split("[\\s,]+"))
            .filter(s -> !s.isBlank())
            .collect(java.util.stream.Collectors.toSet());
    for (Question question : bank.questions()) {
      if (only.isEmpty()
          ? KNOWN_GRADER_LIMITATIONS.containsKey(question.id())
              || BANK_TEXT_TO_FIX.containsKey(question.id())
          : !only.contains(question.id())) {
        continue;
      }
      Rubric rubric = rubrics.apply(question);
      List<String> points = contentPoints(question);
      String own = join(withSynonyms(points, QuestionRubrics.synonymsOf(List.of(question))));
      Grade ownGrade = grader.grade(rubric, own);
      graded++;
      if (ownGrade.score() < HIGH
          || ownGrade.verdict() != Verdict.CORRECT
          || !ownGrade.misconceptions().isEmpty()) {
        failures.add(
            new Check(
                question.id(),
                "own",
                own,
                ownGrade,
                "expected correct, >= " + HIGH + ", no mistake"));
      }

      Optional<String> wrong = swapped(question, own).or(() -> negated(points));
      if (wrong.isEmpty()) {
        failures.add(
            new Check(
                question.id(),
                "swap",
                "",
                null,
                "no two sibling concepts occur in the key points and no key claim can be negated"));
      } else {
        Grade g = grader.grade(rubric, wrong.get());
        graded++;
        if (g.score() >= LOW || g.misconceptions().isEmpty()) {
          failures.add(
              new Check(
                  question.id(),
                  "swap",
                  wrong.get(),
                  g,
                  "expected < " + LOW + " with a mistake named"));
        }
      }

      for (String belief : mistakes(question)) {
        Grade g = grader.grade(rubric, belief + ".");
        graded++;
        if (g.score() >= LOW || g.misconceptions().isEmpty()) {
          failures.add(
              new Check(
                  question.id(),
                  "mistake",
                  belief + ".",
                  g,
                  "expected < " + LOW + " with a mistake named"));
        }
      }
    }

    if (!failures.isEmpty()) {
      StringBuilder report = new StringBuilder();
      report
          .append(failures.stream().map(Check::questionId).distinct().count())
          .append(" of ")
          .append(bank.questions().size())
          .append(" shipped questions cannot be told apart (")
          .append(failures.size())
          .append(" of ")
          .append(graded)
          .append(" derived answers):\n");
      for (Check f : failures) {
        report
            .append("- ")
            .append(f.questionId())
            .append(" [")
            .append(f.kind())
            .append("] ")
            .append(f.problem());
        if (f.grade() != null) {
          report
              .append("; got ")
              .append(f.grade().score())
              .append(' ')
              .append(f.grade().verdict().label())
              .append(", mistakes named: ")
              .append(f.grade().misconceptions().stream().map(m -> m.misconception()).toList());
        }
        report.append("\n    answer: ").append(f.answer()).append('\n');
      }
      fail(report.toString());
    }
  }

  /** The question's own claims: its Key Points, or its explanation sentences when it has none. */
  static List<String> contentPoints(Question question) {
    List<String> points = new ArrayList<>();
    for (Section section : question.sections()) {
      if (Section.normalise(section.heading()).matches("key points?")) {
        for (String bullet : section.bullets()) {
          points.add(
              RubricText.withoutFinalStop(RubricText.plain(WEIGHT.matcher(bullet).replaceAll(""))));
        }
      }
    }
    if (points.isEmpty()) {
      for (String paragraph : question.explanation().split("\n\n")) {
        if (!RubricText.startsWithCross(paragraph)) {
          for (String sentence : RubricText.sentences(paragraph)) {
            points.add(RubricText.withoutFinalStop(RubricText.plain(sentence)));
          }
        }
      }
    }
    points.removeIf(String::isBlank);
    return points;
  }

  /**
   * Each point with its longest bank synonym term replaced by the term's first alternative, where
   * one occurs.
   */
  static List<String> withSynonyms(List<String> points, Map<String, List<String>> synonyms) {
    List<String> terms =
        synonyms.keySet().stream()
            .filter(t -> t.length() >= 3)
            .sorted(
                Comparator.comparingInt(String::length)
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<String> out = new ArrayList<>();
    for (String point : points) {
      String rephrased = point;
      for (String term : terms) {
        Matcher m = wholeWord(term).matcher(point);
        if (m.find()) {
          String alternative = synonyms.get(term).get(0);
          rephrased = point.substring(0, m.start()) + alternative + point.substring(m.end());
          break;
        }
      }
      out.add(rephrased);
    }
    return out;
  }

  /** The answer with the first pair of sibling concepts that both occur in it exchanged. */
  static Optional<String> swapped(Question question, String answer) {
    Map<String, List<String>> synonyms = QuestionRubrics.synonymsOf(List.of(question));
    for (String[] pair : siblingPairs(question)) {
      String a = pair[0];
      String b = pair[1];
      if (a.equalsIgnoreCase(b)
          || a.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT))
          || b.toLowerCase(Locale.ROOT).contains(a.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (wholeWord(a).matcher(answer).find() && wholeWord(b).matcher(answer).find()) {
        // the own answer may also name one of the two by the bank's synonym for it ("IP version 4"
        // for IPv4): the swap exchanges them however they are named
        Pattern namesA = named(a, synonyms);
        Pattern namesB = named(b, synonyms);
        String marked = namesA.matcher(answer).replaceAll("\u0001");
        marked = namesB.matcher(marked).replaceAll(Matcher.quoteReplacement(a));
        return Optional.of(marked.replace("\u0001", b));
      }
    }
    return Optional.empty();
  }

  /** The concept or any of the bank's synonyms for it, as a word of prose, longest first. */
  private static Pattern named(String concept, Map<String, List<String>> synonyms) {
    List<String> names = new ArrayList<>();
    names.add(concept);
    names.addAll(synonyms.getOrDefault(concept.toLowerCase(Locale.ROOT), List.of()));
    names.sort(Comparator.comparingInt(String::length).reversed());
    return Pattern.compile(
        names.stream().map(n -> wholeWord(n).pattern()).collect(Collectors.joining("|")),
        Pattern.CASE_INSENSITIVE);
  }

  /**
   * Candidate sibling pairs, most specific first: title "X vs Y", table subjects and columns,
   * bullet labels.
   */
  static List<String[]> siblingPairs(Question question) {
    List<String[]> pairs = new ArrayList<>();
    Matcher vs = VERSUS.matcher(RubricText.plain(question.title()));
    Set<String> sharedWords = new java.util.HashSet<>();
    if (vs.matches()) {
      // "Primary Key vs Foreign Key": "Key" names both sides, so it is no concept to swap
      Set<String> leftWords =
          new java.util.HashSet<>(List.of(vs.group(1).toLowerCase(Locale.ROOT).split("\\W+")));
      for (String w : vs.group(2).toLowerCase(Locale.ROOT).split("\\W+")) {
        if (leftWords.contains(w)) {
          sharedWords.add(w);
        }
      }
      // a dot ends a sentence only before a space: "Promise.all" and "HTTP/1.1" are one name
      String[] left =
          vs.group(1).replaceAll("^.*(?:[?:,]|\\.(?=\\s))\\s*", "").strip().split("\\s+");
      String[] right =
          vs.group(2)
              .replaceAll("(?:[?:,(]|\\.(?:\\s|$)|\\s+(?:vs\\.?|versus)\\s).*$", "")
              .strip()
              .split("\\s+");
      for (int l = 0; l < left.length; l++) {
        for (int r = right.length; r >= 1; r--) {
          String a = String.join(" ", List.of(left).subList(l, left.length));
          String b = String.join(" ", List.of(right).subList(0, r));
          if (!sharedWords.contains(a.toLowerCase(Locale.ROOT))
              && !sharedWords.contains(b.toLowerCase(Locale.ROOT))) {
            pairs.add(new String[] {a, b});
          }
        }
      }
    }
    for (MarkdownTable table : question.tables()) {
      List<String> subjects = new ArrayList<>();
      for (List<String> row : table.rows()) {
        String cell = concept(row.isEmpty() ? "" : row.get(0));
        if (!cell.isEmpty() && subjects.stream().noneMatch(cell::equalsIgnoreCase)) {
          subjects.add(cell);
        }
      }
      addAllPairs(pairs, subjects);
      List<String> columns = new ArrayList<>();
      for (int i = 1; i < table.header().size(); i++) {
        columns.add(concept(table.header().get(i)));
      }
      addAllPairs(pairs, columns);
    }
    for (Section section : question.sections()) {
      if (QuestionRubrics.isAnnotation(section)) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      for (String bullet : section.bullets()) {
        Matcher labelled = LABELLED_BULLET.matcher(RubricText.plain(bullet));
        if (labelled.matches()) {
          labels.add(concept(labelled.group(1)));
        }
      }
      addAllPairs(pairs, labels);
    }
    return pairs;
  }

  private static void addAllPairs(List<String[]> pairs, List<String> concepts) {
    List<String> distinct = concepts.stream().filter(c -> !c.isEmpty()).distinct().toList();
    for (int i = 0; i < distinct.size(); i++) {
      for (int j = i + 1; j < distinct.size(); j++) {
        pairs.add(new String[] {distinct.get(i), distinct.get(j)});
      }
    }
  }

  /** A cell or label as a concept name: plain text, a trailing parenthesis dropped. */
  private static String concept(String cell) {
    return RubricText.plain(cell).replaceAll("\\s*\\(.*\\)\\s*$", "").strip();
  }

  /**
   * The content with its key claims negated (each claim whose main verb can be found; an already
   * negative claim made positive). Negating only one claim of five leaves an answer that is mostly
   * right, which the grader fairly calls partially correct.
   */
  static Optional<String> negated(List<String> points) {
    List<String> out = new ArrayList<>();
    boolean any = false;
    for (String point : points) {
      Optional<String> flipped = flip(point);
      any |= flipped.isPresent();
      out.add(flipped.orElse(point));
    }
    return any ? Optional.of(join(out)) : Optional.empty();
  }

  /** "X is Y" → "X is not Y"; "X uses Y" → "X does not use Y"; "X is not Y" → "X is Y". */
  static Optional<String> flip(String fullClaim) {
    // only the main clause: a verb after "how", "when", "while", "because" ... belongs to a
    // subordinate clause
    Matcher subordinate = SUBORDINATE.matcher(fullClaim);
    int cut = subordinate.find() ? subordinate.start() : fullClaim.length();
    String claim = fullClaim.substring(0, cut);
    String rest = fullClaim.substring(cut);
    return flipMain(claim).map(f -> f + rest);
  }

  private static Optional<String> flipMain(String claim) {
    Matcher negated = NEGATED.matcher(claim);
    if (negated.find()) {
      if (negated.group(1) != null) {
        return Optional.of(
            claim.substring(0, negated.start(1)) + claim.substring(negated.end(1)).stripLeading());
      }
      if (negated.group(2) != null) {
        return Optional.of(
            claim.substring(0, negated.start(2)) + "always " + claim.substring(negated.end()));
      }
      if (negated.group(3) != null) {
        return Optional.of(
            claim.substring(0, negated.start(3)) + "can" + claim.substring(negated.end(3)));
      }
      return Optional.empty();
    }
    Matcher aux = AUXILIARY.matcher(claim);
    if (aux.find() && aux.start() > 0) {
      return Optional.of(claim.substring(0, aux.end()) + " not" + claim.substring(aux.end()));
    }
    Matcher verb = THIRD_PERSON_VERB.matcher(claim);
    while (verb.find()) {
      String word = verb.group().toLowerCase(Locale.ROOT);
      if (verb.start() == 0
          || NOT_VERBS.contains(word)
          || word.endsWith("ss")
          || word.length() < 4) {
        continue;
      }
      String stem =
          switch (verb.group(2).toLowerCase(Locale.ROOT)) {
            case "ies" -> verb.group(1) + "y";
            case "es" -> word.matches(".*(sh|ch|x|z|ss|o)es") ? verb.group(1) : verb.group(1) + "e";
            default -> verb.group(1);
          };
      return Optional.of(
          claim.substring(0, verb.start()) + "does not " + stem + claim.substring(verb.end()));
    }
    return Optional.empty();
  }

  /** Each Common Mistakes belief as the rubric reads it (the part before its reason). */
  static List<String> mistakes(Question question) {
    List<String> beliefs = new ArrayList<>();
    for (Section section : question.sections()) {
      if (Section.normalise(section.heading())
          .matches("common mistakes|misconceptions|wrong beliefs")) {
        List<String> lines = new ArrayList<>(section.bullets());
        lines.addAll(section.paragraphs());
        for (String line : lines) {
          String belief = RubricText.itemAndReason(line)[0];
          if (!belief.isBlank()) {
            beliefs.add(RubricText.capitalise(belief));
          }
        }
      }
    }
    return beliefs;
  }

  private static List<String> concat(Set<String> a, Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String join(List<String> points) {
    StringBuilder answer = new StringBuilder();
    for (String point : points) {
      if (answer.length() > 0) {
        answer.append(' ');
      }
      answer.append(RubricText.capitalise(point)).append('.');
    }
    return answer.toString();
  }

  private static final Map<String, Pattern> WORDS = new LinkedHashMap<>();

  /**
   * The term as a word of prose: not inside an identifier ("copy.deepcopy", "non-persistent") nor
   * the name of a call ("useCallback(fn, deps)" is code, and code is not rephrased).
   */
  private static Pattern wholeWord(String term) {
    return WORDS.computeIfAbsent(
        term.toLowerCase(Locale.ROOT),
        t ->
            Pattern.compile(
                "(?<![\\p{L}\\p{N}_#.*/-])"
                    + Pattern.quote(t)
                    + "(?![\\p{L}\\p{N}_(]|\\.[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE));
  }
}
