package dev.interviewtutor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of one bank file and what each one is, decided before the lines are read. The
 * question level is the level where most numbered headings that read as questions are ({@code # 1.
 * Q}, {@code ### **1. Q**}, {@code # 6 Q}, {@code ## 1️⃣ Q}, {@code ### Q4- Q}); else where most
 * numbered headings are; else where {@code Q: ...} headings and headings ending in {@code ?} are;
 * else where headings followed by an {@code ### Explanation}-style section are. Above that level
 * the first {@code # Title} is the bank's title and the other headings are groups; at it, a heading
 * is a question, a group (nothing under it but questions), a section of the question above (a known
 * name such as "Example" or "Don'ts"), a document section (table of contents, "Key Takeaways") or
 * an unnumbered heading to report; below it, a section. Near misses are reported here: an indented
 * question heading, a numbered heading one level too deep, a code fence that swallows a question
 * heading.
 *
 * <p>Seen in real notes: a first question one level deeper than the rest ({@code ## 1.} before
 * {@code # 2.}) is a question; a heading indented under a bullet, or inside a {@code <details>}
 * answer, is a part of its question whatever its level or number. When no heading is a question,
 * {@code **Question**: ...} lines and numbered bold list items that ask ({@code 1. **What is X?**})
 * are the questions, below every heading of the file.
 */
final class HeadingLayout {
  private static final int FOOTER_LINES = 8;

  private static final Pattern BOLD_ITEM_QUESTION =
      Pattern.compile("^(\\d{1,4})[.)]\\s+(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*:?\\s*$");
  private static final Pattern BOLD_NUMBERED_LINE =
      Pattern.compile("^(?:\\*\\*|__)(\\d{1,4})[.)]\\s*(.+?)(?:\\*\\*|__)\\s*$");
  private static final Pattern ASKS =
      Pattern.compile(
          "(?i)^(what|why|how|when|where|which|who|explain|describe|define|compare|differentiate|"
              + "distinguish|discuss|list|name|tell|can|is|are|does|do|should)\\b.*");

  /** A bold list item that asks: "What is X?", "Explain the differences between X and Y." */
  private static boolean asksSomething(String text) {
    String t = text.replace("`", "").strip();
    return t.endsWith("?") || ASKS.matcher(t).matches();
  }

  /** Below every {@code #} level: the level a {@code **Question**:} line takes. */
  static final int LABELLED_LEVEL = 7;

  private static final Pattern LABELLED_QUESTION =
      Pattern.compile(
          "^\\s{0,3}(?:\\*\\*|__)\\s*(?:Question|Q)\\s*#?\\s*(\\d{1,4})?\\s*[:.)\\-–—]?\\s*(?:\\*\\*|__)"
              + "\\s*[:.)\\-–—]?\\s*(\\S.*)$",
          Pattern.CASE_INSENSITIVE);

  enum Role {
    TITLE,
    GROUP,
    QUESTION,
    SECTION,
    DOCUMENT_SECTION,
    UNNUMBERED
  }

  /** One heading of the file and what it is. */
  static final class Heading {
    final int index;
    final int level;
    final String text;
    final boolean bare;
    final int indent;
    Role role = Role.SECTION;
    NotesHeadings.QuestionHeading question;

    Heading(int index, int level, String text, boolean bare, int indent) {
      this.index = index;
      this.level = level;
      this.text = text;
      this.bare = bare;
      this.indent = indent;
    }
  }

  private final Path file;
  private final String[] lines;
  private final List<BankProblem> problems;

  /** Lines inside code fences or HTML comments (with their delimiters). */
  final boolean[] code;

  /** Headings by line index, in document order. */
  final Map<Integer, Heading> headings = new LinkedHashMap<>();

  /** The question level, 0 when no heading reads as a question. */
  int questionLevel;

  /** The {@code # Title} at the top, or empty. */
  String title = "";

  /** The line index where a footer after the last question starts, or {@link Integer#MAX_VALUE}. */
  int footerStart = Integer.MAX_VALUE;

  /**
   * Lays out the headings from line index {@code start}; problems found are added to {@code
   * problems}.
   */
  HeadingLayout(Path file, String[] lines, int start, List<BankProblem> problems) {
    this.file = file;
    this.lines = lines;
    this.problems = problems;
    this.code = new boolean[lines.length];
    scanFences(start);
    collectHeadings(start);
    layOut();
    findFooter();
  }

  /**
   * Whether a fence that swallows a question heading was reported (its unclosed end is the same
   * fault).
   */
  boolean swallowReported() {
    return !fenceReported.isEmpty();
  }

  private final Set<Integer> fenceReported = new HashSet<>();

  /** Lines inside a {@code <details>} block (an answer folded away under its question). */
  private final Set<Integer> insideDetails = new HashSet<>();

  private static final Pattern DETAILS_OPEN = Pattern.compile("(?i)<details\\b");
  private static final Pattern DETAILS_CLOSE = Pattern.compile("(?i)</details\\s*>");

  private static int count(Pattern p, String line) {
    Matcher m = p.matcher(line);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * Marks fenced lines and reports a fence that swallows a question heading (a missing closing
   * fence).
   */
  private void scanFences(int start) {
    boolean inComment = false;
    for (int i = start; i < lines.length; i++) {
      String stripped = lines[i].strip();
      if (inComment) {
        code[i] = true;
        inComment = !stripped.contains("-->");
        continue;
      }
      if (stripped.startsWith("<!--")) {
        code[i] = true;
        inComment = !stripped.contains("-->");
        continue;
      }
      Matcher open = MarkdownBankParser.FENCE.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String marker = open.group(1);
      code[i] = true;
      int swallowedQuestion = -1;
      int firstMarkdownHeading = -1;
      boolean markdownInside = false;
      int j = i + 1;
      for (; j < lines.length; j++) {
        code[j] = true;
        Matcher close = MarkdownBankParser.FENCE.matcher(lines[j]);
        if (close.matches() && close.group(1).charAt(0) == marker.charAt(0)) {
          if (close.group(2).isBlank() && close.group(1).length() >= marker.length()) {
            break;
          }
          if (close.group(1).length() == marker.length()) {
            markdownInside = true; // "```js" inside a ``` block: the block before it was not closed
          }
        }
        Matcher hash = MarkdownBankParser.HASH_HEADING.matcher(lines[j]);
        if (hash.matches() && hash.group(2).startsWith(" ")
            || hash.matches() && hash.group(1).length() == 1) {
          String text = hash.group(2).strip();
          var asQuestion = NotesHeadings.question(text);
          if (swallowedQuestion < 0
              && asQuestion.isPresent()
              && asQuestion.get().number() != null
              && !asQuestion.get().title().isEmpty()) {
            swallowedQuestion = j;
          }
          if (hash.group(1).length() >= 2
              && (NotesHeadings.isExplanation(text) || NotesHeadings.isTip(text))) {
            markdownInside = true;
            if (firstMarkdownHeading < 0) {
              firstMarkdownHeading = j;
            }
          }
        }
      }
      if (swallowedQuestion >= 0 && markdownInside && fenceReported.isEmpty()) {
        String swallowed = lines[swallowedQuestion].strip();
        String where =
            firstMarkdownHeading >= 0 && firstMarkdownHeading < swallowedQuestion
                ? "before line " + (firstMarkdownHeading + 1)
                : "before line " + (swallowedQuestion + 1);
        problems.add(
            problem(
                swallowedQuestion + 1,
                "the question heading `"
                    + swallowed
                    + "` is inside the code "
                    + "block opened at line "
                    + (i + 1)
                    + ", so that question is lost — the code block is missing its "
                    + "closing "
                    + marker
                    + " line: add it where the code ends ("
                    + where
                    + ")"));
        fenceReported.add(i + 1);
      }
      i = j;
    }
  }

  private void collectHeadings(int start) {
    int detailsDepth = 0;
    for (int i = start; i < lines.length; i++) {
      if (code[i]) {
        continue;
      }
      String raw = lines[i];
      int depthBefore = detailsDepth;
      detailsDepth =
          Math.max(0, detailsDepth + count(DETAILS_OPEN, raw) - count(DETAILS_CLOSE, raw));
      if (depthBefore > 0) {
        insideDetails.add(i);
      }
      Matcher hash = MarkdownBankParser.HASH_HEADING.matcher(raw);
      if (hash.matches()) {
        headings.put(i, new Heading(i, hash.group(1).length(), hash.group(2).strip(), false, 0));
        continue;
      }
      Matcher indented = MarkdownBankParser.INDENTED_HEADING.matcher(raw);
      if (indented.matches()) {
        headings.put(
            i,
            new Heading(
                i,
                indented.group(2).length(),
                indented.group(3).strip(),
                false,
                indented.group(1).length()));
        continue;
      }
      Matcher labelled = LABELLED_QUESTION.matcher(raw);
      if (labelled.matches() && (i == start || lines[i - 1].isBlank())) {
        // "**Question**: What is X?" over "**Answer**: ...": a question without any heading; it
        // sits below every heading of the file, which are its title and groups
        String questionText =
            NotesMarkup.stripTags(labelled.group(2)).replace("**", "").replace("__", "").strip();
        Heading h = new Heading(i, LABELLED_LEVEL, raw.strip(), true, 0);
        h.question = new NotesHeadings.QuestionHeading(labelled.group(1), questionText);
        headings.put(i, h);
        continue;
      }
      Matcher boldItem = BOLD_ITEM_QUESTION.matcher(raw);
      if (!boldItem.matches()) {
        boldItem = BOLD_NUMBERED_LINE.matcher(raw);
      }
      if (boldItem.matches() && asksSomething(boldItem.group(2))) {
        // "1. **What is X?**" with the answer indented under it, or "**1. What is X?**": a list of
        // questions without headings; like "**Question**:" lines, below every heading of the file
        Heading h = new Heading(i, LABELLED_LEVEL, raw.strip(), true, 0);
        h.question =
            new NotesHeadings.QuestionHeading(
                boldItem.group(1), NotesMarkup.stripTags(boldItem.group(2)).strip());
        headings.put(i, h);
        continue;
      }
      if (isBareQuestion(i)) {
        Matcher bare = MarkdownBankParser.BARE_QUESTION.matcher(raw);
        bare.matches();
        Heading h = new Heading(i, 1, raw.strip(), true, 0);
        h.question = new NotesHeadings.QuestionHeading(bare.group(1), bare.group(2).strip());
        headings.put(i, h);
      }
    }
    for (Heading h : headings.values()) {
      if (!h.bare) {
        h.question = NotesHeadings.question(h.text).orElse(null);
      }
    }
  }

  /** Decides the question level and the role of every heading. */
  private void layOut() {
    List<Heading> all = new ArrayList<>(headings.values());
    // numbered headings that read as questions decide first: "## 5. How Do You Deploy?" over its
    // "### 1. Build"
    questionLevel =
        commonLevel(
            all,
            h ->
                h.indent == 0
                    && !h.bare
                    && h.question != null
                    && h.question.number() != null
                    && NotesHeadings.readsAsQuestion(h.question.title()));
    if (questionLevel == 0) {
      questionLevel =
          commonLevel(
              all,
              h -> h.indent == 0 && !h.bare && h.question != null && h.question.number() != null);
    }
    boolean numbered = questionLevel > 0;
    if (!numbered) {
      questionLevel =
          commonLevel(
              all,
              h ->
                  h.indent == 0
                      && !h.bare
                      && (h.question != null || NotesHeadings.readsAsQuestion(h.text)));
    }
    if (questionLevel == 0) {
      questionLevel = commonLevel(all, h -> h.indent == 0 && !h.bare && hasAnswerChild(h, all));
    }
    if (questionLevel != 0) {
      // with question headings, a "**Question**:" line restates the question under its heading
      all.removeIf(h -> h.bare && h.level == LABELLED_LEVEL);
      headings.values().removeIf(h -> h.bare && h.level == LABELLED_LEVEL);
    }
    if (questionLevel == 0 && all.stream().anyMatch(h -> h.bare)) {
      questionLevel = all.stream().filter(h -> h.bare).mapToInt(h -> h.level).max().orElse(1);
      numbered = true;
    }
    Set<String> questionNumbers = new HashSet<>();
    for (Heading h : all) {
      if (h.question != null
          && h.question.number() != null
          && (h.bare || h.level <= questionLevel)) {
        questionNumbers.add(h.question.number().toLowerCase(Locale.ROOT));
      }
    }
    int lastQuestionIndex = -1;
    boolean seenQuestion = false;
    boolean first = true;
    String currentNumber = null;
    boolean numberedSubheadingSeen = false;
    List<Heading> unnumbered = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      Heading h = all.get(k);
      boolean isFirst = first;
      first = false;
      if (h.bare) {
        h.role = Role.QUESTION;
      } else if (h.indent > 0
          && h.question != null
          && h.question.number() != null
          && h.level <= Math.max(questionLevel, 1)) {
        h.role = Role.QUESTION;
        String fixed = "#".repeat(h.level) + " " + h.text;
        problems.add(
            problem(
                h.index + 1,
                "`"
                    + lines[h.index]
                    + "` looks like the heading of question "
                    + h.question.number()
                    + " but starts with "
                    + (lines[h.index].startsWith("\t") ? "a tab" : "a space")
                    + ", unlike a question heading — write `"
                    + fixed
                    + "` at the start of the line"));
      } else if (seenQuestion && h.level != questionLevel && insideDetails.contains(h.index)) {
        // "#### 1. Semantic Elements:" inside the <details> answer of a "###### 4. ..." question:
        // a part of that answer, whatever its level and number
        h.role = Role.SECTION;
      } else if (h.indent > 0
          && seenQuestion
          && (h.question == null || h.question.number() == null)) {
        // "  # Why it matters:" indented under a bullet of a question: a part of that question
        h.role = Role.SECTION;
      } else if (questionLevel == 0) {
        h.role =
            isFirst && h.level == 1
                ? Role.TITLE
                : NotesHeadings.isDocumentSection(h.text) ? Role.DOCUMENT_SECTION : Role.SECTION;
      } else if (h.level < questionLevel) {
        if (h.question != null && h.question.number() != null && nextLevel(all, k) <= h.level) {
          h.role = Role.QUESTION;
        } else if (isFirst && h.level == 1 && !seenQuestion) {
          h.role = Role.TITLE;
        } else if (NotesHeadings.isDocumentSection(h.text)) {
          h.role = Role.DOCUMENT_SECTION;
        } else {
          h.role = Role.GROUP;
        }
      } else if (h.level == questionLevel) {
        if (h.question != null) {
          h.role = Role.QUESTION;
        } else if (numbered
            && seenQuestion
            && NotesHeadings.isKnownSection(h.text)
            && !(NotesHeadings.isDocumentSection(h.text) && !questionFollows(all, k))) {
          h.role =
              Role.SECTION; // "### Don'ts" beside "### Q4- ..." headings: a part of the question
          // above
        } else if (NotesHeadings.isDocumentSection(h.text)) {
          h.role = Role.DOCUMENT_SECTION;
        } else if (isFirst
            && h.level == 1
            && !seenQuestion
            && !hasAnswerChild(h, all)
            && !NotesHeadings.readsAsQuestion(h.text)) {
          h.role = Role.TITLE;
        } else if (emptyBody(h, all, k)
            || NotesHeadings.name(h.text).matches(".*\\b(questions|q&a|qna)$")) {
          h.role = Role.GROUP;
        } else if (!numbered || hasAnswerChild(h, all) || NotesHeadings.readsAsQuestion(h.text)) {
          h.role = Role.QUESTION;
        } else {
          h.role = Role.UNNUMBERED;
          unnumbered.add(h);
        }
      } else if (!seenQuestion
          && h.indent == 0
          && h.question != null
          && h.question.number() != null
          && !h.question.title().isEmpty()
          && questionNumbers.size() > 1
          && !questionNumbers.contains(h.question.number().toLowerCase(Locale.ROOT))) {
        // "## 1. Q" before "# 2. Q", "# 3. Q": the first question written one level deeper than the
        // rest; there is no question yet for it to be a part of
        h.role = Role.QUESTION;
      } else {
        h.role = Role.SECTION;
        if (seenQuestion
            && h.question != null
            && h.question.number() != null
            && currentNumber != null
            && !numberedSubheadingSeen) {
          numberedSubheadingSeen = true;
          String n = h.question.number();
          if (isNextNumber(currentNumber, n)
              && !questionNumbers.contains(n.toLowerCase(Locale.ROOT))) {
            String fixed = "#".repeat(questionLevel) + " " + n + ". " + h.question.title();
            problems.add(
                problem(
                    h.index + 1,
                    "`"
                        + lines[h.index].strip()
                        + "` looks like question "
                        + n
                        + " but sits one level too deep, inside question "
                        + currentNumber
                        + " — questions in this file "
                        + "are `"
                        + "#".repeat(questionLevel)
                        + " N. Title` headings: write `"
                        + fixed
                        + "`, or drop "
                        + "the number if it is part of question "
                        + currentNumber));
          }
        }
      }
      if (h.role == Role.TITLE) {
        title = NotesMarkup.withoutEmoji(NotesHeadings.clean(h.text).replace("**", "")).strip();
      }
      if (h.role == Role.QUESTION) {
        seenQuestion = true;
        lastQuestionIndex = h.index;
        currentNumber = h.question == null ? null : h.question.number();
        numberedSubheadingSeen = false;
      } else if (h.role == Role.GROUP || h.role == Role.TITLE) {
        currentNumber = null;
      }
    }
    // a document section ("Key Takeaways") below the question level ends the last question
    for (Heading h : all) {
      if (h.role == Role.SECTION
          && h.index > lastQuestionIndex
          && lastQuestionIndex >= 0
          && NotesHeadings.isDocumentSection(h.text)) {
        h.role = Role.DOCUMENT_SECTION;
      }
    }
    reportUnnumbered(unnumbered, questionNumbers);
  }

  private void reportUnnumbered(List<Heading> unnumbered, Set<String> numbers) {
    if (unnumbered.isEmpty()) {
      return;
    }
    int next =
        numbers.stream().filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0)
            + 1;
    Heading h = unnumbered.get(0);
    String hashes = "#".repeat(questionLevel);
    String rest = NotesHeadings.clean(h.text);
    StringBuilder message =
        new StringBuilder(
            "heading `"
                + lines[h.index].strip()
                + "` has no question number — "
                + "write questions as `"
                + hashes
                + " "
                + next
                + ". "
                + (rest.isEmpty() ? "What Is X?" : rest)
                + "`, and use `"
                + "#".repeat(Math.min(6, questionLevel + 2))
                + " "
                + (rest.isEmpty() ? "Heading" : rest)
                + "` for a section inside a question");
    if (unnumbered.size() > 1) {
      message
          .append("; the same holds for ")
          .append(unnumbered.size() - 1)
          .append(unnumbered.size() == 2 ? " more heading at line " : " more headings at lines ");
      message.append(
          String.join(
              ", ",
              unnumbered.subList(1, unnumbered.size()).stream()
                  .map(u -> Integer.toString(u.index + 1))
                  .toList()));
      message
          .append(" (number them ")
          .append(next + 1)
          .append(", ")
          .append(next + 2)
          .append(", ...)");
    }
    problems.add(problem(h.index + 1, message.toString()));
  }

  private static boolean isNextNumber(String current, String candidate) {
    if (!current.matches("\\d+") || !candidate.matches("\\d+")) {
      return false;
    }
    return Long.parseLong(candidate) == Long.parseLong(current) + 1;
  }

  private int commonLevel(List<Heading> all, Predicate<Heading> counts) {
    int[] byLevel = new int[7];
    for (Heading h : all) {
      if (counts.test(h)) {
        byLevel[h.level]++;
      }
    }
    int best = 0;
    for (int level = 1; level <= 6; level++) {
      if (byLevel[level] > byLevel[best]) {
        best = level;
      }
    }
    return byLevel[best] == 0 ? 0 : best;
  }

  private static boolean hasAnswerChild(Heading h, List<Heading> all) {
    boolean after = false;
    for (Heading other : all) {
      if (other == h) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      if (other.level <= h.level || other.bare) {
        return false;
      }
      if (NotesHeadings.isExplanation(other.text)
          || NotesHeadings.isTip(other.text)
          || NotesHeadings.name(other.text).matches("key points?")) {
        return true;
      }
    }
    return false;
  }

  private static boolean questionFollows(List<Heading> all, int k) {
    for (int j = k + 1; j < all.size(); j++) {
      Heading later = all.get(j);
      if (later.bare || later.question != null && later.question.number() != null) {
        return true;
      }
    }
    return false;
  }

  private static int nextLevel(List<Heading> all, int k) {
    return k + 1 < all.size() ? all.get(k + 1).level : 0;
  }

  /** No text of its own before the next heading, and that heading is not one of its sections. */
  private boolean emptyBody(Heading h, List<Heading> all, int k) {
    int end = k + 1 < all.size() ? all.get(k + 1).index : lines.length;
    for (int i = h.index + 1; i < end; i++) {
      String s = lines[i].strip();
      if (!s.isEmpty()
          && !MarkdownBankParser.THEMATIC_BREAK.matcher(lines[i]).matches()
          && !NotesMarkup.isNavigation(s)
          && !NotesMarkup.isImageOnly(s)) {
        return false;
      }
    }
    return k + 1 < all.size() && all.get(k + 1).level <= h.level;
  }

  /**
   * A short run of lines after a rule at the end of the last question, with no heading: a footer.
   */
  private void findFooter() {
    int lastHeading =
        headings.isEmpty()
            ? -1
            : ((Heading) headings.values().toArray()[headings.size() - 1]).index;
    for (int i = lines.length - 1; i > lastHeading; i--) {
      if (code[i]) {
        return;
      }
      if (MarkdownBankParser.THEMATIC_BREAK.matcher(lines[i]).matches()
          && !MarkdownBankParser.BULLET.matcher(lines[i]).matches()) {
        long content = 0;
        for (int j = i + 1; j < lines.length; j++) {
          if (!lines[j].isBlank()) {
            content++;
          }
        }
        if (content > 0 && content <= FOOTER_LINES) {
          footerStart = i;
        }
        return;
      }
    }
  }

  private int previousNonBlank(int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private boolean isBareQuestion(int i) {
    String raw = lines[i];
    if (!MarkdownBankParser.BARE_QUESTION.matcher(raw).matches()) {
      return false;
    }
    if (i > 0 && !lines[i - 1].isBlank()) {
      return false;
    }
    int previous = previousNonBlank(i);
    if (previous >= 0) {
      String before = lines[previous];
      if (MarkdownBankParser.ORDERED_ITEM.matcher(before).matches()
          || before.strip().startsWith("#")
          || MarkdownBankParser.BOLD_LABEL.matcher(before).matches()) {
        return false;
      }
    }
    int next = nextNonBlank(i + 1);
    if (next < 0) {
      return true;
    }
    String after = lines[next].strip();
    return after.startsWith("#")
        || after.startsWith("|")
        || MarkdownBankParser.BOLD_LABEL.matcher(lines[next]).matches();
  }

  private int nextNonBlank(int from) {
    for (int i = from; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private BankProblem problem(int line, String message) {
    return new BankProblem(file, line, message);
  }
}
