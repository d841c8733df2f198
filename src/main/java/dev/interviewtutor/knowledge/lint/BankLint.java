package dev.interviewtutor.knowledge.lint;

import dev.interviewtutor.knowledge.KeyPoint;
import dev.interviewtutor.knowledge.MarkdownTable;
import dev.interviewtutor.knowledge.Question;
import dev.interviewtutor.knowledge.QuestionBank;
import dev.interviewtutor.knowledge.QuestionRubrics;
import dev.interviewtutor.knowledge.Rubric;
import dev.interviewtutor.knowledge.SampleAnswer;
import dev.interviewtutor.knowledge.Section;
import dev.interviewtutor.knowledge.SourceLocation;
import dev.interviewtutor.knowledge.lint.LintReport.Acknowledged;
import dev.interviewtutor.knowledge.lint.LintWarning.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks each question's rubric for what makes grading unreliable: fewer than {@value
 * #MIN_KEY_POINTS} or more than {@value #MAX_KEY_POINTS} key points, two key points that say nearly
 * the same, a key point too vague to check, a tip that only repeats the explanation, and a "X vs Y"
 * question where no key point says how X and Y differ.
 *
 * <p>Words are compared as lower-case stems without common filler words; "nearly the same" is a
 * Jaccard overlap of at least {@value #DUPLICATE_OVERLAP} between two key points of three or more
 * such words.
 *
 * <p>A bank keeps a warning on purpose with a {@code lint-acknowledged:} list in its front matter,
 * one {@code - ID KIND: reason} line per kept warning (KIND as {@link Kind#label()} prints it). An
 * acknowledged warning is reported as acknowledged, with its reason, and not counted; an entry that
 * is malformed or matches no warning is itself a warning, so acknowledgements do not outlive what
 * they excuse.
 */
public final class BankLint {
  static final int MIN_KEY_POINTS = 3;
  static final int MAX_KEY_POINTS = 20;
  static final double DUPLICATE_OVERLAP = 0.8;
  static final double TIP_REPEAT_OVERLAP = 0.8;

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "be", "it",
          "its", "this", "that", "with", "as", "by", "at", "from", "can", "you", "your", "they",
          "them", "their", "which", "when", "so", "than", "then", "into", "only", "not", "no", "do",
          "does", "has", "have", "was", "were", "will", "would", "should", "may", "might", "one",
          "each", "all", "any", "more", "most", "but", "if");
  private static final Set<String> VAGUE =
      Set.of(
          "important",
          "useful",
          "good",
          "better",
          "best",
          "bad",
          "various",
          "many",
          "thing",
          "things",
          "stuff",
          "etc",
          "several",
          "different",
          "some",
          "way",
          "ways",
          "very",
          "really",
          "also",
          "lot",
          "lots",
          "basically",
          "simple",
          "easy",
          "help",
          "helps",
          "nice",
          "efficient",
          "powerful",
          "key",
          "concept",
          "matter",
          "matters",
          "great",
          "crucial",
          "essential",
          "benefit",
          "benefits",
          "feature",
          "features",
          "advantage",
          "advantages",
          "use",
          "used",
          "uses",
          "work",
          "works",
          "depends",
          "overview",
          "note",
          "notes");
  private static final Pattern DIFFERENCE =
      Pattern.compile("(?i).*\\b(difference|differ|differs|vs\\.?|versus|compare)\\b.*");
  private static final Pattern LABELLED = Pattern.compile("^\\**([^:*]{1,40}?)\\**:\\**\\s+\\S.*$");
  private static final Pattern COMPARES =
      Pattern.compile("(?i)\\s(?:vs\\.?|versus)\\s|\\bdifference between\\b|\\bdiffers? from\\b");
  private static final Pattern DIFFER_FROM = Pattern.compile("(?i)\\s+differs?\\s+from\\s+");
  private static final Pattern SUBJECT =
      Pattern.compile(
          "(?i)(?:^|,|\\band\\b)\\s*(?:how|why|where|in what way)\\s+(?:do|does)\\s+(.+)$");
  private static final Pattern PRONOUN = Pattern.compile("(?i)they|it|these|those|them");
  private static final Pattern WHAT_ARE =
      Pattern.compile(
          "(?i)^\\s*what\\s+(?:is|are)\\s+(?:an?\\s+|the\\s+)?(.+?)(?:\\s+(?:for|used for))?\\s*(?:,.*)?$");
  private static final Pattern LEAD =
      Pattern.compile(
          "(?i)^(?:(?:what(?:'s| is| are)\\s+)?the\\s+differences?\\s+between\\s+|difference between\\s+)");
  private static final Pattern CONTEXT = Pattern.compile("(?i)\\s+(?:in|for|on)\\s+[^,]*$");
  private static final Pattern SEPARATOR =
      Pattern.compile("(?i)\\s+(?:vs\\.?|versus|and|or)\\s+|\\s*,\\s*(?:and\\s+|or\\s+)?");
  private static final Pattern CONTRAST =
      Pattern.compile(
          "(?i).*(\\bwhile\\b|\\bwhereas\\b|\\bbut\\b|\\bunlike\\b|\\binstead\\b|\\bnot\\b|\\bthan\\b|\\bhowever\\b|"
              + ";|\\bversus\\b|\\bvs\\b|≠|\\bother\\b).*");

  private BankLint() {}

  /**
   * Every warning of every question that its bank does not acknowledge, plus every acknowledgement
   * that is malformed or matches no warning, sorted by file and line.
   */
  public static List<LintWarning> lint(QuestionBank bank) {
    return check(bank).warnings();
  }

  /**
   * Every warning of every question, split into those still to fix and those the question's bank
   * acknowledges in its {@code lint-acknowledged:} front matter.
   */
  public static LintReport check(QuestionBank bank) {
    Map<String, Rubric> rubrics = QuestionRubrics.forBank(bank);
    Map<Path, List<Question>> byFile = new LinkedHashMap<>();
    for (Question question : bank.questions()) {
      byFile.computeIfAbsent(question.location().file(), f -> new ArrayList<>()).add(question);
    }
    List<LintWarning> warnings = new ArrayList<>();
    List<Acknowledged> acknowledged = new ArrayList<>();
    for (Map.Entry<Path, List<Question>> file : byFile.entrySet()) {
      List<LintWarning> found = new ArrayList<>();
      for (Question question : file.getValue()) {
        found.addAll(lint(question, rubrics.get(question.id())));
      }
      Set<String> ids = new LinkedHashSet<>();
      file.getValue().forEach(q -> ids.add(q.id()));
      List<LintWarning> open = new ArrayList<>(found);
      for (Acknowledgement ack : Acknowledgement.read(file.getKey(), warnings)) {
        List<LintWarning> matched =
            found.stream()
                .filter(w -> w.questionId().equals(ack.questionId()) && w.kind() == ack.kind())
                .toList();
        if (matched.isEmpty()) {
          warnings.add(
              new LintWarning(
                  ack.location(),
                  ack.questionId(),
                  Kind.ACKNOWLEDGEMENT,
                  "lint-acknowledged entry \""
                      + ack.questionId()
                      + " "
                      + ack.kind().label()
                      + "\" matches no warning"
                      + (ids.contains(ack.questionId())
                          ? ""
                          : " (no question of this bank has that id)")
                      + " — remove it"));
        }
        for (LintWarning warning : matched) {
          if (open.remove(warning)) {
            acknowledged.add(new Acknowledged(warning, ack.reason()));
          }
        }
      }
      warnings.addAll(open);
    }
    Comparator<LintWarning> order =
        Comparator.comparing((LintWarning w) -> w.location().file().toString())
            .thenComparingInt(w -> w.location().line());
    warnings.sort(order);
    acknowledged.sort(Comparator.comparing(Acknowledged::warning, order));
    return new LintReport(warnings, acknowledged);
  }

  /** One {@code - ID KIND: reason} line of a bank's {@code lint-acknowledged:} front matter. */
  record Acknowledgement(SourceLocation location, String questionId, Kind kind, String reason) {
    private static final Pattern KEY = Pattern.compile("^[A-Za-z_][\\w-]*\\s*:.*$");
    private static final Pattern LIST = Pattern.compile("^lint-acknowledged\\s*:\\s*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*-\\s+(.*)$");
    private static final Pattern ENTRY =
        Pattern.compile("^(\\S+)\\s+([A-Za-z][A-Za-z-]*)\\s*:\\s*(\\S.*)$");

    /**
     * The entries of a bank file's front matter; a malformed entry is added to {@code problems}
     * instead.
     */
    static List<Acknowledgement> read(Path file, List<LintWarning> problems) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<Acknowledgement> out = new ArrayList<>();
      int i = 0;
      while (i < lines.size() && lines.get(i).isBlank()) {
        i++;
      }
      if (i >= lines.size() || !lines.get(i).strip().equals("---")) {
        return out;
      }
      boolean inList = false;
      for (i++; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().equals("---") || line.strip().equals("...")) {
          break;
        }
        if (LIST.matcher(line).matches()) {
          inList = true;
          continue;
        }
        if (KEY.matcher(line).matches()) {
          inList = false;
          continue;
        }
        Matcher item = ITEM.matcher(line);
        if (!inList || !item.matches()) {
          continue;
        }
        SourceLocation at = new SourceLocation(file, i + 1);
        String text = unquote(item.group(1).strip());
        Matcher entry = ENTRY.matcher(text);
        Optional<Kind> kind =
            entry.matches() ? Kind.ofLabel(entry.group(2)) : Optional.<Kind>empty();
        if (kind.isEmpty() || kind.get() == Kind.ACKNOWLEDGEMENT) {
          problems.add(
              new LintWarning(
                  at,
                  entry.matches() ? entry.group(1) : "?",
                  Kind.ACKNOWLEDGEMENT,
                  "lint-acknowledged entry \""
                      + text
                      + "\" should read `- ID KIND: reason`, KIND one of "
                      + Arrays.stream(Kind.values())
                          .filter(k -> k != Kind.ACKNOWLEDGEMENT)
                          .map(Kind::label)
                          .toList()));
          continue;
        }
        out.add(new Acknowledgement(at, entry.group(1), kind.get(), entry.group(3).strip()));
      }
      return out;
    }

    private static String unquote(String value) {
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        return value.substring(1, value.length() - 1).strip();
      }
      return value;
    }
  }

  /** The warnings of one question. */
  public static List<LintWarning> lint(Question question, Rubric rubric) {
    List<LintWarning> out = new ArrayList<>();
    for (Section section : question.sections()) {
      if (!QuestionRubrics.isSampleAnswers(section)) {
        continue;
      }
      List<String> lines = new ArrayList<>(section.bullets());
      lines.addAll(section.paragraphs());
      long graded = lines.stream().filter(l -> SampleAnswer.parse(l).isPresent()).count();
      if (graded > Rubric.MAX_SAMPLES) {
        out.add(
            warn(
                question,
                Kind.TOO_MANY_SAMPLE_ANSWERS,
                graded
                    + " sample answers; the grader uses the first "
                    + Rubric.MAX_SAMPLES
                    + " (keep the ones people really give)"));
      }
      for (String line : lines) {
        if (SampleAnswer.parse(line).isEmpty()) {
          out.add(
              warn(
                  question,
                  Kind.UNLABELLED_SAMPLE_ANSWER,
                  "sample answer without a label, so the grader ignores it (start it with"
                      + " \"correct:\", \"partial:\" or \"incorrect:\"): "
                      + (line.length() > 60 ? line.substring(0, 57) + "..." : line)));
        }
      }
    }
    List<KeyPoint> points = rubric.keyPoints();
    if (points.size() < MIN_KEY_POINTS) {
      out.add(
          warn(
              question,
              Kind.TOO_FEW_KEY_POINTS,
              "only "
                  + points.size()
                  + (points.size() == 1 ? " key point" : " key points")
                  + " — an answer is judged on too little; add a ### Key Points list with at least "
                  + MIN_KEY_POINTS
                  + " facts a good answer states"));
    } else if (points.size() > MAX_KEY_POINTS) {
      out.add(
          warn(
              question,
              Kind.TOO_MANY_KEY_POINTS,
              points.size()
                  + " key points — no answer covers that many; keep the "
                  + MAX_KEY_POINTS
                  + " that matter most and move the rest to another question"));
    }
    for (int i = 0; i < points.size(); i++) {
      Set<String> a = words(points.get(i).text());
      for (int j = i + 1; j < points.size(); j++) {
        Set<String> b = words(points.get(j).text());
        if (a.size() >= 3 && b.size() >= 3 && jaccard(a, b) >= DUPLICATE_OVERLAP) {
          out.add(
              warn(
                  question,
                  Kind.DUPLICATE_KEY_POINTS,
                  "key points "
                      + points.get(i).id()
                      + " and "
                      + points.get(j).id()
                      + " say nearly the same (\""
                      + points.get(i).text()
                      + "\" / \""
                      + points.get(j).text()
                      + "\") — merge them, or make each state a different fact"));
        }
      }
    }
    for (KeyPoint point : points) {
      // judged without the "Section: " prefix the rubric adds; one concrete word ("Cryptography")
      // is checkable
      String said = point.text().replaceFirst("^[^:]{1,40}:\\s+(?=\\S)", "");
      Set<String> content = words(said);
      content.removeAll(VAGUE);
      if (content.isEmpty()) {
        out.add(
            warn(
                question,
                Kind.VAGUE_KEY_POINT,
                "key point "
                    + point.id()
                    + " \""
                    + point.text()
                    + "\" is too vague to check — "
                    + "say what exactly a good answer states"));
      }
    }
    tipRepeatsExplanation(question).ifPresent(out::add);
    contrastMissing(question, points).ifPresent(out::add);
    return out;
  }

  private static Optional<LintWarning> tipRepeatsExplanation(Question question) {
    Set<String> tip = words(question.tip());
    Set<String> explanation = words(question.explanation());
    if (tip.size() < 3 || explanation.isEmpty()) {
      return Optional.empty();
    }
    long shared = tip.stream().filter(explanation::contains).count();
    if ((double) shared / tip.size() >= TIP_REPEAT_OVERLAP) {
      return Optional.of(
          warn(
              question,
              Kind.TIP_REPEATS_EXPLANATION,
              "the tip repeats the explanation — use it for what to stress or avoid in "
                  + "an interview, so it adds something to grade"));
    }
    return Optional.empty();
  }

  private static Optional<LintWarning> contrastMissing(Question question, List<KeyPoint> points) {
    List<String> concepts = comparedConcepts(question.title());
    if (concepts.size() < 2) {
      return Optional.empty();
    }
    List<Set<String>> names = conceptWords(concepts);
    if (names.stream().anyMatch(Set::isEmpty)) {
      return Optional.empty();
    }
    // every compared concept is named, with a contrasting word, in a key point that names another
    Set<Integer> contrasted = new LinkedHashSet<>();
    for (KeyPoint point : points) {
      if (!CONTRAST.matcher(point.text()).matches()) {
        continue;
      }
      Set<String> words = words(point.text());
      List<Integer> named = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).stream().anyMatch(words::contains)) {
          named.add(i);
        }
      }
      if (named.size() >= 2) {
        contrasted.addAll(named);
      }
    }
    // a comparison table: its rows (or its columns) are the concepts, each told by the same
    // properties
    for (MarkdownTable table : question.tables()) {
      List<String> labels = new ArrayList<>();
      table.rows().forEach(row -> labels.add(row.isEmpty() ? "" : row.get(0)));
      List<Integer> byRow = namedIn(names, labels);
      List<Integer> byColumn = namedIn(names, table.header());
      if (byRow.size() >= 2) {
        contrasted.addAll(byRow);
      }
      if (byColumn.size() >= 2) {
        contrasted.addAll(byColumn);
      }
    }
    // a list of labelled bullets in one section ("- Latency: delay, in milliseconds", "- Bandwidth:
    // capacity, in bits per second") compares like a table's rows
    for (Section section : question.sections()) {
      if (QuestionRubrics.isAnnotation(section)) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      for (String bullet : section.bullets()) {
        Matcher labelled = LABELLED.matcher(bullet.strip());
        if (labelled.matches()) {
          labels.add(labelled.group(1));
        }
      }
      List<Integer> byLabel = namedIn(names, labels);
      if (byLabel.size() >= 2) {
        contrasted.addAll(byLabel);
      }
    }
    if (contrasted.size() == concepts.size()) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < concepts.size(); i++) {
      if (!contrasted.contains(i)) {
        missing.add("\"" + concepts.get(i) + "\"");
      }
    }
    int uncontrasted = 0;
    while (contrasted.contains(uncontrasted)) {
      uncontrasted++;
    }
    String first = concepts.get(uncontrasted);
    String other = concepts.get(uncontrasted == 0 ? 1 : 0);
    return Optional.of(
        warn(
            question,
            Kind.CONTRAST_MISSING,
            concepts.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(" and "))
                + " are compared, but no key point names "
                + (concepts.size() == 2 ? "both" : String.join(", ", missing) + " and another")
                + " with the property that tells them apart — add one such as "
                + "\""
                + first
                + " ..., whereas "
                + other
                + " ...\" or a comparison table"));
  }

  /** The concepts (by index) that one of the cells names. */
  private static List<Integer> namedIn(List<Set<String>> names, List<String> cells) {
    List<Integer> named = new ArrayList<>();
    for (String cell : cells) {
      Set<String> words = words(cell);
      for (int i = 0; i < names.size(); i++) {
        if (!named.contains(i) && names.get(i).stream().anyMatch(words::contains)) {
          named.add(i);
        }
      }
    }
    return named;
  }

  /**
   * The concepts a comparison question compares, as written in its title: "var vs let vs const" →
   * var, let, const; "What Is the Difference Between Microtasks and Macrotasks in Node.js?" →
   * Microtasks, Macrotasks; "OAuth 2.0 vs OpenID Connect: What Is the Difference?" → OAuth 2.0,
   * OpenID Connect; "What Are Refs For, and How Do They Differ From State?" → Refs, State. Empty
   * when the title compares nothing.
   */
  static List<String> comparedConcepts(String title) {
    if (!DIFFERENCE.matcher(title).matches()) {
      return List.of();
    }
    // the clause that compares: not a question phrase before or after it ("How Does DNS
    // Resolution Work? Recursive vs Iterative Queries", "SQL vs NoSQL: How Do You Choose?")
    String clause = null;
    String before = "";
    for (String part : title.split("[?:]")) {
      if (COMPARES.matcher(part).find()) {
        clause = part.strip();
        break;
      }
      before = part;
    }
    if (clause == null) {
      return List.of();
    }
    Matcher differ = DIFFER_FROM.matcher(clause);
    String left;
    String right;
    if (differ.find()) {
      left = clause.substring(0, differ.start()).strip();
      right = clause.substring(differ.end()).strip();
      Matcher subject = SUBJECT.matcher(left);
      if (subject.find()) {
        left = subject.group(1).strip();
      }
      if (PRONOUN.matcher(left).matches() || left.isEmpty()) {
        // "What Are Refs For, and How Do They Differ From State?": "they" are the subject of the
        // clause before
        String earlier = (before + " " + clause.substring(0, differ.start())).strip();
        Matcher what = WHAT_ARE.matcher(earlier);
        left = what.find() ? what.group(1).strip() : "";
      }
      clause = left + " vs " + right;
    }
    clause = LEAD.matcher(clause).replaceFirst("");
    clause = CONTEXT.matcher(clause).replaceFirst("");
    List<String> concepts = new ArrayList<>();
    for (String concept : SEPARATOR.split(clause)) {
      String c = concept.strip().replaceFirst("(?i)^(?:a|an|the)\\s+", "");
      if (!c.isEmpty()) {
        concepts.add(c);
      }
    }
    return concepts.size() >= 2 ? concepts : List.of();
  }

  /**
   * The words that tell each concept apart: its own words without those of the other concepts, and
   * without a head noun the concepts share ("Recursive vs Iterative Queries": recursive,
   * iterative).
   */
  private static List<Set<String>> conceptWords(List<String> concepts) {
    List<Set<String>> words = new ArrayList<>();
    for (String concept : concepts) {
      words.add(words(concept));
    }
    Set<String> last = words.get(words.size() - 1);
    if (last.size() >= 2
        && words.subList(0, words.size() - 1).stream().allMatch(w -> w.size() == 1)) {
      List<String> ordered = new ArrayList<>(last);
      last.remove(ordered.get(ordered.size() - 1));
    }
    List<Set<String>> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Set<String> own = new LinkedHashSet<>(words.get(i));
      for (int j = 0; j < words.size(); j++) {
        if (j != i) {
          own.removeAll(words.get(j));
        }
      }
      out.add(own);
    }
    return out;
  }

  private static LintWarning warn(Question question, Kind kind, String message) {
    return new LintWarning(question.location(), question.id(), kind, message);
  }

  /**
   * Lower-case word stems without filler words. A leading {@code #} or {@code @} stays part of its
   * word ({@code #private}, {@code @staticmethod}), so such a name is told from the plain word.
   */
  static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String word :
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[`*_]", "")
            .split("(?:[^\\p{L}\\p{N}#@]|(?<=[\\p{L}\\p{N}])[#@]|[#@](?![\\p{L}]))+")) {
      if (word.isEmpty() || STOP.contains(word)) {
        continue;
      }
      out.add(stem(word));
    }
    return out;
  }

  /**
   * A crude stem that gives a word and its plural the same form: "tuple"/"tuples" → "tupl",
   * "query"/"queries" → "query", "class"/"classes" → "class", "cache"/"caches" → "cach".
   */
  static String stem(String word) {
    String w = word;
    if (w.length() > 5 && w.endsWith("ing")) {
      w = w.substring(0, w.length() - 3);
    } else if (w.length() > 4 && w.endsWith("ied")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 4 && w.endsWith("ed")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 4 && w.endsWith("es")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.endsWith("e") && !w.endsWith("ee")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }
}
