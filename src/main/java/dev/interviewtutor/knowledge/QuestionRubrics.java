package dev.interviewtutor.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a {@link Rubric} from a {@link Question}. Works on a plain bank (like the seed) and uses
 * the optional annotation sections when present:
 *
 * <ul>
 *   <li>key points: each explanation sentence (weight 2), each bullet phrased with its section
 *       heading so it stands alone ("Scaling Methods: Clustering (multiple processes)", weight 1),
 *       each table row comparing the columns ("Stack: function calls; Heap: objects", weight 1),
 *       each tip sentence (weight 1), and the bullets of a {@code Key Points} section (default
 *       weight 1.5, or {@code (weight 2)} at the end of the bullet);
 *   <li>misconceptions: {@code ❌} lines, the lines of a {@code Bad Use Case} section ("Use worker
 *       threads for I/O operations"), the wrong belief behind each negated statement ("X ≠ Y" → "X
 *       is Y"), and the bullets of a {@code Common Mistakes} section ({@code wrong belief — why});
 *   <li>evidence terms: identifiers and commands from the code examples and inline code spans
 *       ({@code new Worker}, {@code pipe}, {@code pm2 -i max}, {@code process.memoryUsage()});
 *   <li>synonyms: {@code Synonyms} bullets {@code term: alt1, alt2}, lower case, merged over the
 *       whole bank by {@link #forBank(QuestionBank)}.
 * </ul>
 */
public final class QuestionRubrics {
  static final double EXPLANATION_WEIGHT = 2.0;
  static final double BULLET_WEIGHT = 1.0;
  static final double TABLE_WEIGHT = 1.0;
  static final double TIP_WEIGHT = 1.0;
  static final double ANNOTATED_WEIGHT = 1.5;

  private static final Pattern WEIGHT =
      Pattern.compile(
          "^(.*?)\\s*\\((?:weight|w)\\s*[:=]?\\s*(\\d+(?:\\.\\d+)?)\\)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BAD_USE =
      Pattern.compile(
          "bad use cases?|when not to use( it)?|not for|don'?t use( it)? for|poor fits?|wrong use cases?");
  private static final Pattern KEY_POINTS = Pattern.compile("key points?");
  private static final Pattern SYNONYMS = Pattern.compile("(accepted )?synonyms");
  private static final Pattern SYNONYM_SEPARATOR = Pattern.compile(":(?=\\s)");
  private static final Pattern SAMPLES =
      Pattern.compile("(graded |sample |example )answers|answer samples");
  private static final Pattern MISTAKES =
      Pattern.compile("common mistakes|misconceptions|wrong beliefs");
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

  private QuestionRubrics() {}

  /** A title comparing things ("Rebase vs Merge") names no one thing used. */
  private static final Pattern COMPARISON =
      Pattern.compile(
          "(?i)\\s(?:vs\\.?|versus)\\s|\\bdifferences?\\s+between\\b|\\bdiffer\\s+from\\b");

  /** A use case's name is at most this many words ("Loading every crate by hand"). */
  static final int USE_CASE_MAX_TOKENS = 8;

  private static final Pattern PRACTICE =
      Pattern.compile("(?i)\\b(?:that|which|whose|who|where)\\b");

  /**
   * A ❌ item that is a practice in its own right: it says more about its thing in a relative clause
   * ("A liveness probe that checks the database ..."), or is longer than a use case's name
   * ("Loading every crate by hand" is one: "Use a crane for loading every crate by hand"). Such an
   * item is not something the title's thing is used for, and "Use X for ..." would only blur it.
   */
  static boolean describesAPractice(String item) {
    return PRACTICE.matcher(item).find() || item.strip().split("\\s+").length > USE_CASE_MAX_TOKENS;
  }

  /** A title that stays a question after its subject is looked for names no thing used. */
  private static final Pattern QUESTION_WORD =
      Pattern.compile(
          "(?i)(?:how|why|what|when|which|where|who|does|do|is|are|can|should|would)\\b");

  /** The rubric of one question, with only that question's own {@code Synonyms}. */
  public static Rubric of(Question question) {
    return of(question, synonymsOf(List.of(question)));
  }

  /** The rubric of one question with the given (bank-wide) synonyms. */
  public static Rubric of(Question question, Map<String, List<String>> synonyms) {
    Builder rubric = new Builder(question.id());
    String subject = RubricText.subject(question.title());
    List<SampleAnswer> samples = new ArrayList<>();

    for (String paragraph : question.explanation().split("\n\n")) {
      if (RubricText.startsWithCross(paragraph)) {
        addCross(rubric, paragraph, "", "bad-use");
        continue;
      }
      for (String sentence : RubricText.sentences(paragraph)) {
        if (RubricText.withoutLeadIn(sentence).isEmpty()) {
          continue;
        }
        rubric.keyPoint(
            RubricText.positiveForm(RubricText.withoutLeadIn(sentence)),
            EXPLANATION_WEIGHT,
            "explanation");
        RubricText.wrongBelief(sentence)
            .ifPresent(w -> rubric.misconception(w, plainStop(sentence), "negation"));
      }
    }

    for (Section section : question.sections()) {
      String kind = Section.normalise(section.heading());
      if (KEY_POINTS.matcher(kind).matches()) {
        for (String bullet : section.bullets()) {
          Matcher weighted = WEIGHT.matcher(bullet);
          String text = weighted.matches() ? weighted.group(1) : bullet;
          double weight =
              weighted.matches() ? Double.parseDouble(weighted.group(2)) : ANNOTATED_WEIGHT;
          rubric.keyPoint(
              RubricText.positiveForm(text), weight > 0 ? weight : ANNOTATED_WEIGHT, "key-points");
          RubricText.wrongBelief(text)
              .ifPresent(w -> rubric.misconception(w, plainStop(text), "negation"));
        }
        continue;
      }
      if (SYNONYMS.matcher(kind).matches()) {
        continue;
      }
      if (isSampleAnswers(section)) {
        for (String line : concat(section.bullets(), section.paragraphs())) {
          SampleAnswer.parse(line).ifPresent(samples::add);
        }
        continue;
      }
      if (MISTAKES.matcher(kind).matches()) {
        for (String line : concat(section.bullets(), section.paragraphs())) {
          String[] beliefAndWhy = RubricText.itemAndReason(line);
          rubric.misconception(
              RubricText.capitalise(beliefAndWhy[0]), beliefAndWhy[1], "common-mistakes");
        }
        continue;
      }
      if (BAD_USE.matcher(kind).matches()) {
        for (String line : concat(section.bullets(), section.paragraphs())) {
          String[] itemAndReason = RubricText.itemAndReason(line);
          // "Use worker threads for I/O" when the title names the thing used; when it is a
          // question ("How does a CDN cache content?") the ❌ item says the bad use on its own
          rubric.misconception(
              QUESTION_WORD.matcher(subject).lookingAt()
                      || COMPARISON.matcher(subject).find()
                      || describesAPractice(itemAndReason[0])
                  ? RubricText.capitalise(itemAndReason[0])
                  : "Use " + subject + " for " + RubricText.lowerFirst(itemAndReason[0]),
              itemAndReason[1],
              "bad-use");
        }
        continue;
      }
      // "**Answer:**" over a list makes a section named like the answer: no label to repeat
      String context =
          NotesHeadings.isExplanation(section.heading())
              ? ""
              : RubricText.plain(section.heading()).replaceAll("[\\s:]+$", "");
      for (String bullet : section.bullets()) {
        if (RubricText.startsWithCross(bullet)) {
          addCross(rubric, bullet, "", "bad-use");
          continue;
        }
        String item = RubricText.withoutItemLabelColon(bullet);
        if (item.isEmpty()) {
          continue;
        }
        List<String> statements = RubricText.statementsOfItem(item);
        for (String statement : statements) {
          String text = RubricText.positiveForm(statement);
          rubric.keyPoint(
              context.isEmpty() ? text : context + ": " + text,
              BULLET_WEIGHT,
              "section:" + section.heading());
        }
        if (statements.size() == 1) {
          RubricText.wrongBelief(bullet)
              .ifPresent(w -> rubric.misconception(w, plainStop(bullet), "negation"));
        } else {
          for (String statement : statements) {
            RubricText.wrongBelief(statement)
                .ifPresent(w -> rubric.misconception(w, plainStop(statement), "negation"));
          }
        }
      }
      for (String paragraph : section.paragraphs()) {
        if (RubricText.startsWithCross(paragraph)) {
          addCross(rubric, paragraph, "", "bad-use");
          continue;
        }
        for (String sentence : RubricText.sentences(paragraph)) {
          if (RubricText.withoutLeadIn(sentence).isEmpty()) {
            continue;
          }
          rubric.keyPoint(
              RubricText.positiveForm(RubricText.withoutLeadIn(sentence)),
              BULLET_WEIGHT,
              "section:" + section.heading());
          RubricText.wrongBelief(sentence)
              .ifPresent(w -> rubric.misconception(w, plainStop(sentence), "negation"));
        }
      }
    }

    for (MarkdownTable table : question.tables()) {
      boolean labelled = labelledByFirstColumn(table, question);
      for (List<String> row : table.rows()) {
        tableRow(table.header(), row, labelled)
            .ifPresent(text -> rubric.keyPoint(text, TABLE_WEIGHT, "table"));
      }
    }

    for (String line : question.tip().split("\n")) {
      for (String sentence : RubricText.sentences(line)) {
        rubric.keyPoint(RubricText.positiveForm(sentence), TIP_WEIGHT, "tip");
        RubricText.wrongBelief(sentence)
            .ifPresent(w -> rubric.misconception(w, plainStop(sentence), "tip"));
      }
    }

    for (CodeExample example : question.examples()) {
      rubric.evidence.addAll(EvidenceTerms.fromCode(example.code()));
    }
    for (String text : textsOf(question)) {
      Matcher code = INLINE_CODE.matcher(text);
      while (code.find()) {
        rubric.evidence.add(code.group(1).strip());
      }
    }

    String tip = RubricText.plain(question.tip().replace("\n", " "));
    return rubric
        .build(
            question.title(),
            question.topic(),
            synonyms,
            synonymsOf(List.of(question)),
            referenceAnswer(question),
            tip)
        .withSamples(samples);
  }

  /**
   * The one rubric builder every front-end uses (bot, terminal, {@code grade}, {@code eval}): each
   * question's rubric with the bank's merged synonyms, exactly as {@link #forBank(QuestionBank)}
   * builds it.
   */
  public static java.util.function.Function<Question, Rubric> builderFor(QuestionBank bank) {
    Map<String, List<String>> synonyms = synonymsOf(bank.questions());
    return question -> of(question, synonyms);
  }

  /** Rubrics for every question of a bank, keyed by id, all sharing the bank's merged synonyms. */
  public static Map<String, Rubric> forBank(QuestionBank bank) {
    Map<String, List<String>> synonyms = synonymsOf(bank.questions());
    Map<String, Rubric> rubrics = new LinkedHashMap<>();
    for (Question question : bank.questions()) {
      rubrics.put(question.id(), of(question, synonyms));
    }
    return rubrics;
  }

  /**
   * The {@code Synonyms} annotations of the given questions merged: lower-case term → alternatives.
   */
  public static Map<String, List<String>> synonymsOf(List<Question> questions) {
    Map<String, LinkedHashSet<String>> merged = new TreeMap<>();
    for (Question question : questions) {
      for (Section section : question.sections()) {
        if (!SYNONYMS.matcher(Section.normalise(section.heading())).matches()) {
          continue;
        }
        for (String line : concat(section.bullets(), section.paragraphs())) {
          // the term ends at the first colon before a space: "node:test: node --test" defines
          // node:test
          java.util.regex.Matcher separator = SYNONYM_SEPARATOR.matcher(line);
          int colon = separator.find() ? separator.start() : line.indexOf(':');
          if (colon <= 0) {
            continue;
          }
          String term = RubricText.plain(line.substring(0, colon)).toLowerCase(Locale.ROOT);
          for (String alternative : line.substring(colon + 1).split("[,;]")) {
            String alt = RubricText.plain(alternative).toLowerCase(Locale.ROOT);
            if (!alt.isEmpty() && !term.isEmpty() && !alt.equals(term)) {
              merged.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(alt);
            }
          }
        }
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    merged.forEach((term, alts) -> out.put(term, List.copyOf(alts)));
    return out;
  }

  /**
   * True for a {@code Sample Answers} section: graded answers, right and wrong, for the grader. A
   * section of that name in which no line starts with a grade is ordinary content (notes often put
   * a model answer under "Example Answers").
   */
  public static boolean isSampleAnswers(Section section) {
    return SAMPLES.matcher(Section.normalise(section.heading())).matches()
        && concat(section.bullets(), section.paragraphs()).stream()
            .anyMatch(line -> SampleAnswer.parse(line).isPresent());
  }

  /** True for sections that only carry grading annotations (renderers may hide them). */
  public static boolean isAnnotation(Section section) {
    String kind = Section.normalise(section.heading());
    return KEY_POINTS.matcher(kind).matches()
        || SYNONYMS.matcher(kind).matches()
        || MISTAKES.matcher(kind).matches()
        || isSampleAnswers(section);
  }

  /**
   * A rubric for a question given only with a reference answer (datasets such as Mohler or
   * SciEntsBank): one key point per clause, misconceptions from negated clauses, evidence from
   * inline code.
   */
  public static Rubric fromReference(String questionId, String question, String referenceAnswer) {
    Builder rubric = new Builder(questionId);
    String reference = referenceAnswer == null ? "" : referenceAnswer.strip();
    for (String paragraph : reference.split("\\n\\s*\\n|\\n")) {
      for (String sentence : RubricText.sentences(paragraph)) {
        for (String clause : RubricText.clauses(RubricText.withoutFinalStop(sentence))) {
          rubric.keyPoint(RubricText.positiveForm(clause), 1.0, "reference");
          RubricText.wrongBelief(clause)
              .ifPresent(w -> rubric.misconception(w, clause, "negation"));
        }
      }
    }
    if (rubric.keyPoints.isEmpty() && !reference.isEmpty()) {
      rubric.keyPoint(RubricText.plain(reference), 1.0, "reference");
    }
    Matcher code = INLINE_CODE.matcher(reference);
    while (code.find()) {
      rubric.evidence.add(code.group(1).strip());
    }
    return rubric.build(
        question == null ? "" : question.strip(), "", Map.of(), Map.of(), reference, "");
  }

  /**
   * A readable model answer assembled from the question's explanation, sections, tables and tip.
   */
  public static String referenceAnswer(Question question) {
    List<String> parts = new ArrayList<>();
    for (String paragraph : question.explanation().split("\n\n")) {
      if (!paragraph.isBlank() && !RubricText.startsWithCross(paragraph)) {
        parts.add(readable(paragraph));
      }
    }
    for (Section section : question.sections()) {
      String kind = Section.normalise(section.heading());
      if (SYNONYMS.matcher(kind).matches()
          || MISTAKES.matcher(kind).matches()
          || isSampleAnswers(section)) {
        continue;
      }
      List<String> items = new ArrayList<>();
      for (String line : concat(section.bullets(), section.paragraphs())) {
        items.add(RubricText.withoutFinalStop(RubricText.plain(line)));
      }
      String heading = RubricText.plain(section.heading());
      if (BAD_USE.matcher(kind).matches()) {
        parts.add("Not a good fit: " + String.join("; ", items) + ".");
      } else if (KEY_POINTS.matcher(kind).matches()) {
        for (String item : items) {
          parts.add(ensureStop(WEIGHT.matcher(item).replaceAll("$1")));
        }
      } else if (!heading.isEmpty()) {
        parts.add(heading + ": " + String.join("; ", items) + ".");
      } else {
        parts.add(String.join("; ", items) + ".");
      }
    }
    for (MarkdownTable table : question.tables()) {
      List<String> rows = new ArrayList<>();
      boolean labelled = labelledByFirstColumn(table, question);
      for (List<String> row : table.rows()) {
        tableRow(table.header(), row, labelled).ifPresent(rows::add);
      }
      if (!rows.isEmpty()) {
        parts.add(String.join(". ", rows) + ".");
      }
    }
    if (!question.tip().isBlank()) {
      parts.add("Tip: " + readable(question.tip().replace("\n", " ")));
    }
    return String.join("\n", parts);
  }

  /**
   * One table row as a statement. Two-column tables compare the columns ("Stack: function calls;
   * Heap: objects"); wider tables use the first cell as the row's label ("Speed — Stack: fast;
   * Heap: slower").
   */
  static Optional<String> tableRow(List<String> header, List<String> row) {
    return tableRow(header, row, header.size() >= 3);
  }

  /**
   * Whether a table's rows are about the things its first column names: always when it has three or
   * more columns; with two, when the first column lists names that the question's text uses ("GET",
   * "PUT" in a "Method | Properties" table) and the headers are not both named there (as "Browser
   * cache | Shared cache", the two things compared, are).
   */
  static boolean labelledByFirstColumn(MarkdownTable table, Question question) {
    List<String> header = table.header();
    if (header.size() >= 3) {
      return true;
    }
    if (header.size() != 2 || table.rows().size() < 2) {
      return false;
    }
    String text = " " + String.join(" ", textsOf(question)).toLowerCase(Locale.ROOT) + " ";
    java.util.Set<String> names = new java.util.HashSet<>();
    int named = 0;
    for (List<String> row : table.rows()) {
      String first = row.isEmpty() ? "" : RubricText.plain(row.get(0)).strip();
      if (first.isEmpty() || first.split("\\s+").length > 3) {
        return false;
      }
      names.add(first);
      // "Consistency (CP)" is named "consistency" in the text: a trailing gloss is no part of it
      named += mentions(text, first) || mentions(text, withoutGloss(first)) ? 1 : 0;
    }
    long headersNamed = header.stream().filter(h -> mentions(text, RubricText.plain(h))).count();
    return headersNamed < 2
        && names.size() >= 2
        && named >= 2
        && named * 3 >= table.rows().size() * 2;
  }

  private static String withoutGloss(String name) {
    return name.replaceAll("\\s*\\([^()]*\\)$", "");
  }

  private static boolean mentions(String lowerText, String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return !n.isEmpty()
        && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])")
            .matcher(lowerText)
            .find();
  }

  static Optional<String> tableRow(List<String> header, List<String> row, boolean labelled) {
    List<String> pieces = new ArrayList<>();
    for (int i = labelled ? 1 : 0; i < row.size() && i < header.size(); i++) {
      // a cell written as a sentence ends with its stop: "history.; rewrites" reads badly
      String cell = RubricText.withoutFinalStop(RubricText.plain(row.get(i)));
      if (cell.isEmpty()) {
        continue;
      }
      String column = RubricText.plain(header.get(i));
      pieces.add(
          column.isEmpty()
              ? RubricText.lowerFirst(cell)
              : column + ": " + RubricText.lowerFirst(cell));
    }
    if (pieces.isEmpty()) {
      return Optional.empty();
    }
    String label = labelled && !row.isEmpty() ? RubricText.plain(row.get(0)) : "";
    if (!label.isEmpty() && header.size() == 2) {
      // one name and what it is: "Atomicity: a transaction happens entirely or not at all"
      String cell = RubricText.withoutFinalStop(RubricText.plain(row.get(1)));
      return Optional.of(label + ": " + RubricText.lowerFirst(cell));
    }
    String joined = String.join("; ", pieces);
    return Optional.of(label.isEmpty() ? joined : label + " — " + joined);
  }

  private static void addCross(Builder rubric, String line, String subject, String origin) {
    String[] itemAndReason = RubricText.itemAndReason(line);
    rubric.misconception(RubricText.capitalise(itemAndReason[0]), itemAndReason[1], origin);
  }

  private static List<String> textsOf(Question question) {
    List<String> texts = new ArrayList<>();
    texts.add(question.explanation());
    for (Section section : question.sections()) {
      String kind = Section.normalise(section.heading());
      if (!SYNONYMS.matcher(kind).matches() && !isSampleAnswers(section)) {
        texts.addAll(section.bullets());
        texts.addAll(section.paragraphs());
      }
    }
    texts.add(question.tip());
    return texts;
  }

  /** Sentences in plain text with "X ≠ Y" spelled out as "X is not Y". */
  private static String readable(String paragraph) {
    List<String> sentences = new ArrayList<>();
    for (String sentence : RubricText.sentences(paragraph)) {
      sentences.add(ensureStop(RubricText.positiveForm(sentence)));
    }
    return String.join(" ", sentences);
  }

  private static String plainStop(String sentence) {
    return ensureStop(RubricText.plain(sentence));
  }

  private static String ensureStop(String text) {
    String t = text.strip();
    return t.isEmpty() || t.matches(".*[.!?]$") ? t : t + ".";
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static final class Builder {
    final String questionId;
    final List<String[]> keyPoints = new ArrayList<>(); // text, weight, origin
    final Map<String, Integer> keyPointIndex = new LinkedHashMap<>();
    final List<String[]> misconceptions = new ArrayList<>(); // text, reason, origin
    final Set<String> misconceptionKeys = new LinkedHashSet<>();
    final Set<String> evidence = new LinkedHashSet<>();

    Builder(String questionId) {
      this.questionId = questionId;
    }

    void keyPoint(String text, double weight, String origin) {
      String t = RubricText.withoutFinalStop(text);
      if (t.isEmpty()) {
        return;
      }
      String key = t.toLowerCase(Locale.ROOT);
      Integer existing = keyPointIndex.get(key);
      if (existing != null) {
        String[] kp = keyPoints.get(existing);
        kp[1] = Double.toString(Math.max(Double.parseDouble(kp[1]), weight));
        return;
      }
      keyPointIndex.put(key, keyPoints.size());
      keyPoints.add(new String[] {t, Double.toString(weight), origin});
    }

    void misconception(String text, String reason, String origin) {
      String t = RubricText.withoutFinalStop(text);
      if (!t.isEmpty() && misconceptionKeys.add(t.toLowerCase(Locale.ROOT))) {
        misconceptions.add(new String[] {t, reason == null ? "" : reason.strip(), origin});
      }
    }

    Rubric build(
        String question,
        String topic,
        Map<String, List<String>> synonyms,
        Map<String, List<String>> questionSynonyms,
        String reference,
        String tip) {
      if (keyPoints.isEmpty()) {
        // nothing but code or bad-use lines: the question itself is the only thing left to cover
        keyPoint(RubricText.plain(question), 1.0, "title");
      }
      List<KeyPoint> points = new ArrayList<>();
      for (int i = 0; i < keyPoints.size(); i++) {
        String[] kp = keyPoints.get(i);
        points.add(
            new KeyPoint(
                "kp" + (i + 1),
                kp[0],
                Double.parseDouble(kp[1]),
                synonymsFor(kp[0], synonyms),
                kp[2]));
      }
      List<Misconception> wrong = new ArrayList<>();
      for (int i = 0; i < misconceptions.size(); i++) {
        String[] m = misconceptions.get(i);
        wrong.add(new Misconception("m" + (i + 1), m[0], m[1], m[2]));
      }
      List<String> terms = dedupeIgnoringCase(evidence);
      String version =
          version(questionId, question, topic, points, wrong, terms, synonyms, reference, tip);
      return new Rubric(
          questionId,
          question,
          topic,
          points,
          wrong,
          terms,
          synonyms,
          questionSynonyms,
          reference,
          tip,
          version);
    }

    private static List<String> synonymsFor(String text, Map<String, List<String>> synonyms) {
      String lower =
          " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}/.+-]+", " ") + " ";
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, List<String>> entry : synonyms.entrySet()) {
        String term = entry.getKey().replaceAll("[^\\p{L}\\p{N}/.+-]+", " ").strip();
        if (!term.isEmpty() && lower.contains(" " + term + " ")) {
          out.addAll(entry.getValue());
        }
      }
      return List.copyOf(new LinkedHashSet<>(out));
    }

    private static List<String> dedupeIgnoringCase(Set<String> terms) {
      Set<String> seen = new LinkedHashSet<>();
      List<String> out = new ArrayList<>();
      for (String term : terms) {
        if (!term.isBlank() && seen.add(term.toLowerCase(Locale.ROOT))) {
          out.add(term);
        }
      }
      return out;
    }
  }

  private static String version(
      String id,
      String question,
      String topic,
      List<KeyPoint> keyPoints,
      List<Misconception> misconceptions,
      List<String> evidence,
      Map<String, List<String>> synonyms,
      String reference,
      String tip) {
    StringBuilder canonical = new StringBuilder();
    canonical
        .append("id=")
        .append(id)
        .append('\n')
        .append("q=")
        .append(question)
        .append('\n')
        .append("topic=")
        .append(topic)
        .append('\n');
    for (KeyPoint kp : keyPoints) {
      canonical
          .append("kp=")
          .append(kp.id())
          .append('|')
          .append(kp.text())
          .append('|')
          .append(kp.weight())
          .append('|')
          .append(String.join(",", kp.synonyms()))
          .append('|')
          .append(kp.origin())
          .append('\n');
    }
    for (Misconception m : misconceptions) {
      canonical
          .append("m=")
          .append(m.id())
          .append('|')
          .append(m.text())
          .append('|')
          .append(m.reason())
          .append('|')
          .append(m.origin())
          .append('\n');
    }
    canonical.append("evidence=").append(String.join("|", evidence)).append('\n');
    new TreeMap<>(synonyms)
        .forEach(
            (term, alts) ->
                canonical
                    .append("syn=")
                    .append(term)
                    .append('|')
                    .append(String.join(",", alts))
                    .append('\n'));
    canonical.append("ref=").append(reference).append('\n').append("tip=").append(tip).append('\n');
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
